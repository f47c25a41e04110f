import { describe, expect, test } from 'vitest';
import transactionJsonSchema from '../../schemas/transaction.schema.json';
import { listRulesets, loadRuleset } from '../../src/index';
import { getAnswer, setAnswer, type Draft } from '../../web/src/answers';
import { matchOption, SEARCHABLE_FROM, sortedByLabel } from '../../web/src/options';
import { questionsOf } from '../../web/src/questions';
import { fallbackFacts, irrelevantFacts } from '../../web/src/relevance';
import { loadScenarioFiles } from '../support/scenarios';

const versions = listRulesets().filter((summary) => summary.kind === 'base');

describe('questionsOf (the browser questionnaire)', () => {
  test.each(versions.map((summary) => [`${summary.id} ${summary.version}`, summary] as const))(
    '%s: asks every input fact, in declaration order, and no derived fact',
    (_, summary) => {
      const ruleset = loadRuleset(summary.id, { version: summary.version });
      const inputs = Object.entries(ruleset.document.facts ?? {})
        .filter(([, fact]) => fact.derive === undefined)
        .map(([id]) => id);
      expect(inputs.length).toBeGreaterThan(5);
      expect(questionsOf(ruleset, transactionJsonSchema).map((question) => question.fact)).toEqual(inputs);
    },
  );

  test("catalogue-bound facts are pick-lists of their catalogue; booleans are yes / no / don't know; only the exporter and destination country are required", () => {
    const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' });
    const questions = questionsOf(ruleset, transactionJsonSchema);
    for (const question of questions) {
      const fact = ruleset.document.facts?.[question.fact];
      if (fact?.answers?.catalogue !== undefined) {
        const entries = ruleset.document.catalogues?.[fact.answers.catalogue]?.entries ?? [];
        expect(
          question.options?.map((option) => option.value),
          question.fact,
        ).toEqual(entries.map((entry) => entry.id));
        expect(['choice', 'multi']).toContain(question.kind);
      }
      if (fact?.type === 'boolean') expect(question.kind, question.fact).toBe('boolean');
    }
    expect(
      questions
        .filter((question) => question.required)
        .map((question) => question.fact)
        .sort(),
    ).toEqual(['destination.country', 'exporter.country']);
    expect(questions.find((question) => question.fact === 'item.annexIEntries')?.kind).toBe('list');
  });

  test("the activity shows its contract default; countries are named; a finding is a small form with the knowledge scale's labels", () => {
    const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' });
    const questions = questionsOf(ruleset, transactionJsonSchema);
    const activity = questions.find((question) => question.fact === 'activity');
    expect(activity).toMatchObject({ kind: 'choice', default: 'export' });
    const destination = questions.find((question) => question.fact === 'destination.country');
    expect(destination?.options?.find((option) => option.value === 'EG')?.label).toBe('Egypt (EG)');
    const findings = questions.find((question) => question.fact === 'findings');
    expect(findings?.kind).toBe('records');
    expect(findings?.fields?.map((field) => [field.name, field.required])).toEqual([
      ['concern', true],
      ['knowledge', false],
      ['source', false],
      ['indicators', false],
      ['factors', false],
      ['note', false],
    ]);
    const knowledge = findings?.fields?.find((field) => field.name === 'knowledge');
    const scale = ruleset.document.scales?.knowledge?.levels ?? [];
    for (const option of knowledge?.options ?? [])
      expect(option.label).toBe(scale.find((level) => level.id === option.value)?.label);
    expect(findings?.fields?.find((field) => field.name === 'source')?.default).toBe('due-diligence');
    expect(findings?.fields?.find((field) => field.name === 'note')?.options).toBeUndefined();
  });

  test("the knowledge levels are explained from the ruleset: each level's description, and the scale's title and citations", () => {
    const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' });
    const knowledge = questionsOf(ruleset, transactionJsonSchema)
      .find((question) => question.fact === 'findings')
      ?.fields?.find((field) => field.name === 'knowledge');
    const scale = ruleset.document.scales?.knowledge;
    expect(knowledge?.scale).toMatchObject({
      id: 'knowledge',
      title: scale?.title,
      citation: { pinpoint: scale?.citation.pinpoint },
    });
    expect(knowledge?.scale?.seeAlso.map((citation) => citation.pinpoint)).toEqual(
      scale?.seeAlso?.map((citation) => citation.pinpoint),
    );
    for (const option of knowledge?.options ?? [])
      expect(option.description, option.value).toBe(
        scale?.levels.find((level) => level.id === option.value)?.description,
      );
    expect(knowledge?.options?.every((option) => option.description !== undefined)).toBe(true);
  });

  test('every country reads "Name (CODE)", member states included; long pick-lists are searched, sorted by name', () => {
    const questions = questionsOf(loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' }), transactionJsonSchema);
    const located = questions.find((question) => question.fact === 'exporter.itemsLocatedIn');
    expect(located?.options?.find((option) => option.value === 'AT')?.label).toBe('Austria (AT)');
    const destination = questions.find((question) => question.fact === 'destination.country')?.options ?? [];
    expect(destination.length).toBeGreaterThanOrEqual(SEARCHABLE_FROM);
    const sorted = sortedByLabel(destination).map((option) => option.label);
    expect(sorted.indexOf('Austria (AT)')).toBeGreaterThan(sorted.indexOf('Australia (AU)'));
    expect(sorted.indexOf('Egypt (EG)')).toBeLessThan(sorted.indexOf('France (FR)'));
    expect(matchOption(destination, 'Egypt (EG)')?.value).toBe('EG');
    expect(matchOption(destination, ' egypt ')?.value).toBe('EG');
    expect(matchOption(destination, 'eg')?.value).toBe('EG');
    expect(matchOption(destination, 'Egy')).toBeUndefined();
    expect(matchOption(destination, '')).toBeUndefined();
  });
});

describe('irrelevantFacts: questions that cannot matter for this exporter', () => {
  test.each(versions.map((summary) => [`${summary.id} ${summary.version}`, summary] as const))(
    "%s: only the items' location is a fallback, read once the exporter is known to be outside the EU",
    (_, summary) => {
      const ruleset = loadRuleset(summary.id, { version: summary.version });
      expect([...fallbackFacts(ruleset.document).keys()]).toEqual(['exporter.itemsLocatedIn']);
      expect(irrelevantFacts(ruleset.document, {})).toEqual(new Set(['exporter.itemsLocatedIn']));
      expect(irrelevantFacts(ruleset.document, { exporter: { country: 'FR' } })).toEqual(
        new Set(['exporter.itemsLocatedIn']),
      );
      expect(irrelevantFacts(ruleset.document, { exporter: { country: 'CH' } })).toEqual(new Set());
      expect(irrelevantFacts(ruleset.document, { exporter: { country: 'US' } })).toEqual(new Set());
    },
  );

  test('it follows the ruleset\'s catalogue, not a list of its own: a member state dropped from the catalogue makes its exporters "outside"', () => {
    const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' });
    const document = structuredClone(ruleset.document) as unknown as {
      catalogues: Record<string, { entries: { id: string }[] }>;
    };
    // The catalogue the competent member state is derived from (the member states' territories, since 2.1.0).
    const derive = ruleset.document.facts?.['competentMemberState']?.derive as { catalogue: string };
    const memberStates = document.catalogues[derive.catalogue] as { entries: { id: string }[] };
    memberStates.entries = memberStates.entries.filter((entry) => entry.id !== 'FR');
    expect(irrelevantFacts(document as unknown as typeof ruleset.document, { exporter: { country: 'FR' } })).toEqual(
      new Set(),
    );
  });
});

describe('setAnswer / getAnswer', () => {
  test('"don\'t know" removes the field, and sections left empty go with it', () => {
    let draft: Draft = { date: '2025-03-03' };
    draft = setAnswer(draft, 'item.speciallyDesigned', true);
    draft = setAnswer(draft, 'item.covertSurveillance', false);
    expect(draft).toEqual({ date: '2025-03-03', item: { speciallyDesigned: true, covertSurveillance: false } });
    expect(getAnswer(draft, 'item.covertSurveillance')).toBe(false);
    draft = setAnswer(draft, 'item.speciallyDesigned', undefined);
    draft = setAnswer(draft, 'item.covertSurveillance', undefined);
    expect(draft).toEqual({ date: '2025-03-03' });
    expect(getAnswer(draft, 'item.covertSurveillance')).toBeUndefined();
  });

  test('every scenario transaction is rebuilt, field by field, from its answers', () => {
    const leaves = (value: Record<string, unknown>, prefix = ''): [string, unknown][] =>
      Object.entries(value).flatMap(([key, child]) => {
        const path = prefix === '' ? key : `${prefix}.${key}`;
        return child !== null && typeof child === 'object' && !Array.isArray(child) && Object.keys(child).length > 0
          ? leaves(child as Record<string, unknown>, path)
          : [[path, child] as [string, unknown]];
      });
    const transactions = loadScenarioFiles().flatMap((file) => file.scenarios.map((scenario) => scenario.transaction));
    expect(transactions.length).toBeGreaterThan(20);
    for (const transaction of transactions) {
      const rebuilt = leaves(transaction).reduce<Draft>((draft, [path, value]) => setAnswer(draft, path, value), {});
      expect(rebuilt).toEqual(transaction);
      for (const [path, value] of leaves(transaction)) expect(getAnswer(rebuilt, path)).toEqual(value);
    }
  });
});
