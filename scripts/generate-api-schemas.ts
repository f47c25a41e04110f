// Writes the JSON Schemas of the library's outputs (schemas/assessment.schema.json, decision-record.schema.json,
// question-list.schema.json), generated from their TypeScript types, and the OpenAPI 3.1 document of
// `dual-use-rules serve` (schemas/openapi.json), built from those, the transaction and ruleset schemas, the server's
// response types and its route schemas. Part of `npm run generate`; test/unit/apiSchemas.test.ts fails when stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { createGenerator, type Config } from 'ts-json-schema-generator';
import { PROBLEMS, PROBLEM_BASE } from '../src/server/problems';
import { AS_OF_QUERY, ASSESS_HEADERS, ASSESS_QUERY, RULESET_PARAMS } from '../src/server/routeSchemas';

type Schema = Record<string, unknown>;

const ROOT = new URL('../', import.meta.url);
const SCHEMA_BASE = 'https://dual-use-rules.dev/schemas/';
const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The output schemas published in schemas/, each generated from one exported type of the library. */
export const OUTPUT_SCHEMAS = [
  {
    file: 'assessment.schema.json',
    type: 'Assessment',
    title: 'dual-use-rules assessment (output of assess and assessMany)',
  },
  {
    file: 'decision-record.schema.json',
    type: 'DecisionRecord',
    title: 'dual-use-rules decision record (createDecisionRecord, signDecisionRecord)',
  },
  { file: 'question-list.schema.json', type: 'QuestionList', title: 'dual-use-rules question list (listQuestions)' },
  {
    file: 'decision-line.schema.json',
    type: 'DecisionLine',
    title: 'dual-use-rules decision line (batch --detail decision, POST /assess/batch, decisionLine)',
  },
] as const;

/** The server's response types (src/server/types.ts) that the OpenAPI document names. */
const SERVER_TYPES = ['Problem', 'Health', 'RulesetList', 'RulesetDocumentResponse', 'BatchLine'] as const;

const readSchema = (file: string) => JSON.parse(readFileSync(new URL(`schemas/${file}`, ROOT), 'utf8')) as Schema;

const generators = new Map<string, ReturnType<typeof createGenerator>>();

/** A schema generator over one source file and what it imports (the TypeScript program is built once per file). */
function generator(path: string) {
  const cached = generators.get(path);
  if (cached !== undefined) return cached;
  const config: Config = {
    path: fileURLToPath(new URL(path, ROOT)),
    tsconfig: fileURLToPath(new URL('tsconfig.json', ROOT)),
    skipTypeCheck: true,
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: false,
    sortProps: false,
  };
  const created = createGenerator(config);
  generators.set(path, created);
  return created;
}

/** A type's schema as the generator writes it (draft 7 `definitions`), keyed by definition name. */
function definitionsOf(path: string, type: string): Record<string, Schema> {
  const generated = generator(path).createSchema(type) as { definitions?: Record<string, Schema> };
  return generated.definitions ?? {};
}

/** A copy of a schema with every `$ref` rewritten by `rewrite`. */
function mapRefs(value: unknown, rewrite: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapRefs(item, rewrite));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string' ? rewrite(item) : mapRefs(item, rewrite),
    ]),
  );
}

const definitionName = (ref: string) => /^#\/definitions\/(.+)$/.exec(ref)?.[1];

/**
 * The published JSON Schema (2020-12) of one output type: the root inlined, the other types in `$defs`; a decision
 * record's `transaction` refers to the transaction schema next to it.
 */
export function outputSchema(entry: (typeof OUTPUT_SCHEMAS)[number]): Schema {
  const definitions = definitionsOf('src/index.ts', entry.type);
  const rewrite = (ref: string) => {
    const name = definitionName(ref);
    if (name === undefined) throw new Error(`Unexpected $ref ${ref}`);
    return name === entry.type ? '#' : `#/$defs/${name}`;
  };
  const { [entry.type]: root, ...others } = definitions;
  if (root === undefined) throw new Error(`No schema for ${entry.type}`);
  const { description, ...body } = mapRefs(root, rewrite) as Schema;
  if (entry.type === 'DecisionRecord') {
    const properties = body['properties'] as Record<string, Schema>;
    properties['transaction'] = {
      $ref: 'transaction.schema.json',
      description: properties['transaction']?.['description'],
    };
  }
  return {
    $schema: DIALECT,
    $id: `${SCHEMA_BASE}${entry.file}`,
    title: entry.title,
    description,
    ...body,
    $defs: mapRefs(others, rewrite),
  };
}

