/**
 * Names that reach or replace object prototypes in JavaScript: `__proto__`, `prototype`, and every property every
 * plain object inherits (`constructor`, `toString`, `hasOwnProperty`, …). A lookup of one of them in a plain object
 * finds something the document never declared, so a ruleset may use none of them as a key, an id or a reference.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'prototype',
  'constructor',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
]);

const FORBIDDEN_LENGTHS = [...FORBIDDEN_KEYS].map((key) => key.length);
const SHORTEST_FORBIDDEN = Math.min(...FORBIDDEN_LENGTHS);
const LONGEST_FORBIDDEN = Math.max(...FORBIDDEN_LENGTHS);

/** Whether a key, id or dotted fact path names a prototype-reaching property in any of its `.`-separated segments. */
export function reachesPrototype(key: string): boolean {
  // Every string of a ruleset passes here, legal prose included: segments are found without splitting the string,
  // and only those of a forbidden name's length are looked up.
  let start = 0;
  for (;;) {
    const dot = key.indexOf('.', start);
    const end = dot === -1 ? key.length : dot;
    const length = end - start;
    if (length >= SHORTEST_FORBIDDEN && length <= LONGEST_FORBIDDEN && FORBIDDEN_KEYS.has(key.slice(start, end)))
      return true;
    if (dot === -1) return false;
    start = dot + 1;
  }
}
