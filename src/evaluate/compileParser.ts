import type { z } from 'zod';

/** What a compiled parser returns for input that it does not accept. */
const REJECTED: unique symbol = Symbol('rejected');

/**
 * A compiled parser: the parsed value, or `REJECTED`. Where a path being read ends, it also stores the parsed value
 * in `read`, at that path's index (passed along rather than shared, since a getter in the input may parse again).
 */
type Parse = (input: unknown, read: unknown[]) => unknown;

/** The paths being read below one value: the value itself is read (at `index`), or values further down by key. */
interface Projection {
  index?: number;
  readonly below: Map<string, Projection>;
}

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

/** A construct outside the subset compiled here; the schema then gets no fast reader. */
class Unsupported extends Error {}

/**
 * A fast path in front of a zod schema: the schema compiled into plain closures that accept exactly what zod
 * accepts for the subset of zod the transaction contract uses (strict objects, optional, nullable, default,
 * strings with length and pattern checks, ISO dates, enums, booleans and arrays with length checks), and read the
 * values at some paths of what zod would return, without building the rest of it. The path `[]` reads the whole
 * value. It never explains a rejection: callers run zod itself on anything it rejects, for the issues.
 * A schema with any other construct gets no fast path (`undefined`), so a change to the contract can make
 * validation slower but never different.
 *
 * @param paths - Object keys from the root; a path must not lead into a value that another path reads whole.
 * @returns A function giving the values at `paths` in order (`undefined` where a path meets an absent or `null`
 * value), or `undefined` for input that the schema does not accept; or `undefined` for a schema outside the subset.
 */
export function fastReaderFor(
  schema: z.ZodType,
  paths: readonly (readonly string[])[],
): ((input: unknown) => unknown[] | undefined) | undefined {
  let compiled: Parse;
  try {
    compiled = compile(schema, projectionOf(paths));
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  const count = paths.length;
  return (input) => {
    const read = new Array<unknown>(count).fill(undefined);
    return compiled(input, read) === REJECTED ? undefined : read;
  };
}

/**
 * What `fastReaderFor` reads at a path of a value that zod returned: `undefined` where the path meets an absent or
 * `null` value. For the slow path, when zod itself parsed the input.
 */
export function valueAtPath(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || at === undefined) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function projectionOf(paths: readonly (readonly string[])[]): Projection {
  const root: Projection = { below: new Map() };
  paths.forEach((path, index) => {
    let node = root;
    for (const key of path) {
      let next = node.below.get(key);
      if (next === undefined) {
        next = { below: new Map() };
        node.below.set(key, next);
      }
      node = next;
    }
    node.index = index;
  });
  return root;
}

function definitionOf(schema: z.ZodType): Definition {
  return (schema as unknown as { _zod: { def: Definition } })._zod.def;
}

/**
 * Compiles a schema; with a projection, also reads the values at its paths. A value read whole is parsed in full; a
 * value with paths below it is only validated, apart from those paths.
 */
function compile(schema: z.ZodType, projection?: Projection): Parse {
  if (projection?.index !== undefined) {
    if (projection.below.size > 0) throw new Error('A path leads into a value that another path reads whole.');
    const parse = compile(schema);
    const { index } = projection;
    return (input, read) => {
      const value = parse(input, read);
      if (value !== REJECTED) read[index] = value;
      return value;
    };
  }
  const below = projection !== undefined && projection.below.size > 0 ? projection : undefined;
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'object':
      return compileObject(definition, below);
    case 'optional': {
      const innerType = definition.innerType as z.ZodType;
      // Optional and nullable together (every three-valued field) as one step rather than two.
      if (definitionOf(innerType).type === 'nullable') {
        const inner = compile(definitionOf(innerType).innerType as z.ZodType, below);
        return (input, read) => (input === undefined || input === null ? input : inner(input, read));
      }
      const inner = compile(innerType, below);
      return (input, read) => (input === undefined ? undefined : inner(input, read));
    }
    case 'nullable': {
      const inner = compile(definition.innerType as z.ZodType, below);
      return (input, read) => (input === null ? null : inner(input, read));
    }
    case 'default': {
      const fallback = definition.defaultValue;
      if (fallback !== null && typeof fallback === 'object') throw new Unsupported();
      const inner = compile(definition.innerType as z.ZodType, below);
      return (input, read) => (input === undefined ? fallback : inner(input, read));
    }
    default:
      if (below !== undefined) throw new Error(`A path leads into a ${definition.type}, not an object.`);
      return compileValue(schema, definition);
  }
}

