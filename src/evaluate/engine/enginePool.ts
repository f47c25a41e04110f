/** Engines handed to one run at a time. */
export interface EnginePool<T> {
  acquire(): T | Promise<T>;
  release(engines: T): void;
  /** Drops an engine whose run failed (it is not reused); a fresh one takes its place for a waiting call. */
  discard(): void;
}

/**
 * At most `size` engines per compiled ruleset, each built on first need; a call that finds none idle waits for one.
 * Without the bound, a burst of 10,000 concurrent calls built 10,000 engines (2 GB of heap, over a minute).
 */
export function createPool<T>(create: () => T, size = 8): EnginePool<T> {
  const idle: T[] = [];
  const waiting: ((engine: T) => void)[] = [];
  let created = 0;
  const hand = (engine: T) => {
    const next = waiting.shift();
    if (next === undefined) idle.push(engine);
    else next(engine);
  };
  return {
    acquire: () => {
      const engine = idle.pop();
      if (engine !== undefined) return engine;
      if (created < size) {
        created++;
        return create();
      }
      return new Promise<T>((resolve) => waiting.push(resolve));
    },
    release: hand,
    discard: () => {
      if (waiting.length === 0) created--;
      else hand(create());
    },
  };
}
