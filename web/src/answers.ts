/** A transaction being filled in: plain JSON, exactly what is downloaded and what `assess` reads. */
export type Draft = Record<string, unknown>;

/** The value at a dotted path of a draft; `undefined` when absent (not known). */
export function getAnswer(draft: Draft, path: string): unknown {
  let value: unknown = draft;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
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
  const child = setAnswer(typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as Draft) : {}, rest.join('.'), value);
  if (Object.keys(child).length === 0) delete next[key];
  else next[key] = child;
  return next;
}