/** Adds a schema's `$defs` to the components under `prefix`, refusing two different definitions of one name. */
function addComponents(components: Record<string, Schema>, defs: Record<string, Schema>): void {
  for (const [name, schema] of Object.entries(defs)) {
    const existing = components[name];
    if (existing !== undefined && !isDeepStrictEqual(existing, schema))
      throw new Error(`Two different schemas named ${name}`);
    components[name] = schema;
  }
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The route schemas as OpenAPI parameters. */
function parameters(
  where: 'query' | 'path' | 'header',
  schema: { readonly properties: object; readonly required?: readonly string[] },
) {
  return Object.entries(schema.properties).map(([name, property]) => {
    const { description, ...rest } = property as Schema;
    return {
      name:
        where === 'header'
          ? name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase())
          : name,
      in: where,
      required: where === 'path' || (schema.required ?? []).includes(name),
      description,
      schema: rest,
    };
  });
}

const json = (schema: Schema) => ({ 'application/json': { schema } });

function problemResponse(...kinds: (keyof typeof PROBLEMS)[]) {
  return {
    description: kinds.map((kind) => `${PROBLEMS[kind].title} (${PROBLEM_BASE}${kind})`).join('; '),
    content: { 'application/problem+json': { schema: ref('Problem') } },
  };
}

