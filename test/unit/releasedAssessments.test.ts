import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from '../../src/document/canonicalJson';
import { assessMany, createRulesetRegistry, listRulesets, type CompiledRuleset } from '../../src/index';
import { readJsonFile } from '../support/rulesets';

/**
 * The released rulesets replay unchanged: 252 transactions (150 generated with fast-check under the transaction
 * contract as it stood before the law-layer work of issue 17, and every scenario transaction of that time) were
 * assessed with the released 1.0.0 and 2.0.0, alone and with the German overlay 1.0.0, and the sha256 of the
 * assessments (canonical JSON, one per line, in order) recorded in `test/fixtures/released-assessments.json`.
 * Any change to the engine that changes a single field of one of those assessments fails here.
 *
 * An explicit ruleset answers only on a date it is in force, for an undated transaction too (issue 19, D9), so the
 * undated transactions are assessed on a day each composition is in force: the last of its validity, or its first
 * where it has no end. The recorded digests are unchanged: those assessments are the ones recorded at release.
 */
const fixture = readJsonFile('test/fixtures/released-assessments.json') as {
  readonly transactions: readonly unknown[];
  readonly digests: Readonly<Record<string, string>>;
};
const registry = createRulesetRegistry();
const reference = (id: string, version: string) => {
  const summary = listRulesets().find((candidate) => candidate.id === id && candidate.version === version);
  if (summary === undefined) throw new Error(`${id} ${version} is not bundled`);
  return { id, version, sha256: summary.sha256 };
};
const compositions: Readonly<Record<string, () => CompiledRuleset>> = {
  '1.0.0': () => registry.find({ ...reference('eu-2021-821-art5', '1.0.0'), overlays: [] }),
  '1.0.0 + de-awv-9-4 1.0.0': () =>
    registry.find({ ...reference('eu-2021-821-art5', '1.0.0'), overlays: [reference('de-awv-9-4', '1.0.0')] }),
  '2.0.0': () => registry.find({ ...reference('eu-2021-821-art5', '2.0.0'), overlays: [] }),
  '2.0.0 + de-awv-9-4 1.0.0': () =>
    registry.find({ ...reference('eu-2021-821-art5', '2.0.0'), overlays: [reference('de-awv-9-4', '1.0.0')] }),
};

describe('released rulesets give the same assessments as when they were released', () => {
  test('the fixture covers every composition', () => {
    expect(Object.keys(fixture.digests).sort()).toEqual(Object.keys(compositions).sort());
    expect(fixture.transactions.length).toBe(252);
  });

  test.each(Object.keys(compositions))('%s: every assessment is byte-for-byte the recorded one', (name) => {
    const ruleset = (compositions[name] as () => CompiledRuleset)();
    const asOf = ruleset.validity.to ?? ruleset.validity.from;
    const hash = createHash('sha256');
    for (const transaction of fixture.transactions) {
      let assessment: unknown;
      try {
        assessment = assessMany([transaction as never], { ruleset, asOf })[0];
      } catch (error) {
        assessment = { error: (error as Error).name };
      }
      hash.update(canonicalJson(assessment));
      hash.update('\n');
    }
    expect(hash.digest('hex')).toBe(fixture.digests[name]);
  });
});
