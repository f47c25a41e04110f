import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bundledRulesetsSource } from '../../scripts/generate-bundled-rulesets';
import { BUNDLED_RELEASES } from '../../src/rulesets/bundled';

describe('the shipped ruleset documents, kept as JSON text', () => {
  test('src/generated/bundledRulesets.ts is current (run `npm run generate` after releasing a ruleset)', () => {
    const committed = readFileSync(new URL('../../src/generated/bundledRulesets.ts', import.meta.url), 'utf8');
    expect(committed === bundledRulesetsSource()).toBe(true);
  });

  test('each release reads as its file in rulesets/, and as the same object every time', () => {
    for (const release of BUNDLED_RELEASES) {
      const { id, version } = release.document as { id: string; version: string };
      const file = JSON.parse(
        readFileSync(new URL(`../../rulesets/${id}/${version}.json`, import.meta.url), 'utf8'),
      ) as unknown;
      expect(release.document, `${id} ${version}`).toEqual(file);
      expect(release.document).toBe(release.document);
    }
  });
});
