/** A transaction being filled in: plain JSON, exactly what is downloaded and what `assess` reads. */
export type Draft = Record<string, unknown>;

/** The value at a dotted path of a draft; `undefined` when absent (not known). */
export function getAnswer(draft: Draft, path: string): unknown {
  let value: unknown = draft;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key))
      return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * A copy of the draft with the value at `path` set, or removed when `value` is `undefined` ("don't know"). Objects
 * left empty by a removal are removed too, so an unanswered section reads as unknown rather than as `{}`.
 */
export function setAnswer(draft: Draft, path: string, value: unknown): Draft {
  const [key, ...rest] = path.split('.') as [string, ...string[]];
  const next: Draft = { ...draft };
  if (rest.length === 0) {
    if (value === undefined) delete next[key];
    else next[key] = value;
    return next;
  }
  const current = next[key];
  const child = setAnswer(
    typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as Draft) : {},
    rest.join('.'),
    value,
  );
  if (Object.keys(child).length === 0) delete next[key];
  else next[key] = child;
  return next;
}

/** A place in a draft: object keys and list indexes from the root, as validation issues give them. */
export type DraftPath = readonly (string | number)[];

/** The value at `path`; `undefined` when absent. */
export function getAt(draft: Draft, path: DraftPath): unknown {
  let value: unknown = draft;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(value) || key < 0 || key >= value.length) return undefined;
      value = value[key];
    } else {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key))
        return undefined;
      value = (value as Record<string, unknown>)[key];
    }
  }
  return value;
}

/**
 * A copy of the draft with the value at `path` replaced (`value` given) or removed (`undefined`). A removal never
 * turns into an answer the officer did not give: a list left empty is removed (unknown), not kept as "none", and so
 * is an object left empty. A value set where sections are missing creates them; a removal where `path` leads to no
 * value leaves the draft unchanged.
 */
export function setAt(draft: Draft, path: DraftPath, value: unknown): Draft {
  const next = replaceIn(draft, path, value);
  return typeof next === 'object' && next !== null && !Array.isArray(next) ? (next as Draft) : {};
}

function replaceIn(container: unknown, path: DraftPath, value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (typeof key === 'number') {
    if (!Array.isArray(container) || key < 0 || key >= container.length) return container;
    const copy = [...(container as unknown[])];
    const child = replaceIn(copy[key], rest, value);
    if (child === undefined) copy.splice(key, 1);
    else copy[key] = child;
    return copy.length === 0 ? undefined : copy;
  }
  if (typeof container !== 'object' || container === null || Array.isArray(container)) return container;
  const record = container as Record<string, unknown>;
  if (rest.length > 0 && !Object.hasOwn(record, key) && value === undefined) return container;
  const copy: Record<string, unknown> = { ...record };
  const child = replaceIn(Object.hasOwn(record, key) ? record[key] : {}, rest, value);
  if (child === undefined) delete copy[key];
  else copy[key] = child;
  return Object.keys(copy).length === 0 ? undefined : copy;
}

/** Every answered field of a draft, as dotted paths of its leaves (a list is one leaf). */
export function answeredPaths(draft: Draft, prefix = ''): string[] {
  return Object.entries(draft).flatMap(([key, value]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? answeredPaths(value as Draft, path)
      : [path];
  });
}
