// Hand-written types for rulesetSchemaValidator.js beside it, which `npm run generate` writes (ajv standalone code).

/** One error as the generated validator reports it (ajv, strict, all errors, verbose): the fields this package reads. */
export interface SchemaError {
  readonly keyword: string;
  /** JSON Pointer to the failing value, e.g. `/rules/3/when`. */
  readonly instancePath: string;
  /** JSON Pointer into the schema, e.g. `#/$defs/condition/anyOf`. */
  readonly schemaPath: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
  /** The schema object that holds the failing keyword. */
  readonly parentSchema?: unknown;
}

/** Validates a ruleset document against `schemas/ruleset.schema.json`; after `false`, `errors` lists every error. */
export declare const validate: ((document: unknown) => boolean) & { errors?: SchemaError[] | null };

export default validate;
