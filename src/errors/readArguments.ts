import { describeValue } from './describeValue';
import type { Issue, IssuePath } from './issue';

/** The kinds of value an option may hold (`any`: read once, checked by the call itself). */
export type OptionKind = 'string' | 'boolean' | 'function' | 'object' | 'list' | 'strings' | 'any';

/** How a call refuses a malformed argument: with its own error class (an `AssessmentError`, a `RulesetError` …). */
export type Refuse = (issue: Issue<'invalid_option' | 'invalid_argument'>, cause?: unknown) => Error;

const DESCRIPTIONS: Readonly<Record<Exclude<OptionKind, 'any'>, string>> = {
  string: 'a string',
  boolean: 'true or false',
  function: 'a function',
  object: 'an object',
  list: 'a list',
  strings: 'a list of strings',
};

/**
 * A call's options, each read once into a fresh object: `undefined` is no options, and anything but an object, or
 * an option (other than `undefined`) not of its kind in `kinds`, or one whose reading throws (a getter, a proxy), is
 * refused with its path (`['options', 'asOf']`). Options not in `kinds` are not read. Lists are copied, so what is
 * checked is what is used.
 */
export function readOptions<T extends object>(
  value: unknown,
  kinds: { readonly [K in keyof T]-?: OptionKind },
  refuse: Refuse,
  argument = 'options',
): T {
  if (value === undefined) return {} as T;
  const refuseOption = (path: IssuePath, message: string) => refuse({ path, code: 'invalid_option', message });
  if (typeof value !== 'object' || value === null || isList(value))
    throw refuseOption([argument], `${argument} must be an object, not ${describeValue(value)}.`);
  const read: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(kinds) as [string, OptionKind][]) {
    const path = [argument, name];
    let option: unknown;
    try {
      option = (value as Record<string, unknown>)[name];
    } catch {
      throw refuseOption(path, `${argument}.${name} cannot be read.`);
    }
    if (option === undefined) continue;
    if (kind === 'any') {
      read[name] = option;
      continue;
    }
    const checked = ofKind(option, kind);
    if (checked === undefined)
      throw refuseOption(
        path,
        isUnreadableList(option)
          ? `${argument}.${name} is a list whose items cannot be read.`
          : `${argument}.${name} must be ${DESCRIPTIONS[kind]}, not ${describeValue(option)}.`,
      );
    read[name] = checked.value;
  }
  return read as T;
}

/**
 * Walks a list argument (`assessMany`'s transactions), calling `each` for every item. An array is data: one whose
 * reading fails (a proxy that throws) is refused as `invalid_argument` at `path`, as is anything not iterable. Any
 * other iterable is the caller's code: what its iteration throws passes through, as does what `each` throws.
 */
export function forEachOf(iterable: unknown, path: IssuePath, refuse: Refuse, each: (item: unknown) => void): void {
  const name = path.join('.');
  if (isList(iterable)) {
    let items: unknown[];
    try {
      items = Array.from(
        { length: (iterable as readonly unknown[]).length },
        (_, index) => (iterable as unknown[])[index],
      );
    } catch (cause) {
      throw refuse({ path, code: 'invalid_argument', message: `${name} cannot be read.` }, cause);
    }
    for (const item of items) each(item);
    return;
  }
  let iterator: Iterator<unknown>;
  try {
    iterator = (iterable as Iterable<unknown>)[Symbol.iterator]();
  } catch (cause) {
    const message = `${name} must be a list (an iterable), not ${describeValue(iterable)}.`;
    throw refuse({ path, code: 'invalid_argument', message }, cause);
  }
  for (let step = iterator.next(); step.done !== true; step = iterator.next()) each(step.value);
}

/** Whether a value is an array whose items cannot be read (a proxy whose traps throw). */
function isUnreadableList(value: unknown): boolean {
  if (!isList(value)) return false;
  try {
    Array.from(value as readonly unknown[]);
    return false;
  } catch {
    return true;
  }
}

/** Whether a value is an array, for any value (a revoked proxy makes `Array.isArray` throw). */
function isList(value: unknown): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** The option as used when it is of its kind (lists copied), else `undefined`; never throws. */
function ofKind(option: unknown, kind: Exclude<OptionKind, 'any'>): { readonly value: unknown } | undefined {
  switch (kind) {
    case 'string':
    case 'boolean':
    case 'function':
      return typeof option === kind ? { value: option } : undefined;
    case 'object':
      return typeof option === 'object' && option !== null ? { value: option } : undefined;
    case 'list':
    case 'strings': {
      if (!isList(option)) return undefined;
      let copy: unknown[];
      try {
        copy = Array.from(option as readonly unknown[]);
      } catch {
        return undefined;
      }
      return kind === 'list' || copy.every((item) => typeof item === 'string') ? { value: copy } : undefined;
    }
  }
}
