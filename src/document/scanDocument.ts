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

/** A value still to read, linked to the container it came from (paths are built only for issues). */
interface Pending {
  readonly value: unknown;
  /** The pending entry of the container holding this value; `undefined` for the document itself. */
  readonly parent: Pending | undefined;
  /** This value's key or index in its container. */
  readonly segment: string | number;
  readonly depth: number;
  /** Where this value's copy goes: its container's copy (at `segment`); `undefined` for the document itself. */
  readonly target: Record<string, unknown> | unknown[] | undefined;
}

/** The path of a pending value, from the document's root. */
function pathOf(pending: Pending | undefined): IssuePath {
  const path: (string | number)[] = [];
  for (let entry = pending; entry?.parent !== undefined; entry = entry.parent) path.push(entry.segment);
  return path.reverse();
}

/** Whether `value` is the value of `pending` or of one of the containers it sits in. */
function isAncestor(value: object, pending: Pending | undefined): boolean {
  for (let entry = pending; entry !== undefined; entry = entry.parent) if (entry.value === value) return true;
  return false;
}

/** What reading an untrusted document found: its issues, and a plain copy of exactly what was read. */
export interface ReadDocument {
  readonly issues: Issue[];
  /**
   * Plain objects, arrays and primitives built from the values the scan read, each once: a getter, proxy or later
   * mutation of the original cannot make what is checked differ from what is compiled. Complete only when `issues`
   * is empty.
   */
  readonly copy: unknown;
}

/** The issues `readDocument` finds: what makes a document unsafe to read. */
export function scanDocument(document: unknown): Issue[] {
  return readDocument(document).issues;
}

/**
 * Walks an untrusted document iteratively (no recursion, so no stack overflow) and reports what is not plain,
 * bounded JSON: prototype-reaching keys and values, excessive depth or size, cycles, and values JSON cannot hold.
 * It reads every property once, through its descriptor, so getters never run, and it never throws: an object whose
 * reading fails (a revoked proxy, a throwing trap) is reported like any other non-JSON value.
 * Other checks only run on a document this scan accepts, and should read its `copy`.
 */
export function readDocument(document: unknown): ReadDocument {
  const issues: Issue[] = [];
  let copy: unknown;
  const place = (pending: Pending, value: unknown) => {
    if (pending.target === undefined) copy = value;
    else define(pending.target, pending.segment, value);
  };
  const stack: Pending[] = [{ value: document, parent: undefined, segment: '', depth: 0, target: undefined }];
  let nodes = 0;
  while (stack.length > 0) {
    const pending = stack.pop() as Pending;
    const { value, depth } = pending;
    nodes++;
    if (typeof value !== 'object' || value === null) place(pending, value);
    if (typeof value === 'string') {
      checkString(value, pending, 'value', issues);
      continue;
    }
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value))
        issues.push({
          path: pathOf(pending),
          code: 'not_json',
          found: 'number',
          message: `${String(value)} is not a JSON number.`,
        });
      continue;
    }
    if (typeof value !== 'object') {
      issues.push({
        path: pathOf(pending),
        code: 'not_json',
        found: typeof value as 'bigint' | 'function' | 'symbol' | 'undefined',
        message: `A ${typeof value} is not JSON data; rulesets hold data only, never code.`,
      });
      continue;
    }
    if (isAncestor(value, pending.parent)) {
      issues.push({
        path: pathOf(pending),
        code: 'cycle',
        message: 'The document refers to itself (a cycle); JSON cannot hold one.',
      });
      continue;
    }
    if (depth >= DOCUMENT_LIMITS.maxDepth) {
      issues.push({
        path: pathOf(pending),
        code: 'too_deep',
        limit: DOCUMENT_LIMITS.maxDepth,
        message: `Nesting deeper than ${DOCUMENT_LIMITS.maxDepth} levels.`,
      });
      continue;
    }
    const budget = DOCUMENT_LIMITS.maxNodes - nodes - stack.length;
    let container: Record<string, unknown> | unknown[] = {};
    let children: readonly Pending[] | 'too_large';
    try {
      if (Array.isArray(value)) container = [];
      children = readChildren(value, pending, container, budget, issues);
    } catch {
      issues.push({
        path: pathOf(pending),
        code: 'not_json',
        found: 'unreadable',
        message: 'This value cannot be read as plain JSON data.',
      });
      continue;
    }
    if (children === 'too_large') {
      issues.push({
        path: [],
        code: 'document_too_large',
        limit: DOCUMENT_LIMITS.maxNodes,
        message: `The document has more than ${DOCUMENT_LIMITS.maxNodes} values.`,
      });
      break;
    }
    place(pending, container);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as Pending);
  }
  return { issues, copy };
}

