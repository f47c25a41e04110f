import type { z } from 'zod';

/** What a compiled parser returns for input that it does not accept. */
const REJECTED: unique symbol = Symbol('rejected');

type Parse = (input: unknown) => unknown;

/** The parts of a zod schema definition this compiler reads. */
interface Definition {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly defaultValue?: unknown;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDefinition } }[];
}

interface CheckDefinition {
  readonly check: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly format?: string;
  readonly pattern?: RegExp;
}

/** A construct outside the subset compiled here; the schema then gets no fast parser. */
class Unsupported extends Error {}

const parsers = new WeakMap<z.ZodType, ((input: unknown) => unknown) | null>();

/**
 * A fast path in front of a zod schema: the schema compiled into plain closures that accept exactly what zod
 * accepts for the subset of zod the transaction contract uses (strict objects, optional, nullable, default,
 * strings with length and pattern checks, ISO dates, enums, booleans and arrays with length checks) and return
 * the same output. It never explains a rejection: callers run zod itself on anything it rejects, for the issues.
 * A schema with any other construct gets no fast path (`undefined`), so a change to the contract can make
 * validation slower but never different.
 *
 * @returns The parse function (its output, or `undefined` for input it does not accept), or `undefined`.
 */
export function fastParserFor(schema: z.ZodType): ((input: unknown) => unknown) | undefined {
  let parser = parsers.get(schema);
  if (parser === undefined) {
    parser = null;
    try {
      const compiled = compile(schema);
      parser = (input) => {
        const output = compiled(input);
        return output === REJECTED ? undefined : output;
      };
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
    }
    parsers.set(schema, parser);
  }
  return parser ?? undefined;
}

function definitionOf(schema: z.ZodType): Definition {
  return (schema as unknown as { _zod: { def: Definition } })._zod.def;
}

function compile(schema: z.ZodType): Parse {
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'object':
      return compileObject(definition);
    case 'optional': {
      const inner = compile(definition.innerType as z.ZodType);
      return (input) => (input === undefined ? undefined : inner(input));
    }
    case 'nullable': {
      const inner = compile(definition.innerType as z.ZodType);
      return (input) => (input === null ? null : inner(input));
    }
    case 'default': {
      const fallback = definition.defaultValue;
      if (fallback !== null && typeof fallback === 'object') throw new Unsupported();
      const inner = compile(definition.innerType as z.ZodType);
      return (input) => (input === undefined ? fallback : inner(input));
    }
    case 'string':
      return compileString(definition);
    case 'enum': {
      const values = (schema as unknown as { _zod: { values?: ReadonlySet<unknown> } })._zod.values;
      if (values === undefined) throw new Unsupported();
      return (input) => (values.has(input) ? input : REJECTED);
    }
    case 'boolean':
      return (input) => (typeof input === 'boolean' ? input : REJECTED);
    case 'array':
      return compileArray(definition);
    default:
      throw new Unsupported();
  }
}

/** A strict object: a plain object with no key outside the shape; absent optional keys stay absent. */
function compileObject(definition: Definition): Parse {
  if (definition.catchall === undefined || definitionOf(definition.catchall).type !== 'never') throw new Unsupported();
  const fields = Object.entries(definition.shape ?? {}).map(([key, schema]) => ({ key, parse: compile(schema) }));
  // A key that plain objects inherit would be read from the prototype when absent.
  if (fields.some(({ key }) => key in Object.prototype)) throw new Unsupported();
  const keys = new Set(fields.map((field) => field.key));
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return REJECTED;
    const prototype = Object.getPrototypeOf(input) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return REJECTED;
    const record = input as Record<string, unknown>;
    for (const key in record) if (!keys.has(key)) return REJECTED;
    const output: Record<string, unknown> = {};
    for (const { key, parse } of fields) {
      const value = parse(record[key]);
      if (value === REJECTED) return REJECTED;
      if (value !== undefined || key in record) output[key] = value;
    }
    return output;
  };
}

function compileString(definition: Definition): Parse {
  const tests: ((value: string) => boolean)[] = [];
  if (definition.format !== undefined) {
    // An ISO date is a string schema that is its own format check.
    if (definition.format !== 'date' || definition.pattern === undefined) throw new Unsupported();
    tests.push(patternTest(definition.pattern));
  }
  for (const check of definition.checks ?? []) tests.push(lengthOrPatternTest(check._zod.def));
  return (input) => {
    if (typeof input !== 'string') return REJECTED;
    for (const test of tests) if (!test(input)) return REJECTED;
    return input;
  };
}

function compileArray(definition: Definition): Parse {
  const element = compile(definition.element as z.ZodType);
  const tests = (definition.checks ?? []).map((check) => {
    const { check: kind, minimum, maximum } = check._zod.def;
    if (kind === 'max_length' && maximum !== undefined) return (length: number) => length <= maximum;
    if (kind === 'min_length' && minimum !== undefined) return (length: number) => length >= minimum;
    throw new Unsupported();
  });
  return (input) => {
    if (!Array.isArray(input)) return REJECTED;
    for (const test of tests) if (!test(input.length)) return REJECTED;
    const output: unknown[] = [];
    for (let index = 0; index < input.length; index++) {
      const value = element(input[index]);
      if (value === REJECTED) return REJECTED;
      output.push(value);
    }
    return output;
  };
}

function lengthOrPatternTest(check: CheckDefinition): (value: string) => boolean {
  const { minimum, maximum } = check;
  if (check.check === 'min_length' && minimum !== undefined) return (value) => value.length >= minimum;
  if (check.check === 'max_length' && maximum !== undefined) return (value) => value.length <= maximum;
  if (check.check === 'string_format' && check.format === 'regex' && check.pattern !== undefined) return patternTest(check.pattern);
  throw new Unsupported();
}

function patternTest(pattern: RegExp): (value: string) => boolean {
  return (value) => {
    pattern.lastIndex = 0;
    return pattern.test(value);
  };
}
