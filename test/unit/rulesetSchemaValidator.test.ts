import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { rulesetValidatorSource } from '../../scripts/generate-ruleset-validator';
import { validateSchema } from '../../src/compile/validateSchema';
import { minimalRuleset } from '../support/minimalRuleset';

describe('the ruleset validator generated ahead of time', () => {
  test(
    'src/generated/rulesetSchemaValidator.js is current (run `npm run generate` after changing ' +
      'schemas/ruleset.schema.json)',
    () => {
      const committed = readFileSync(new URL('../../src/generated/rulesetSchemaValidator.js', import.meta.url), 'utf8');
      expect(committed === rulesetValidatorSource()).toBe(true);
    },
  );

  test('it neither loads ajv nor builds code at run time', () => {
    const committed = readFileSync(new URL('../../src/generated/rulesetSchemaValidator.js', import.meta.url), 'utf8');
    expect(committed).not.toMatch(/\brequire\(|\bimport\s|\bnew Function\b|\beval\(/);
  });
});

describe('string lengths in the generated validator count code points, as JSON Schema says', () => {
  // The title is a `text`: at most 500 characters (code points).
  const titled = (title: string) => ({ ...minimalRuleset(), title });
  const ASTRAL = '\u{1F600}'; // one code point, two UTF-16 units

  test.each([
    { name: '500 astral characters (1,000 UTF-16 units)', title: ASTRAL.repeat(500), accepted: true },
    { name: '501 astral characters', title: ASTRAL.repeat(501), accepted: false },
    { name: '499 plain characters and one astral', title: `${'a'.repeat(499)}${ASTRAL}`, accepted: true },
    { name: '500 plain characters and one astral', title: `${'a'.repeat(500)}${ASTRAL}`, accepted: false },
    { name: '500 lone high surrogates (each one character)', title: '\uD800'.repeat(500), accepted: true },
    {
      name: 'a lone high surrogate before 500 astral characters',
      title: `\uD800${ASTRAL.repeat(500)}`,
      accepted: false,
    },
    { name: '500 plain characters', title: 'a'.repeat(500), accepted: true },
    { name: '501 plain characters', title: 'a'.repeat(501), accepted: false },
  ])('$name: accepted $accepted', ({ title, accepted }) => {
    const issues = validateSchema(titled(title));
    expect(issues.length === 0).toBe(accepted);
    if (!accepted) expect(issues.map((issue) => issue.path)).toEqual([['title']]);
  });
});
