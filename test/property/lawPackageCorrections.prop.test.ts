import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { lawPackages, readSource, type SourceRelease } from '../../scripts/release-rulesets';
import { createRulesetRegistry, listRulesets, type CompiledRuleset, type RulesetSummary } from '../../src/index';
import {
  checkExpectedChanges,
  diffRulesets,
  parseExpectedChanges,
  type ExpectedChanges,
} from '../../src/testing/index';
import { isInForce } from '../../src/time/dates';
import { readJsonFile } from '../support/rulesets';
import { runs } from '../support/runs';

/**
 * The diff gate of the law packages: a correction (a release that `replaces` another for the same legal time) may
 * change only the outcomes its expected-changes file lists, `rulesets/<id>/changes/<version>.json`, and CHANGELOG.md
 * lists the same changes under the release. An expected-changes file is released with its correction and keeps its
 * bytes; a change found after the release is listed in `changes/errata/<version>.json`, read together with it.
 *
 * Transactions per diff: the full count in the deep tier (`TEST_DEPTH=deep`, what CI runs), a twentieth otherwise.
 */
const RUNS = runs(10_000);
const SEED = 20_241_016;

const registry = createRulesetRegistry();
const summaries = listRulesets();
const summary = (id: string, version: string) =>
  summaries.find((candidate) => candidate.id === id && candidate.version === version) as RulesetSummary;
const reference = ({ id, version, sha256 }: RulesetSummary) => ({ id, version, sha256 });

/** Every correction the sources list, with what it replaces. */
const corrections = lawPackages().flatMap((id) =>
  ((readSource(id) as { releases: readonly SourceRelease[] }).releases ?? []).flatMap((release) =>
    (release.replaces ?? []).map((replaced) => ({ id, version: release.version, replaced })),
  ),
);

/**
 * The pairs of rulesets to compare for a correction: a base version alone against its replacement; an overlay's
 * versions composed into each current version of its base whose legal time meets the overlay's.
 */
function comparisons(
  id: string,
  replaced: string,
  version: string,
): { name: string; before: CompiledRuleset; after: CompiledRuleset }[] {
  const [before, after] = [summary(id, replaced), summary(id, version)];
  if (after.kind === 'base')
    return [
      {
        name: `${replaced} → ${version}`,
        before: registry.find({ ...reference(before), overlays: [] }),
        after: registry.find({ ...reference(after), overlays: [] }),
      },
    ];
  return summaries
    .filter(
      (base) =>
        base.kind === 'base' &&
        base.id === after.extends &&
        base.selectable &&
        (isInForce(base.validity, after.validity.from) || isInForce(after.validity, base.validity.from)),
    )
    .map((base) => ({
      name: `${base.id} ${base.version} + ${id} ${replaced} → ${version}`,
      before: registry.find({ ...reference(base), overlays: [reference(before)] }),
      after: registry.find({ ...reference(base), overlays: [reference(after)] }),
    }));
}

/** The released list of a correction's outcome changes and, where there is one, its erratum. */
function expectedChanges(id: string, version: string): ExpectedChanges {
  const released = parseExpectedChanges(readJsonFile(`rulesets/${id}/changes/${version}.json`));
  const erratum = `rulesets/${id}/changes/errata/${version}.json`;
  if (!existsSync(new URL(`../../${erratum}`, import.meta.url))) return released;
  return { changes: [...released.changes, ...parseExpectedChanges(readJsonFile(erratum)).changes] };
}

/** The `.json` files directly in a folder of a law package, sorted; none when it does not exist. */
function jsonFiles(id: string, folder: string): string[] {
  const url = new URL(`../../rulesets/${id}/${folder}/`, import.meta.url);
  return existsSync(url)
    ? readdirSync(url)
        .filter((name) => name.endsWith('.json'))
        .sort()
    : [];
}

/** The text of the CHANGELOG section whose heading names the version. */
function changelogSection(id: string, version: string): string {
  const lines = readFileSync(new URL(`../../rulesets/${id}/CHANGELOG.md`, import.meta.url), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('#') && line.includes(` ${version} `));
  if (start === -1) return '';
  const end = lines.findIndex((line, index) => index > start && line.startsWith('#'));
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

describe('law packages: each correction changes only the outcomes its expected-changes file lists', () => {
  test('there are corrections, and every expected-changes file and erratum belongs to one', () => {
    expect(corrections.length).toBeGreaterThan(0);
    for (const id of lawPackages()) {
      const files = corrections
        .filter((correction) => correction.id === id)
        .map((correction) => `${correction.version}.json`)
        .sort();
      expect(jsonFiles(id, 'changes'), id).toEqual(files);
      for (const erratum of jsonFiles(id, 'changes/errata')) expect(files, `${id} errata`).toContain(erratum);
    }
  });

  describe.each(corrections)('$id $replaced → $version', ({ id, replaced, version }) => {
    test('CHANGELOG.md lists every expected outcome change under the release, or says there is none', () => {
      const section = changelogSection(id, version);
      expect(section, `a heading naming ${version} in rulesets/${id}/CHANGELOG.md`).not.toBe('');
      const { changes } = expectedChanges(id, version);
      for (const change of changes) expect(section).toContain(`\`${change.before}\` → \`${change.after}\``);
      if (changes.length === 0) expect(section).toMatch(/outcome changes[^\n]*: none/i);
    });

    test.each(comparisons(id, replaced, version))(
      `$name: no unlisted outcome change in ${RUNS} generated transactions`,
      ({ before, after }) => {
        const diff = diffRulesets(before, after, { runs: RUNS, seed: SEED });
        const check = checkExpectedChanges(diff, expectedChanges(id, version));
        expect(
          check.unexpected.map(
            (change) =>
              `${change.before} → ${change.after} (${change.count}×, e.g. ${JSON.stringify(change.example.transaction)})`,
          ),
        ).toEqual([]);
        expect(diff.runs).toBe(RUNS);
      },
    );
  });
});
