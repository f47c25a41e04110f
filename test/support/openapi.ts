import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

/** The published OpenAPI document of `dual-use-rules serve`. */
export const OPENAPI = JSON.parse(
  readFileSync(new URL('../../schemas/openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;

interface OpenApiDocument {
  readonly paths: Readonly<
    Record<
      string,
      Readonly<
        Record<
          string,
          {
            readonly responses: Readonly<
              Record<string, { readonly content?: Readonly<Record<string, { schema: object }>> }>
            >;
          }
        >
      >
    >
  >;
}

// OpenAPI 3.1 schemas are JSON Schema 2020-12: the whole document is added under an id, and each response schema is
// compiled as a reference into it. strict: false because the document's own keywords (openapi, paths, …) are not
// schema keywords; formats are checked as the library checks them.
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addSchema(OPENAPI, 'openapi.json');
const validators = new Map<string, ValidateFunction>();

/** The OpenAPI path template a request path matches, e.g. `/rulesets/{id}/{version}`. */
export function pathTemplate(path: string): string | undefined {
  const bare = path.split('?')[0] ?? path;
  return Object.keys(OPENAPI.paths).find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare),
  );
}

/**
 * Checks one response against the OpenAPI document: its path and method are documented, its status is documented
 * for them, its media type is one documented for that status, and its body (each line of an NDJSON body) validates
 * against the documented schema. Fails the test otherwise.
 */
export function expectDocumentedResponse(
  method: string,
  path: string,
  status: number,
  contentType: string | null,
  body: string,
): void {
  const template = pathTemplate(path);
  expect(template, `${method} ${path} is in the OpenAPI document`).toBeDefined();
  const operation = OPENAPI.paths[template as string]?.[method.toLowerCase()];
  expect(operation, `${method} ${template} is in the OpenAPI document`).toBeDefined();
  const response = operation?.responses[String(status)];
  expect(response, `${method} ${template} documents status ${status}`).toBeDefined();
  const mediaType = contentType?.split(';')[0]?.trim() ?? null;
  const documented = response?.content;
  if (documented === undefined) {
    expect(body, `${method} ${template} ${status} has no body`).toBe('');
  } else {
    expect(Object.keys(documented), `${method} ${template} ${status} documents ${mediaType}`).toContain(mediaType);
    const pointer = `openapi.json#/paths/${escape(template as string)}/${method.toLowerCase()}/responses/${status}/content/${escape(mediaType as string)}/schema`;
    let validate = validators.get(pointer);
    if (validate === undefined) {
      validate = ajv.compile({ $ref: pointer });
      validators.set(pointer, validate);
    }
    const values =
      mediaType === 'application/x-ndjson'
        ? body
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => JSON.parse(line) as unknown)
        : [JSON.parse(body) as unknown];
    for (const value of values) {
      const valid = validate(value);
      expect(
        valid ? [] : validate.errors,
        `${method} ${template} ${status} ${mediaType} matches the OpenAPI schema`,
      ).toEqual([]);
    }
  }
}

/** A JSON Pointer token, as it goes into a URI fragment. */
function escape(token: string): string {
  return encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/**
 * Checks a Problem Details body against the document's `Problem` schema: for a response no operation documents, such
 * as the 404 for a route that does not exist.
 */
export function expectProblemBody(contentType: string | null, body: string): void {
  expect(contentType?.split(';')[0]).toBe('application/problem+json');
  const pointer = 'openapi.json#/components/schemas/Problem';
  let validate = validators.get(pointer);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: pointer });
    validators.set(pointer, validate);
  }
  const valid = validate(JSON.parse(body) as unknown);
  expect(valid ? [] : validate.errors, 'the body matches the Problem schema').toEqual([]);
}
