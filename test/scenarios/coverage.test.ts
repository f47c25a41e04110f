import { beforeAll, describe, expect, test } from 'vitest';
import { listRulesets, loadRuleset, type Assessment } from '../../src/index';
import { loadScenarioFiles, scenarioRuns, type Scenario } from '../support/scenarios';

/**
 * The scenario suite must exercise the whole shipped law: every rule of every version both holding and failing, every
 * note attached, and every capability, capability family, red flag and end-user type used in some transaction.
 */
interface Run {
  readonly scenario: Scenario;
  readonly assessment: Assessment;
}

/** Rules whose condition is never true, only unknown (an unanswered element or end user) or false; see the rule's summary. */
const ONLY_KEEPS_QUESTIONS_OPEN: readonly string[] = [
  'guidelines-3.classification-or-end-user-open',
  'guidelines-3-3.party-not-identified',
];

const runs: Run[] = [];
const bases = listRulesets().filter((summary) => summary.kind === 'base' && summary.id === 'eu-2021-821-art5');
const overlays = listRulesets().filter((summary) => summary.kind === 'overlay');
const latest = loadRuleset('eu-2021-821-art5', { version: bases.map((base) => base.version).sort().at(-1) as string });

beforeAll(async () => {
  for (const file of loadScenarioFiles()) {
    for (const scenario of file.scenarios) for (const run of scenarioRuns(scenario, file)) runs.push({ scenario, assessment: await run.assess() });
  }
});

/** The results a rule had across the given runs. */
function resultsOf(rule: string, selected: readonly Run[]): Set<string> {
  return new Set(selected.flatMap(({ assessment }) => assessment.trace.filter((step) => step.rule === rule).map((step) => step.result)));
}

describe('the scenario suite covers the shipped rulesets', () => {
  test('has at least 60 scenarios', () => {
    expect(runs.length).toBeGreaterThanOrEqual(60);
  });

  describe.each(bases)('version $version', ({ version }) => {
    const document = loadRuleset('eu-2021-821-art5', { version }).document;
    const ruleIds = (document.rules ?? []).map((rule) => rule.id);

    test.each(ruleIds)('rule %s holds in some scenario and fails in another', (rule) => {
      const results = resultsOf(rule, runs.filter(({ assessment }) => assessment.ruleset.version === version));
      // A rule that only keeps a question open can never hold: it is unknown while the question is unanswered.
      const expected = ONLY_KEEPS_QUESTIONS_OPEN.includes(rule) ? ['unknown', 'false'] : ['true', 'false'];
      expect([...results], `${rule} in ${version}`).toEqual(expect.arrayContaining(expected));
    });

    test('the fallback decides some scenario, and not every one', () => {
      const selected = runs.filter(({ assessment }) => assessment.ruleset.version === version);
      const decidedByFallback = selected.filter(({ assessment }) => assessment.obligations.some((obligation) => obligation.rule === document.fallback?.id));
      expect(decidedByFallback.length).toBeGreaterThan(0);
      expect(decidedByFallback.length).toBeLessThan(selected.length);
    });
  });

  describe.each(overlays)('overlay $id $version', ({ id, version }) => {
    const overlayRules = () => {
      const composed = runs.find(({ assessment }) => assessment.ruleset.overlays.some((overlay) => overlay.id === id && overlay.version === version));
      return composed === undefined ? [] : composed.assessment.trace.map((step) => step.rule).filter((rule) => !(latest.document.rules ?? []).some((base) => base.id === rule));
    };

    test('is composed into some scenarios and its rules both hold and fail', () => {
      const rules = overlayRules();
      expect(rules.length).toBeGreaterThan(0);
      for (const rule of rules) expect([...resultsOf(rule, runs)], rule).toEqual(expect.arrayContaining(['true', 'false']));
    });
  });

  test('every note of every version is attached in some scenario', () => {
    const attached = new Set(runs.flatMap(({ assessment }) => assessment.notes.map((note) => note.id)));
    const declared = new Set(bases.flatMap(({ version }) => (loadRuleset('eu-2021-821-art5', { version }).document.notes ?? []).map((note) => note.id)));
    expect([...declared].filter((note) => !attached.has(note))).toEqual([]);
  });

  test('every capability, capability family, red flag and end-user type appears in some transaction', () => {
    const catalogues = latest.document.catalogues ?? {};
    const used = (read: (transaction: Record<string, unknown>) => unknown) =>
      new Set(runs.flatMap(({ scenario }) => {
        const value = read(scenario.transaction);
        return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
      }));
    const item = (transaction: Record<string, unknown>) => (transaction['item'] ?? {}) as Record<string, unknown>;
    const capabilities = used((transaction) => item(transaction)['capabilities']);
    const redFlags = used((transaction) => transaction['redFlags']);
    const endUserTypes = used((transaction) => ((transaction['endUser'] ?? {}) as Record<string, unknown>)['type']);
    const ids = (catalogue: string) => (catalogues[catalogue]?.entries ?? []).map((entry) => entry.id);

    expect(ids('capabilities').filter((id) => !capabilities.has(id))).toEqual([]);
    expect(ids('redFlags').filter((id) => !redFlags.has(id))).toEqual([]);
    expect(ids('endUserTypes').filter((id) => !endUserTypes.has(id))).toEqual([]);

    const families = new Set((catalogues['capabilities']?.entries ?? []).map((entry) => entry.attributes?.['implies']));
    const usedFamilies = new Set((catalogues['capabilities']?.entries ?? []).filter((entry) => capabilities.has(entry.id)).map((entry) => entry.attributes?.['implies']));
    expect([...families].filter((family) => !usedFamilies.has(family))).toEqual([]);
    expect(families.size).toBeGreaterThanOrEqual(3);
  });

  test('both legal periods are exercised with the same facts on either side of 16 October 2024', () => {
    const byFacts = new Map<string, Set<string>>();
    const periodOf = (version: string) => bases.find((base) => base.version === version)?.validity.from ?? version;
    for (const { scenario, assessment } of runs) {
      const { date, ...facts } = scenario.transaction;
      if (date !== '2024-01-10' && date !== '2025-01-10') continue;
      const key = JSON.stringify(facts);
      byFacts.set(key, new Set([...(byFacts.get(key) ?? []), periodOf(assessment.ruleset.version)]));
    }
    const paired = [...byFacts.values()].filter((versions) => versions.size === 2);
    expect(paired.length).toBeGreaterThanOrEqual(4);
  });
});
