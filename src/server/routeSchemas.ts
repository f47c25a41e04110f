/**
 * The JSON Schemas of the routes' query strings, path parameters and headers: fastify validates requests with them,
 * and `scripts/generate-openapi.ts` publishes the same ones as the OpenAPI document's parameters.
 */

const asOf = {
  type: 'string',
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'The date (YYYY-MM-DD) to assess on when a transaction has no `date` (default: today, UTC).',
} as const;

/** `POST /assess?record=true&assessedBy=…&asOf=…` */
export const ASSESS_QUERY = {
  type: 'object',
  properties: {
    record: {
      type: 'boolean',
      default: false,
      description:
        'Return a decision record (which holds the assessment) instead of the assessment alone; signed when the ' +
        'server has a signing key.',
    },
    assessedBy: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'Who assessed, for the decision record (the X-Assessed-By header does the same).',
    },
    asOf,
  },
  additionalProperties: false,
} as const;

/** `X-Assessed-By`: who assessed, set by a gateway that knows the user. */
export const ASSESS_HEADERS = {
  type: 'object',
  properties: {
    'x-assessed-by': {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'Who assessed, for the decision record (the assessedBy query parameter wins).',
    },
  },
} as const;

/** `POST /assess/batch?asOf=…` and `GET /questions?asOf=…` */
export const AS_OF_QUERY = { type: 'object', properties: { asOf }, additionalProperties: false } as const;

/** `GET /rulesets/{id}/{version}` */
export const RULESET_PARAMS = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 200, description: 'The ruleset id, e.g. `eu-2021-821-art5`.' },
    version: { type: 'string', minLength: 1, maxLength: 50, description: 'The version, e.g. `2.1.0`.' },
  },
  required: ['id', 'version'],
  additionalProperties: false,
} as const;
