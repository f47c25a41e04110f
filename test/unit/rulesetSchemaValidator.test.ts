import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { rulesetValidatorSource } from '../../src/compile/rulesetValidatorSource';

describe('the ruleset validator generated ahead of time', () => {
  test('src/compile/rulesetSchemaValidator.generated.ts is current (run `npm run generate` after changing schemas/ruleset.schema.json)', () => {
    const committed = readFileSync(new URL('../../src/compile/rulesetSchemaValidator.generated.ts', import.meta.url), 'utf8');
    expect(committed === rulesetValidatorSource()).toBe(true);
  });

  test('it neither loads ajv nor builds code at run time', () => {
    const committed = readFileSync(new URL('../../src/compile/rulesetSchemaValidator.generated.ts', import.meta.url), 'utf8');
    expect(committed).not.toMatch(/\brequire\(|\bimport\s|\bnew Function\b|\beval\(/);
  });
});
