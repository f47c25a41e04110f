import type { SchemaLimitCode } from '../errors/codes/schemaCodes';
import type { Issue } from '../errors/issue';
import { validate as validateRuleset, type SchemaError } from '../generated/rulesetSchemaValidator';
import { closestMatch } from '../transaction/suggest';

/** Validates a ruleset document against the JSON Schema and turns each ajv error into an issue with a path and a readable message. */
export function validateSchema(document: unknown): Issue[] {
  if (validateRuleset(document)) return [];
  return collapseAlternatives((validateRuleset.errors ?? []).filter((error) => error.keyword !== 'if')).map(toIssue);
}

/**
 * ajv reports a failed `anyOf` with every branch's errors. Where a branch failed deeper inside the value, those
 * deeper errors say what is wrong; otherwise one issue, described by the schema, says which forms are allowed.
 *
 * A branch error of a failed `anyOf` lies below it in the schema and within its value. The work is linear in the
 * number of errors (times the few `anyOf` places in the schema and the depth of the document), so a document that
 * fails thousands of alternatives is reported as quickly as one that fails a few.
 */
function collapseAlternatives(errors: readonly SchemaError[]): SchemaError[] {
  const places = [...new Set(errors.filter((error) => error.keyword === 'anyOf').map((error) => error.schemaPath))];
  if (places.length === 0) return [...errors];
  const key = (place: string, pointer: string) => `${place}\u0000${pointer}`;
  const placesAbove = (error: SchemaError) => places.filter((place) => error.schemaPath.startsWith(`${place}/`));
  const failed = new Set(
    errors.filter((error) => error.keyword === 'anyOf').map((error) => key(error.schemaPath, error.instancePath)),
  );
  // The values (by place) that have a branch error deeper inside them.
  const failedDeeper = new Set<string>();
  for (const error of errors) {
    for (const place of placesAbove(error)) {
      for (
        let end = error.instancePath.lastIndexOf('/');
        end >= 0;
        end = error.instancePath.lastIndexOf('/', end - 1)
      ) {
        failedDeeper.add(key(place, error.instancePath.slice(0, end)));
        if (end === 0) break;
      }
    }
  }
  return errors.filter((error) => {
    if (error.keyword === 'anyOf' && failedDeeper.has(key(error.schemaPath, error.instancePath))) return false;
    return !placesAbove(error).some((place) => failed.has(key(place, error.instancePath)));
  });
}

const PATTERN_HINTS: Readonly<Record<string, string>> = {
  '^[a-z0-9]+(?:[.-][a-z0-9]+)*$': 'lowercase letters and digits, separated by "." or "-" (e.g. "art-5-2.aware")',
  '^[A-Za-z][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*$':
    'a name starting with a letter, of letters, digits and "_", separated by "." or "-" (e.g. ' +
    '"redFlags", "art5-2.awareness")',
  '^[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*$': 'a fact path of dotted names (e.g. "item.speciallyDesigned")',
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': 'a date YYYY-MM-DD',
  '^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$':
    'letters and digits, separated by "." or "-" (e.g. "facial-recognition", "DE")',
};

function toIssue(error: SchemaError): Issue {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const property = String(params['missingProperty']);
      return property === 'citation'
        ? {
            path: [...path, property],
            code: 'missing_citation',
            message:
              'Missing citation: every rule, fact, catalogue entry, condition, threshold and note must cite the law.',
          }
        : {
            path: [...path, property],
            code: 'missing_property',
            property,
            message: `Missing required property "${property}".`,
          };
    }
    case 'additionalProperties': {
      const property = String(params['additionalProperty']);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      // A comparison's schema is the last branch of the condition chain; a mistyped group key lands here.
      if (allowed.includes('operator')) allowed.push('all', 'any', 'not', 'condition');
      const suggestion = closestMatch(property, allowed);
      return {
        path: [...path, property],
        code: 'unknown_property',
        property,
        ...(suggestion === undefined ? {} : { suggestion }),
        message: `Unknown property "${property}".${suggestion === undefined ? (allowed.length > 0 ? ` Allowed: ${allowed.join(', ')}.` : '') : ` Did you mean "${suggestion}"?`}`,
      };
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      return {
        path,
        code: 'invalid_value',
        allowed,
        message: `Must be one of: ${allowed.map((value) => `"${value}"`).join(', ')}.`,
      };
    }
    case 'const': {
      const allowed = String(params['allowedValue']);
      return { path, code: 'invalid_value', allowed: [allowed], message: `Must be "${allowed}".` };
    }
    case 'pattern': {
      const pattern = String(params['pattern']);
      const expected = PATTERN_HINTS[pattern] ?? `a string matching ${pattern}`;
      return { path, code: 'invalid_format', expected, message: `Must be ${expected}.` };
    }
    case 'anyOf': {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      return {
        path,
        code: 'invalid_value',
        message:
          description === undefined
            ? 'Does not match any of the allowed forms.'
            : `Expected ${description.charAt(0).toLowerCase()}${description.slice(1)}`,
      };
    }
    case 'propertyNames': {
      const name = String(params['propertyName']);
      return { path, code: 'invalid_property_name', name, message: `Invalid key "${name}".` };
    }
    case 'type':
      return { path, code: 'invalid_type', expected: String(params['type']), message: capitalise(error.message) };
    case 'uniqueItems':
      return {
        path,
        code: 'schema_uniqueItems',
        duplicates: [Number(params['j']), Number(params['i'])],
        message: capitalise(error.message),
      };
  }
  const limit = Number(params['limit']);
  const code = LIMIT_CODES[error.keyword];
  // A keyword the schema does not use today: still a refusal, never a pass.
  if (code === undefined) return { path, code: 'invalid_value', message: capitalise(error.message) };
  return { path, code, limit, message: capitalise(error.message) };
}

/** The code of each limit the schema sets, by ajv keyword (`limit` is the bound). */
const LIMIT_CODES: Readonly<Record<string, SchemaLimitCode | undefined>> = {
  maxItems: 'schema_maxItems',
  minItems: 'schema_minItems',
  maxLength: 'schema_maxLength',
  minLength: 'schema_minLength',
  maxProperties: 'schema_maxProperties',
  minProperties: 'schema_minProperties',
  maximum: 'schema_maximum',
  minimum: 'schema_minimum',
};

function capitalise(message = 'is not valid'): string {
  return message.charAt(0).toUpperCase() + message.slice(1) + (message.endsWith('.') ? '' : '.');
}

/** Converts a JSON Pointer (`/rules/3/when`) to a path (`['rules', 3, 'when']`). */
function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}
