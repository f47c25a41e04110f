/** One contender of a timed comparison: `run` processes all `count` transactions once; `warmUp` runs untimed before it. */
export interface Contender {
  readonly name: string;
  readonly count: number;
  readonly run: () => unknown;
  readonly warmUp: () => unknown;
}

/** Microseconds per transaction of each contender, one value per round. */
export type Rounds = Record<string, number[]>;

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Runs the contenders side by side: every round runs each contender once over its transactions, in an order that
 * rotates from round to round, with a full garbage collection before each run (when `--expose-gc` is on), so that
 * machine noise and garbage left by one contender fall on all of them alike. Each timed run follows a short
 * untimed warm-up of the same contender: while the others ran, V8 may have dropped its compiled code.
 */
export async function measureRounds(
  contenders: readonly Contender[],
  rounds: number,
  onRound?: (round: number) => void,
): Promise<Rounds> {
  const results: Rounds = Object.fromEntries(contenders.map(({ name }) => [name, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    for (let offset = 0; offset < contenders.length; offset++) {
      const contender = contenders[(round + offset) % contenders.length] as Contender;
      gc?.();
      await contender.warmUp();
      const start = performance.now();
      await contender.run();
      (results[contender.name] as number[]).push(((performance.now() - start) * 1000) / contender.count);
    }
    onRound?.(round + 1);
  }
  return results;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Rounds a number to a given count of significant digits, for reports. */
export function significant(value: number, digits = 3): number {
  return value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(digits));
}