/** A schema that paths cannot lead into. */
function compileValue(schema: z.ZodType, definition: Definition): Parse {
  switch (definition.type) {
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

/**
 * A strict object: a plain object with no key outside the shape; absent optional keys stay absent. With paths
 * below it, it is validated and its paths read, but not built: it returns itself, which nothing reads.
 */
function compileObject(definition: Definition, projection: Projection | undefined): Parse {
  if (definition.catchall === undefined || definitionOf(definition.catchall).type !== 'never') throw new Unsupported();
  const shape = definition.shape ?? {};
  for (const key of projection?.below.keys() ?? [])
    if (!Object.hasOwn(shape, key)) throw new Error(`A path leads to "${key}", which the object does not have.`);
  const fields = Object.entries(shape).map(([key, schema]) => ({
    key,
    parse: compile(schema, projection?.below.get(key)),
  }));
  // A key that plain objects inherit would be read from the prototype when absent.
  if (fields.some(({ key }) => key in Object.prototype)) throw new Unsupported();
  const keys = new Set(fields.map((field) => field.key));
  // Parallel arrays walked by index: this loop runs for every object of every transaction.
  const fieldKeys = fields.map((field) => field.key);
  const fieldParsers = fields.map((field) => field.parse);
  const count = fields.length;
  const isPlainObject = (input: unknown): input is Record<string, unknown> => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
    const prototype = Object.getPrototypeOf(input) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return false;
    for (const key in input) if (!keys.has(key)) return false;
    return true;
  };
  if (projection !== undefined) {
    return (input, read) => {
      if (!isPlainObject(input)) return REJECTED;
      for (let index = 0; index < count; index++) {
        if ((fieldParsers[index] as Parse)(input[fieldKeys[index] as string], read) === REJECTED) return REJECTED;
      }
      return input;
    };
  }
  return (input, read) => {
    if (!isPlainObject(input)) return REJECTED;
    const output: Record<string, unknown> = {};
    for (let index = 0; index < count; index++) {
      const key = fieldKeys[index] as string;
      const value = (fieldParsers[index] as Parse)(input[key], read);
      if (value === REJECTED) return REJECTED;
      if (value !== undefined || key in input) output[key] = value;
    }
    return output;
  };
}

function compileString(definition: Definition): Parse {
  const patterns: RegExp[] = [];
  let minimum = 0;
  let maximum = Number.POSITIVE_INFINITY;
  if (definition.format !== undefined) {
    // An ISO date is a string schema that is its own format check.
    if (definition.format !== 'date' || definition.pattern === undefined) throw new Unsupported();
    patterns.push(definition.pattern);
  }
  for (const check of definition.checks ?? []) {
    const { check: kind, minimum: atLeast, maximum: atMost, format, pattern } = check._zod.def;
    if (kind === 'min_length' && atLeast !== undefined) minimum = Math.max(minimum, atLeast);
    else if (kind === 'max_length' && atMost !== undefined) maximum = Math.min(maximum, atMost);
    else if (kind === 'string_format' && format === 'regex' && pattern !== undefined) patterns.push(pattern);
    else throw new Unsupported();
  }
  return (input) => {
    if (typeof input !== 'string' || input.length < minimum || input.length > maximum) return REJECTED;
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      if (!pattern.test(input)) return REJECTED;
    }
    return input;
  };
}

function compileArray(definition: Definition): Parse {
  const element = compile(definition.element as z.ZodType);
  let minimum = 0;
  let maximum = Number.POSITIVE_INFINITY;
  for (const check of definition.checks ?? []) {
    const { check: kind, minimum: atLeast, maximum: atMost } = check._zod.def;
    if (kind === 'min_length' && atLeast !== undefined) minimum = Math.max(minimum, atLeast);
    else if (kind === 'max_length' && atMost !== undefined) maximum = Math.min(maximum, atMost);
    else throw new Unsupported();
  }
  return (input, read) => {
    if (!Array.isArray(input) || input.length < minimum || input.length > maximum) return REJECTED;
    const output: unknown[] = [];
    for (let index = 0; index < input.length; index++) {
      const value = element(input[index], read);
      if (value === REJECTED) return REJECTED;
      output.push(value);
    }
    return output;
  };
}