/** Adds a property to a copy as plain data, whatever its name: never through a setter, never onto a prototype. */
function define(container: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * The children of a plain object or array, in document order (issues about the container go to `issues`), each to be
 * copied into `container`. A container with more entries than `budget`, the values the document may still hold, is
 * not read at all, so a sparse array of a billion slots costs nothing.
 */
function readChildren(
  value: object,
  parent: Pending,
  container: Record<string, unknown> | unknown[],
  budget: number,
  issues: Issue[],
): readonly Pending[] | 'too_large' {
  const depth = parent.depth + 1;
  const child = (segment: string | number, descriptor: PropertyDescriptor | undefined): Pending | undefined => {
    if (descriptor === undefined) return undefined;
    if (!('value' in descriptor)) {
      issues.push({
        path: [...pathOf(parent), segment],
        code: 'not_json',
        found: 'accessor',
        message: 'Accessor properties (getters and setters) are not JSON data.',
      });
      return undefined;
    }
    return { value: descriptor.value as unknown, parent, segment, depth, target: container };
  };
  const children: Pending[] = [];
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return notPlain(parent, issues);
    if (value.length > budget) return 'too_large';
    let holes = 0;
    for (let index = 0; index < value.length; index++) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, index);
      if (descriptor === undefined) holes++;
      const entry = child(index, descriptor);
      if (entry !== undefined) children.push(entry);
    }
    if (holes > 0)
      issues.push({
        path: pathOf(parent),
        code: 'not_json',
        found: 'sparse_array',
        message: `A sparse array (${holes} of its ${value.length} slots are empty) is not JSON data.`,
      });
    if (Reflect.ownKeys(value).length !== value.length - holes + 1) {
      issues.push({
        path: pathOf(parent),
        code: 'not_json',
        found: 'array_property',
        message: 'An array with named properties is not JSON data.',
      });
    }
    return children;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return notPlain(parent, issues);
  const keys = Reflect.ownKeys(value);
  if (keys.length > budget) return 'too_large';
  for (const key of keys) {
    if (typeof key === 'symbol') {
      issues.push({
        path: pathOf(parent),
        code: 'not_json',
        found: 'symbol_key',
        message: 'Symbol-keyed properties are not JSON data.',
      });
      continue;
    }
    if (!checkString(key, { value: key, parent, segment: key, depth, target: undefined }, 'key', issues)) continue;
    const entry = child(key, Reflect.getOwnPropertyDescriptor(value, key));
    if (entry !== undefined) children.push(entry);
  }
  return children;
}

function notPlain(pending: Pending, issues: Issue[]): readonly Pending[] {
  issues.push({
    path: pathOf(pending),
    code: 'not_json',
    found: 'class_instance',
    message: 'Only plain JSON objects and arrays are allowed.',
  });
  return [];
}

/** Checks a key (`pending` is the key's entry) or a string value; reports to `issues` and returns whether it passed. */
function checkString(text: string, pending: Pending, what: 'key' | 'value', issues: Issue[]): boolean {
  if (text.length > DOCUMENT_LIMITS.maxStringLength) {
    const path = pathOf(pending);
    issues.push({
      path: what === 'key' ? path.slice(0, -1) : path,
      code: 'string_too_long',
      length: text.length,
      limit: DOCUMENT_LIMITS.maxStringLength,
      message: `A ${what} of ${text.length} characters; at most ${DOCUMENT_LIMITS.maxStringLength} are allowed.`,
    });
    return false;
  }
  if (reachesPrototype(text)) {
    const message =
      `The ${what} "${text}" names a property every JavaScript object inherits (or its ` +
      `prototype); a ruleset may not use it as a key, an id or a reference.`;
    const path = pathOf(pending);
    issues.push(
      what === 'key'
        ? { path, code: 'forbidden_key', key: text, message }
        : { path, code: 'forbidden_name', name: text, message },
    );
    return false;
  }
  return true;
}
