import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { transactionJsonSchema } from '../../src/transaction/transactionJsonSchema';

describe('generated files are current (run `npm run generate` after changing their sources)', () => {
  test('schemas/transaction.schema.json matches the zod transaction schema', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../schemas/transaction.schema.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(transactionJsonSchema());
  });

  test('the published transaction schema accepts the shipped examples and rejects a typo', () => {
    const validate = new Ajv2020({ strict: false }).compile(transactionJsonSchema());
    const example = JSON.parse(
      readFileSync(new URL('../../examples/notification-tracker-intelligence-agency.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    expect(validate(example)).toBe(true);
    expect(validate({ ...example, dat: '2025-01-01' })).toBe(false);
  });
});
