import { describe, expect, test } from 'vitest';
import { createRulesetRegistry, listQuestions, listRulesets, loadRuleset } from '../../src/index';
import { getAnswer, setAnswer, type Draft } from '../../web/src/answers';
import { matchOption, SEARCHABLE_FROM, sortedByLabel } from '../../web/src/options';
import { questionnaireOf } from '../../web/src/questions';
import { hiddenFacts, holdsAnswer, unusedAnswers } from '../../web/src/relevance';
import { loadScenarioFiles } from '../support/scenarios';

const versions = listRulesets().filter((summary) => summary.kind === 'base');
const compositions = createRulesetRegistry().compositions();

describe('questionnaireOf (the browser questionnaire)', () => {
  test.each([
    ...versions.map(
      (summary) => [`${summary.id} ${summary.version}`, loadRuleset(summary.id, { version: summary.version })] as const,
    ),
    ...compositions.map(
      (composition) =>
        [`${composition.id} ${composition.version} from ${composition.validity.from}`, composition.load()] as const,
    ),
  ])(
    '%s: asks what listQuestions lists, in its order; a fact no transaction field answers is not a control',
    (_, ruleset) => {
      const listed = listQuestions(ruleset).questions;
      const { questions, unanswerable, sections } = questionnaireOf(ruleset);
      expect(questions.map((question) => question.fact)).toEqual(
        listed.filter((question) => question.path !== undefined).map((question) => question.fact),
      );
      expect(unanswerable.map((question) => question.fact)).toEqual(
        listed.filter((question) => question.path === undefined).map((question) => question.fact),
      );
      expect(sections).toEqual(listQuestions(ruleset).sections);
      for (const question of questions) expect(sections.map((section) => section.id)).toContain(question.section);
    },
  );

  test("catalogue-bound facts are pick-lists of their catalogue; booleans are yes / no / don't know; only the exporter and destination country are required", () => {
    const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' });
    const { questions } = questionnaireOf(ruleset);
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
    expect(
      questions.find((question) => question.fact === 'endUser.type')?.options?.map((option) => option.value),
    ).toContain('other');
  });

  test("the activity shows its contract default; countries are named; a finding is a small form with the knowledge scale's labels and its indicators as a multi-select", () => {
    const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' });
    const { questions } = questionnaireOf(ruleset);
    const activity = questions.find((question) => question.fact === 'activity');
    expect(activity).toMatchObject({ kind: 'choice', default: 'export' });
    const destination = questions.find((question) => question.fact === 'destination.country');
    expect(destination?.options?.find((option) => option.value === 'EG')?.label).toBe('Egypt (EG)');
    const findings = questions.find((question) => question.fact === 'findings');
    expect(findings?.kind).toBe('records');
    expect(findings?.fields?.map((field) => [field.name, field.required, field.kind])).toEqual([
      ['concern', true, 'choice'],
      ['knowledge', false, 'choice'],
      ['source', false, 'choice'],
      ['indicators', false, 'multi'],
      ['factors', false, 'multi'],
      ['note', false, 'text'],
    ]);
    const knowledge = findings?.fields?.find((field) => field.name === 'knowledge');
    const scale = ruleset.document.scales?.knowledge?.levels ?? [];
    for (const option of knowledge?.options ?? [])
      expect(option.label).toBe(scale.find((level) => level.id === option.value)?.label);
    expect(findings?.fields?.find((field) => field.name === 'source')?.default).toBe('due-diligence');
    expect(findings?.fields?.find((field) => field.name === 'note')?.options).toBeUndefined();
    expect(findings?.fields?.find((field) => field.name === 'indicators')?.options?.[0]?.label).toEqual(
      ruleset.document.catalogues?.['seriousnessIndicators']?.entries[0]?.label,
    );
    const parties = questions.find((question) => question.fact === 'parties');
    expect(parties?.fields?.map((field) => [field.name, field.label, field.kind])).toEqual([
      ['role', 'Role', 'choice'],
      ['name', 'Name', 'text'],
      ['country', 'Country', 'choice'],
    ]);
  });

  test('the national position is asked with its source, each value explained', () => {
    const { questions } = questionnaireOf(loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' }));
    const position = questions.find((question) => question.fact === 'nationalLaw.suspicionRule.position');
    expect(position).toMatchObject({
      kind: 'choice',
      section: 'nationalLaw',
      source: { fact: 'nationalLaw.suspicionRule.source' },
      showWhen: { kind: 'asked' },
      citation: { pinpoint: 'Art. 5(3)' },
    });
    expect(position?.options?.every((option) => option.description !== undefined)).toBe(true);
  });

  test("the knowledge levels are explained from the ruleset: each level's description, and the scale's title and citations", () => {
    const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' });
    const knowledge = questionnaireOf(ruleset)
      .questions.find((question) => question.fact === 'findings')
      ?.fields?.find((field) => field.name === 'knowledge');
    const scale = ruleset.document.scales?.knowledge;
    expect(knowledge?.scale).toMatchObject({
      id: 'knowledge',
      title: scale?.title,
      citation: { pinpoint: scale?.citation.pinpoint },
    });
    expect(knowledge?.scale?.citation.pinpoint).toBe('Section 1.2.6');
    expect(knowledge?.scale?.seeAlso.map((citation) => citation.pinpoint)).toContain('Art. 5(2)');
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
    const { questions } = questionnaireOf(loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' }));
    const located = questions.find((question) => question.fact === 'exporter.itemsLocatedIn');
    expect(located?.options?.find((option) => option.value === 'AT')?.label).toBe('Austria (AT)');
    const destination = questions.find((question) => question.fact === 'destination.country')?.options ?? [];
    expect(destination.length).toBeGreaterThanOrEqual(SEARCHABLE_FROM);
    expect(destination.find((option) => option.value === 'EA')?.label).toBe('Ceuta & Melilla (EA)');
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

describe('hiddenFacts: questions that cannot matter for this exporter yet', () => {
  const { questions } = questionnaireOf(loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' }));
  const none = new Set<string>();
  const waiting = [
    'destination.outsideCustomsTerritory',
    'dueDiligence.endUseStatementObtained',
    'nationalLaw.suspicionRule.position',
  ];

  test("the items' location waits until the exporter is known to be outside the EU", () => {
    expect(hiddenFacts(questions, {}, none)).toEqual(new Set(['exporter.itemsLocatedIn', ...waiting]));
    expect(hiddenFacts(questions, { exporter: { country: 'FR' } }, none)).toContain('exporter.itemsLocatedIn');
    expect(hiddenFacts(questions, { exporter: { country: 'CH' } }, none)).not.toContain('exporter.itemsLocatedIn');
    expect(hiddenFacts(questions, { exporter: { country: 'US' } }, none)).not.toContain('exporter.itemsLocatedIn');
  });

  test('the national position, a part outside the customs territory and a refused statement obtained since wait until the assessment asks them', () => {
    for (const fact of waiting) {
      expect(hiddenFacts(questions, { exporter: { country: 'FR' } }, none)).toContain(fact);
      expect(hiddenFacts(questions, { exporter: { country: 'FR' } }, new Set([fact]))).not.toContain(fact);
    }
  });

  test('a question that holds an answer is never hidden; a statement holds one with its source alone', () => {
    const draft: Draft = { exporter: { country: 'FR', itemsLocatedIn: 'DE' } };
    expect(hiddenFacts(questions, draft, none)).not.toContain('exporter.itemsLocatedIn');
    const sourceOnly: Draft = { nationalLaw: { suspicionRule: { source: 'Answer of the SBDU, 3 March 2025' } } };
    const position = questions.find((question) => question.fact === 'nationalLaw.suspicionRule.position');
    expect(position !== undefined && holdsAnswer(position, sourceOnly)).toBe(true);
    expect(hiddenFacts(questions, sourceOnly, none)).not.toContain('nationalLaw.suspicionRule.position');
  });

  test("an answer to a fallback the exporter's answers settle is said not to matter; a stated position is not", () => {
    expect(unusedAnswers(questions, { exporter: { country: 'FR', itemsLocatedIn: 'DE' } })).toEqual(
      new Set(['exporter.itemsLocatedIn']),
    );
    expect(unusedAnswers(questions, { exporter: { country: 'CH', itemsLocatedIn: 'DE' } })).toEqual(new Set());
    expect(
      unusedAnswers(questions, { nationalLaw: { suspicionRule: { position: 'none', source: 'Answer of the SBDU' } } }),
    ).toEqual(new Set());
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
