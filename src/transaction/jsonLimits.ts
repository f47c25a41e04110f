import type { IssuePath } from '../errors/issue';

/**
 * Bounds on one transaction's JSON text, checked before it is parsed. Each is several times what a valid transaction
 * can need (at most 3 levels of nesting, 10 keys in an object, 1,000 entries in a list, about 11,000 values, 10,000
 * characters of text), so they never refuse a valid transaction; they refuse early, in time and memory linear in the
 * text, what would otherwise cost an issue (and its message) per key or value: 1.8 million unknown keys in one 16 MB
 * line took 25 s and 3 GB to refuse.
 */
export const JSON_LIMITS = {
  /** Objects and arrays inside one another. */
  depth: 16,
  /** Keys in one object. */
  keys: 100,
  /** Entries in one array. */
  items: 2_000,
  /** Values in the whole document: objects, arrays, strings, numbers, booleans and nulls. */
  values: 25_000,
  /** Characters of one string value as written (escapes count as written: `\u00e9` is six). */
  string: 100_000,
  /** Characters of one key as written. */
  key: 200,
} as const;

/** Why a JSON text is over the limits, with the path of the object, array or value where it is. */
export interface LimitProblem {
  readonly path: IssuePath;
  readonly message: string;
}

interface Container {
  readonly kind: 'object' | 'array';
  /** Keys (object) or entries (array) so far. */
  count: number;
  /** The key whose value comes next, or the entry's index. */
  at: string | number | undefined;
  /** In an object: the next string is a key. */
  expectingKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Checks JSON text against `JSON_LIMITS` in one pass over its characters, building nothing but the path to where it
 * is (at most `depth` keys of at most `key` characters). Returns the first limit exceeded, or `undefined` when there
 * is none. Text that is not JSON is not judged: whatever it does not understand is left to `JSON.parse` to report.
 */
export function checkJsonLimits(text: string): LimitProblem | undefined {
  const stack: Container[] = [];
  let values = 0;
  // Where the value being read is, and where the innermost object or array is.
  const valuePath = (): IssuePath => stack.flatMap(({ at }) => (at === undefined ? [] : [at]));
  const containerPath = (): IssuePath =>
    valuePath().slice(0, stack[stack.length - 1]?.at === undefined ? undefined : -1);
  /** Counts a value that starts here; an over-limit count is the problem. */
  const startValue = (): LimitProblem | undefined => {
    if (++values > JSON_LIMITS.values)
      return { path: [], message: `The transaction has more than ${format(JSON_LIMITS.values)} values in all.` };
    const parent = stack[stack.length - 1];
    if (parent?.kind === 'array') {
      parent.at = parent.count;
      if (++parent.count > JSON_LIMITS.items)
        return { path: containerPath(), message: `An array has more than ${format(JSON_LIMITS.items)} entries.` };
    }
    return undefined;
  };

  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      const end = closingQuote(text, index + 1);
      if (end === -1) return undefined;
      const length = end - index - 1;
      const parent = stack[stack.length - 1];
      if (parent?.kind === 'object' && parent.expectingKey) {
        if (length > JSON_LIMITS.key)
          return { path: containerPath(), message: `A key is longer than ${format(JSON_LIMITS.key)} characters.` };
        parent.expectingKey = false;
        parent.at = text.slice(index + 1, end);
        if (++parent.count > JSON_LIMITS.keys)
          return { path: containerPath(), message: `An object has more than ${format(JSON_LIMITS.keys)} keys.` };
      } else {
        const problem = startValue();
        if (problem !== undefined) return problem;
        if (length > JSON_LIMITS.string)
          return { path: valuePath(), message: `A string is longer than ${format(JSON_LIMITS.string)} characters.` };
      }
      index = end + 1;
      continue;
    }
    switch (code) {
      case 0x7b: // {
      case 0x5b: {
        // [
        const problem = startValue();
        if (problem !== undefined) return problem;
        if (stack.length >= JSON_LIMITS.depth)
          return { path: valuePath(), message: `Objects and arrays are nested more than ${JSON_LIMITS.depth} deep.` };
        stack.push({ kind: code === 0x7b ? 'object' : 'array', count: 0, at: undefined, expectingKey: code === 0x7b });
        break;
      }
      case 0x7d: // }
      case 0x5d: // ]
        stack.pop();
        break;
      case 0x2c: {
        // ,
        const parent = stack[stack.length - 1];
        if (parent?.kind === 'object') parent.expectingKey = true;
        break;
      }
      case 0x3a: // :
      case 0x20:
      case 0x09:
      case 0x0a:
      case 0x0d:
        break;
      default: {
        // A number, true, false or null: one value, up to the next delimiter.
        const problem = startValue();
        if (problem !== undefined) return problem;
        while (index + 1 < text.length && !isDelimiter(text.charCodeAt(index + 1))) index++;
      }
    }
    index++;
  }
  return undefined;
}

/** The index of the quote that closes a string whose first character is at `from`, or -1. */
function closingQuote(text: string, from: number): number {
  for (let index = text.indexOf('"', from); index !== -1; index = text.indexOf('"', index + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(index - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return index;
  }
  return -1;
}

function isDelimiter(code: number): boolean {
  return (
    code === 0x2c || code === 0x7d || code === 0x5d || code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d
  );
}

function format(count: number): string {
  return count.toLocaleString('en');
}
