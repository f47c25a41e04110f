import type { Issue, IssuePath } from '../errors/issue';
import { reachesPrototype } from './prototypeNames';
import { DOCUMENT_LIMITS, type ScanLimits } from './scanLimits';

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

/** The issues `readDocument` finds: what makes a document unsafe to read. No copy is made (a third of the cost). */
export function scanDocument(document: unknown, limits = DOCUMENT_LIMITS): Issue[] {
  return walkDocument(document, limits, false).issues;
}

/**
 * Walks an untrusted document iteratively (no recursion, so no stack overflow) and reports what is not plain,
 * bounded JSON: prototype-reaching keys and values, excessive depth or size, cycles, and values JSON cannot hold.
 * It reads every property once, through its descriptor, so getters never run, and it never throws: an object whose
 * reading fails (a revoked proxy, a throwing trap) is reported like any other non-JSON value.
 * Other checks only run on a document this scan accepts, and should read its `copy`.
 */
export function readDocument(document: unknown, limits = DOCUMENT_LIMITS): ReadDocument {
  return walkDocument(document, limits, true);
}

/** The walk of `readDocument`, building the copy only when `copying`: the issues are the same either way. */
function walkDocument(document: unknown, limits: ScanLimits, copying: boolean): ReadDocument {
  const issues: Issue[] = [];
  let copy: unknown;
  const place = (pending: Pending, value: unknown) => {
    if (!copying) return;
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
      checkString(value, pending, 'value', limits, issues);
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
        message: `A ${typeof value} is not JSON data.`,
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
    if (depth >= limits.maxDepth) {
      issues.push({
        path: pathOf(pending),
        code: 'too_deep',
        limit: limits.maxDepth,
        message: `Nesting deeper than ${limits.maxDepth} levels.`,
      });
      continue;
    }
    const budget = limits.maxNodes - nodes - stack.length;
    let container: Record<string, unknown> | unknown[] = {};
    let children: readonly Pending[] | 'too_large';
    try {
      if (Array.isArray(value)) container = [];
      children = readChildren(value, pending, container, budget, limits, issues);
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
        limit: limits.maxNodes,
        message: `More than ${limits.maxNodes} values in all.`,
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
  limits: ScanLimits,
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
    if (limits.readAsCode && !readsAsHeld(value, segment, descriptor.value)) {
      issues.push({
        path: [...pathOf(parent), segment],
        code: 'not_json',
        found: 'unreadable',
        message: 'Reading this value fails, or gives another value than it holds (a proxy).',
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
    if (!checkString(key, { value: key, parent, segment: key, depth, target: undefined }, 'key', limits, issues))
      continue;
    const entry = child(key, Reflect.getOwnPropertyDescriptor(value, key));
    if (entry !== undefined) children.push(entry);
  }
  return children;
}

/** Whether code that reads `key` of `container` (`in`, then the value) finds the value its descriptor holds. */
function readsAsHeld(container: object, key: string | number, held: unknown): boolean {
  try {
    return Reflect.has(container, key) && Object.is(Reflect.get(container, key), held);
  } catch {
    return false;
  }
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
function checkString(
  text: string,
  pending: Pending,
  what: 'key' | 'value',
  limits: ScanLimits,
  issues: Issue[],
): boolean {
  if (text.length > limits.maxStringLength) {
    const path = pathOf(pending);
    issues.push({
      path: what === 'key' ? path.slice(0, -1) : path,
      code: 'string_too_long',
      length: text.length,
      limit: limits.maxStringLength,
      message: `A ${what} of ${text.length} characters; at most ${limits.maxStringLength} are allowed.`,
    });
    return false;
  }
  if (limits.prototypeNames && reachesPrototype(text)) {
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