/** The OpenAPI 3.1 document of `dual-use-rules serve`. */
export function openApiDocument(): Schema {
  const components: Record<string, Schema> = {};
  const strip = (schema: Schema) => {
    const rest = without(schema, ['$schema', '$id', '$defs']);
    return { rest, defs: (schema['$defs'] ?? {}) as Record<string, Schema> };
  };
  const fromFile = (file: string, name: string) => (target: string) => {
    if (target === '#') return `#/components/schemas/${name}`;
    if (target.startsWith('#/$defs/')) return `#/components/schemas/${target.slice('#/$defs/'.length)}`;
    if (target === 'transaction.schema.json') return '#/components/schemas/Transaction';
    throw new Error(`Unexpected $ref ${target} in ${file}`);
  };

  const transaction = strip(readSchema('transaction.schema.json'));
  components['Transaction'] = mapRefs(transaction.rest, fromFile('transaction.schema.json', 'Transaction')) as Schema;
  addComponents(components, mapRefs(transaction.defs, fromFile('transaction.schema.json', 'Transaction')) as never);

  // The ruleset schema's $defs have short names (id, text, citation); they go under a prefix of their own.
  const ruleset = strip(readSchema('ruleset.schema.json'));
  const rulesetRefs = (target: string) => {
    if (target === '#') return '#/components/schemas/RulesetDocument';
    if (target.startsWith('#/$defs/')) return `#/components/schemas/RulesetDocument.${target.slice('#/$defs/'.length)}`;
    throw new Error(`Unexpected $ref ${target} in ruleset.schema.json`);
  };
  components['RulesetDocument'] = mapRefs(ruleset.rest, rulesetRefs) as Schema;
  for (const [name, schema] of Object.entries(ruleset.defs))
    components[`RulesetDocument.${name}`] = mapRefs(schema, rulesetRefs) as Schema;

  for (const entry of OUTPUT_SCHEMAS) {
    const { rest, defs } = strip(outputSchema(entry));
    const schema = without(rest, ['title']);
    addComponents(components, { [entry.type]: mapRefs(schema, fromFile(entry.file, entry.type)) as Schema });
    addComponents(components, mapRefs(defs, fromFile(entry.file, entry.type)) as Record<string, Schema>);
  }
  // The server's types name the library's output types (a batch line's DecisionLine): those are the published schemas.
  const published = new Set<string>(OUTPUT_SCHEMAS.map((entry) => entry.type));
  for (const type of SERVER_TYPES) {
    const definitions = Object.fromEntries(
      Object.entries(definitionsOf('src/server/types.ts', type)).filter(([name]) => !published.has(name)),
    );
    addComponents(
      components,
      mapRefs(definitions, (target) => `#/components/schemas/${definitionName(target) ?? target}`) as Record<
        string,
        Schema
      >,
    );
  }
  // A ruleset document served by GET /rulesets/{id}/{version} is a ruleset document.
  const documentResponse = components['RulesetDocumentResponse'] as { properties: Record<string, Schema> };
  documentResponse.properties['document'] = { ...ref('RulesetDocument'), description: 'The document.' };

  const { version } = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string };
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: DIALECT,
    info: {
      title: 'dual-use-rules',
      version,
      summary: 'What Article 5 of the EU Dual-Use Regulation (EU) 2021/821 requires for one export, over HTTP.',
      description:
        'The HTTP interface of `dual-use-rules serve`: assess a transaction (or a stream of them), list the ' +
        'rulesets and the questions they can ask. Stateless: every instance answers every request alike, so any ' +
        'number of them can run behind a load balancer. Errors are Problem Details (RFC 9457). Not legal advice.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: 'http://127.0.0.1:8080', description: 'dual-use-rules serve on its default host, port 8080' }],
    paths: {
      '/assess': {
        post: {
          operationId: 'assess',
          summary: 'Assess one transaction',
          description:
            'The assessment, as `assess` returns it; with `record=true`, a decision record holding it (signed when ' +
            'the server has a signing key).',
          parameters: [...parameters('query', ASSESS_QUERY), ...parameters('header', ASSESS_HEADERS)],
          requestBody: { required: true, content: json(ref('Transaction')) },
          responses: {
            '200': {
              description: 'The assessment, or with `record=true` the decision record.',
              content: json({ oneOf: [ref('Assessment'), ref('DecisionRecord')] }),
            },
            '400': problemResponse('invalid-json', 'invalid-request', 'assessment-refused'),
            '408': { description: 'The client took longer than the request timeout to send its request (no body).' },
            '413': problemResponse('body-too-large'),
            '415': problemResponse('unsupported-media-type'),
            '422': problemResponse('invalid-transaction'),
            '500': problemResponse('internal-error'),
            '503': problemResponse('shutting-down'),
          },
        },
      },
      '/assess/batch': {
        post: {
          operationId: 'assessBatch',
          summary: 'Assess many transactions, one JSON transaction per line (NDJSON)',
          description:
            'Streams one output line per input line, in order: the decision (outcome, possible outcomes, open ' +
            'questions, deciding rules with citations, competent authority, ruleset), or an error line with the ' +
            'line number, the transaction id where readable and Problem Details. A line longer than the body limit, ' +
            'or a body past the batch limit, becomes an error line.',
          parameters: parameters('query', AS_OF_QUERY),
          requestBody: {
            required: true,
            content: {
              'application/x-ndjson': {
                schema: { type: 'string', description: 'One transaction as JSON per line.' },
              },
            },
          },
          responses: {
            '200': {
              description: 'One line per input line (`application/x-ndjson`); each line is a BatchLine.',
              content: { 'application/x-ndjson': { schema: ref('BatchLine') } },
            },
            '400': problemResponse('invalid-request', 'assessment-refused'),
            '408': { description: 'The client took longer than the request timeout to send its request (no body).' },
            '413': problemResponse('body-too-large'),
            '415': problemResponse('unsupported-media-type'),
            '500': problemResponse('internal-error'),
            '503': problemResponse('shutting-down'),
          },
        },
      },
      '/rulesets': {
        get: {
          operationId: 'listRulesets',
          summary: 'The rulesets this server assesses with',
          responses: {
            '200': { description: 'The rulesets.', content: json(ref('RulesetList')) },
            '503': problemResponse('shutting-down'),
          },
        },
      },
      '/rulesets/{id}/{version}': {
        get: {
          operationId: 'getRuleset',
          summary: 'One ruleset document and the sha256 assessments record of it',
          parameters: parameters('path', RULESET_PARAMS),
          responses: {
            '200': { description: 'The document and its sha256.', content: json(ref('RulesetDocumentResponse')) },
            '400': problemResponse('invalid-request'),
            '404': problemResponse('not-found'),
            '503': problemResponse('shutting-down'),
          },
        },
      },
      '/questions': {
        get: {
          operationId: 'listQuestions',
          summary: 'Every question the ruleset can ask, as data to build a form on (listQuestions)',
          parameters: parameters('query', AS_OF_QUERY),
          responses: {
            '200': { description: 'The questions.', content: json(ref('QuestionList')) },
            '400': problemResponse('invalid-request', 'assessment-refused'),
            '503': problemResponse('shutting-down'),
          },
        },
      },
      '/health': {
        get: {
          operationId: 'health',
          summary: 'Whether the server takes requests (503 while it shuts down)',
          responses: {
            '200': { description: 'Up.', content: json(ref('Health')) },
            '503': problemResponse('shutting-down'),
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document',
          responses: {
            '200': { description: 'The OpenAPI document.', content: json({ type: 'object' }) },
            '503': problemResponse('shutting-down'),
          },
        },
      },
    },
    components: { schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))) },
  };
}

/** The files this script writes, with their content. */
export function apiSchemaFiles(): { readonly path: string; readonly content: string }[] {
  return [
    ...OUTPUT_SCHEMAS.map((entry) => ({ path: `schemas/${entry.file}`, content: stringify(outputSchema(entry)) })),
    { path: 'schemas/openapi.json', content: stringify(openApiDocument()) },
  ];
}

/** A copy of a schema without some of its keywords. */
function without(schema: Schema, keys: readonly string[]): Schema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key)));
}

function stringify(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  // The output schemas first: the OpenAPI document is built from them.
  for (const entry of OUTPUT_SCHEMAS)
    writeFileSync(new URL(`schemas/${entry.file}`, ROOT), stringify(outputSchema(entry)));
  writeFileSync(new URL('schemas/openapi.json', ROOT), stringify(openApiDocument()));
}
