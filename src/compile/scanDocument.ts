import type { Issue, IssuePath } from '../errors/issue';

/** Limits on a ruleset document's shape, checked before anything else reads it. */
export const DOCUMENT_LIMITS = {
  /** Deepest nesting of objects and arrays. Condition trees of real law stay far below it. */
  maxDepth: 64,
  /** Most objects, arrays and values in one document. */
  maxNodes: 200_000,
  /** Longest string, key or value. */
  maxStringLength: 10_000,
} as const;

/** Keys that reach or replace object prototypes in JavaScript; refused anywhere in a ruleset, also as a segment of a dotted id. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a key or dotted id names a prototype-reaching property in any of its segments. */
export function reachesPrototype(key: string): boolean {
  return key.split('.').some((segment) => FORBIDDEN_KEYS.has(segment));
}

/**
 * Walks an untrusted document iteratively (no recursion, so no stack overflow) and reports what is not plain,
 * bounded JSON: prototype keys, excessive depth or size, cycles, and values JSON cannot hold.
 * Other checks only run on a document this scan accepts.
 */
export function scanDocument(document: unknown): Issue[] {
  const issues: Issue[] = [];
  const stack: { value: unknown; path: IssuePath; depth: number; ancestors: readonly object[] }[] = [
    { value: document, path: [], depth: 0, ancestors: [] },
  ];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path, depth, ancestors } = stack.pop() as (typeof stack)[number];
    if (++nodes > DOCUMENT_LIMITS.maxNodes) {
      issues.push({ path: [], code: 'document_too_large', message: `The document has more than ${DOCUMENT_LIMITS.maxNodes} values.` });
      break;
    }
    if (typeof value === 'string') {
      if (value.length > DOCUMENT_LIMITS.maxStringLength) {
        issues.push({ path, code: 'string_too_long', message: `String of ${value.length} characters; at most ${DOCUMENT_LIMITS.maxStringLength} are allowed.` });
      }
      continue;
    }
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) issues.push({ path, code: 'not_json', message: `${String(value)} is not a JSON number.` });
      continue;
    }
    if (typeof value !== 'object') {
      issues.push({ path, code: 'not_json', message: `A ${typeof value} is not JSON data; rulesets hold data only, never code.` });
      continue;
    }
    if (ancestors.includes(value)) {
      issues.push({ path, code: 'cycle', message: 'The document refers to itself (a cycle); JSON cannot hold one.' });
      continue;
    }
    if (depth >= DOCUMENT_LIMITS.maxDepth) {
      issues.push({ path, code: 'too_deep', message: `Nesting deeper than ${DOCUMENT_LIMITS.maxDepth} levels.` });
      continue;
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    const isArray = Array.isArray(value);
    if (!isArray && prototype !== Object.prototype && prototype !== null) {
      issues.push({ path, code: 'not_json', message: 'Only plain JSON objects and arrays are allowed.' });
      continue;
    }
    const nextAncestors = [...ancestors, value];
    if (isArray) {
      for (let index = value.length - 1; index >= 0; index--) {
        stack.push({ value: value[index] as unknown, path: [...path, index], depth: depth + 1, ancestors: nextAncestors });
      }
      continue;
    }
    const keys = Object.keys(value);
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index] as string;
      if (key.length > DOCUMENT_LIMITS.maxStringLength) {
        issues.push({ path, code: 'string_too_long', message: `A key of ${key.length} characters; at most ${DOCUMENT_LIMITS.maxStringLength} are allowed.` });
        continue;
      }
      if (reachesPrototype(key)) {
        issues.push({ path: [...path, key], code: 'forbidden_key', message: `The key "${key}" could reach object prototypes and is not allowed in a ruleset.` });
        continue;
      }
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor !== undefined && !('value' in descriptor)) {
        issues.push({ path: [...path, key], code: 'not_json', message: 'Accessor properties are not JSON data.' });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key], depth: depth + 1, ancestors: nextAncestors });
    }
  }
  return issues;
}
