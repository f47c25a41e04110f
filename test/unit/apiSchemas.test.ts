import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { apiSchemaFiles, OUTPUT_SCHEMAS } from '../../scripts/generate-api-schemas';
import {
  assessMany,
  createDecisionRecord,
  createRulesetRegistry,
  generateSigningKeys,
  listQuestions,
  loadRuleset,
  signDecisionRecord,
} from '../../src/index';
import { partialTransactionArbitrary, vocabularyOf } from '../../src/testing/arbitraries';
import { OPENAPI } from '../support/openapi';
import { readJsonFile } from '../support/rulesets';
import { runs } from '../support/runs';

const schema = (file: string) => readJsonFile(`schemas/${file}`) as Record<string, unknown>;

/** The published output schemas, compiled strictly (every keyword known), with the transaction schema they refer to. */
function validator(file: string): ValidateFunction {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addSchema(schema('transaction.schema.json'));
  return ajv.compile(schema(file));
}

const errorsOf = (validate: ValidateFunction, value: unknown) => (validate(value) ? [] : validate.errors);

describe('the generated API schemas are current (run `npm run generate` after changing their sources)', () => {
  test('schemas/assessment, decision-record, question-list and openapi.json match the types they come from', () => {
    for (const { path, content } of apiSchemaFiles())
      expect(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'), path).toBe(content);
  });
});

describe('the output schemas describe what the library returns', () => {
  test('every assessment of generated transactions validates against assessment.schema.json', () => {
    const validate = validator('assessment.schema.json');
    const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-06-30' });
    const transactions = fc.sample(
      partialTransactionArbitrary(vocabularyOf(ruleset), { date: '2025-06-30' }).map(({ partial }) => partial),
      { numRuns: runs(2_000), seed: 9 },
    );
    for (const assessment of assessMany(transactions, { ruleset }))
      expect(errorsOf(validate, JSON.parse(JSON.stringify(assessment)))).toEqual([]);
    expect(validate({ outcome: 'no_obligation' })).toBe(false);
  });

  test('a signed decision record validates against decision-record.schema.json, its transaction against the transaction schema', async () => {
    const validate = validator('decision-record.schema.json');
    const transaction = readJsonFile('examples/notification-tracker-intelligence-agency.json');
    const [assessment] = assessMany([transaction]);
    const record = createDecisionRecord(transaction, assessment as NonNullable<typeof assessment>, {
      assessedBy: 'me',
    });
    const signed = await signDecisionRecord(record, generateSigningKeys().privateKey);
    expect(errorsOf(validate, JSON.parse(JSON.stringify(signed)))).toEqual([]);
    expect(validate({ ...signed, transaction: { ...(signed.transaction as object), typo: 1 } })).toBe(false);
  });

  test('the questions of every bundled composition validate against question-list.schema.json', () => {
    const validate = validator('question-list.schema.json');
    for (const composition of createRulesetRegistry().compositions())
      expect(errorsOf(validate, JSON.parse(JSON.stringify(listQuestions(composition.load()))))).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  test('is OpenAPI 3.1 over JSON Schema 2020-12, every schema compiles and every $ref resolves', () => {
    expect(OPENAPI).toMatchObject({
      openapi: '3.1.0',
      jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    });
    const ajv = new Ajv2020({ strict: false });
    ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    ajv.addSchema(OPENAPI as object, 'openapi.json');
    const components = Object.keys((OPENAPI as unknown as { components: { schemas: object } }).components.schemas);
    for (const name of components)
      expect(
        () => ajv.compile({ $ref: `openapi.json#/components/schemas/${encodeURIComponent(name)}` }),
        name,
      ).not.toThrow();
    const refs = [...JSON.stringify(OPENAPI).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1] as string);
    for (const ref of new Set(refs)) expect(components.map((name) => `#/components/schemas/${name}`)).toContain(ref);
  });

  test('names the output schemas as they are published, and every operation answers errors as Problem Details', () => {
    const components = (OPENAPI as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas;
    for (const { type } of OUTPUT_SCHEMAS) expect(components[type]).toBeDefined();
    for (const [path, operations] of Object.entries(OPENAPI.paths))
      for (const [method, operation] of Object.entries(operations))
        for (const [status, response] of Object.entries(operation.responses))
          if (Number(status) >= 400 && status !== '408')
            expect(Object.keys(response.content ?? {}), `${method} ${path} ${status}`).toEqual([
              'application/problem+json',
            ]);
  });
});
