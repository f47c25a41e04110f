import { describe, expect, test } from 'vitest';
import { assess, loadRuleset, TransactionError, type Issue } from '../../src/index';
import type { Draft } from '../../web/src/answers';
import {
  describeProblems,
  exportDateMessage,
  exportDateProblem,
  suggestionIn,
  type Problem,
} from '../../web/src/problems';
import { questionnaireOf } from '../../web/src/questions';
import { TouchedFields } from '../../web/src/touched';

const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' });
const questions = questionnaireOf(ruleset).questions;
const valid: Draft = { date: '2025-03-03', exporter: { country: 'FR' }, destination: { country: 'EG' } };

/** The issues the library reports for a draft (none when it is valid). */
async function issuesOf(draft: Draft): Promise<readonly Issue[]> {
  try {
    await assess(draft, { ruleset });
    return [];
  } catch (error) {
    if (error instanceof TransactionError) return error.issues;
    throw error;
  }
}

async function problemsOf(draft: Draft): Promise<Problem[]> {
  return describeProblems(await issuesOf(draft), draft, questions);
}

function fix(problem: Problem | undefined, label: string): Problem['fixes'][number] {
  const found = problem?.fixes.find((candidate) => candidate.label === label);
  if (found === undefined)
    throw new Error(`No fix "${label}" among ${JSON.stringify(problem?.fixes.map((candidate) => candidate.label))}`);
  return found;
}

describe('problems in a loaded file, fixable in place', () => {
  test('a typo key belongs to the question it was meant for, and taking the suggestion makes the file valid', async () => {
    const draft: Draft = { ...valid, item: { speciallyDesinged: true } };
    const [problem] = await problemsOf(draft);
    expect(problem).toMatchObject({
      code: 'unrecognized_key',
      fact: 'item.speciallyDesigned',
      label: 'item.speciallyDesinged',
    });
    expect(problem?.message).toBe(
      'The file has a field “speciallyDesinged” that this questionnaire does not know; it holds “true”. Did you mean “speciallyDesigned” (Specially designed)?',
    );
    expect(problem?.fixes.map((candidate) => candidate.label)).toEqual([
      'Use it as “speciallyDesigned”',
      'Remove “speciallyDesinged”',
    ]);
    const fixed = fix(problem, 'Use it as “speciallyDesigned”').apply(draft);
    expect(fixed).toEqual({ ...valid, item: { speciallyDesigned: true } });
    expect(await issuesOf(fixed)).toEqual([]);
    expect(fix(problem, 'Remove “speciallyDesinged”').apply(draft)).toEqual(valid);
  });

  test('a typo key whose intended question is already answered can only be removed', async () => {
    const draft: Draft = { ...valid, item: { speciallyDesigned: false, speciallyDesinged: true } };
    const [problem] = await problemsOf(draft);
    expect(problem?.message).toContain('That question is already answered.');
    expect(problem?.fixes.map((candidate) => candidate.label)).toEqual(['Remove “speciallyDesinged”']);
  });

  test("a national position without its source belongs to the position's question and says what to give", async () => {
    const draft: Draft = { ...valid, nationalLaw: { suspicionRule: { position: 'none' } } };
    const [problem] = await problemsOf(draft);
    expect(problem).toMatchObject({
      code: 'required',
      fact: 'nationalLaw.suspicionRule.position',
      label: 'National Article 5(3) rule, as stated by the exporter (Source of this statement)',
    });
    expect(problem?.message).toMatch(/^Give it with the answer\. What the statement relies on: the national provision/);
    expect(problem?.entry).toBeUndefined();
  });

  test('a key nothing resembles is listed without a question, with its removal', async () => {
    const draft: Draft = { ...valid, orderNumber: 'A-17' };
    const [problem] = await problemsOf(draft);
    expect(problem).toMatchObject({ code: 'unrecognized_key', label: 'orderNumber' });
    expect(problem?.fact).toBeUndefined();
    expect(fix(problem, 'Remove “orderNumber”').apply(draft)).toEqual(valid);
  });

  test('a value of the wrong type: "true" can become yes, anything can be cleared so the question can be answered', async () => {
    const draft: Draft = {
      ...valid,
      item: { speciallyDesigned: 'true', annexIEntries: '5A001.j, 4A005' },
      dueDiligence: { mitigationPlan: 'no' },
    };
    const problems = await problemsOf(draft);
    const byFact = (fact: string) => problems.find((problem) => problem.fact === fact);
    expect(byFact('item.speciallyDesigned')?.message).toBe('The file gives “true” where the answer is yes or no.');
    expect(byFact('item.speciallyDesigned')?.fixes.map((candidate) => candidate.label)).toEqual([
      'Use “Yes”',
      'Clear this answer',
    ]);
    expect(byFact('dueDiligence.mitigationPlan')?.fixes.map((candidate) => candidate.label)).toEqual([
      'Use “No”',
      'Clear this answer',
    ]);
    expect(byFact('item.annexIEntries')?.fixes.map((candidate) => candidate.label)).toEqual([
      'Use “5A001.j, 4A005”',
      'Clear this answer',
    ]);
    let fixed = draft;
    for (const problem of problems) fixed = (problem.fixes[0] as Problem['fixes'][number]).apply(fixed);
    expect(fixed).toEqual({
      ...valid,
      item: { speciallyDesigned: true, annexIEntries: ['5A001.j', '4A005'] },
      dueDiligence: { mitigationPlan: false },
    });
    expect(await issuesOf(fixed)).toEqual([]);
    expect(fix(byFact('item.speciallyDesigned'), 'Clear this answer').apply(draft)).toEqual({
      ...valid,
      item: { annexIEntries: '5A001.j, 4A005' },
      dueDiligence: { mitigationPlan: 'no' },
    });
  });

  test('an unknown catalogue id: take the suggestion, shown by its label, or remove the entry (an emptied list becomes unknown, not "none")', async () => {
    const draft: Draft = { ...valid, item: { capabilities: ['facial-recognitio'] }, redFlags: ['unusual-payment'] };
    const problems = await problemsOf(draft);
    const capability = problems.find((problem) => problem.fact === 'item.capabilities');
    expect(capability?.message).toBe(
      '“facial-recognitio” is not one of the choices. Did you mean “Facial recognition”?',
    );
    expect(fix(capability, 'Change it to “Facial recognition”').apply(draft)).toMatchObject({
      item: { capabilities: ['facial-recognition'] },
    });
    const flag = problems.find((problem) => problem.fact === 'redFlags');
    expect(flag?.label).toBe('Red flags observed (entry 1)');
    expect(fix(flag, 'Remove this entry').apply(draft)).toEqual({
      ...valid,
      item: { capabilities: ['facial-recognitio'] },
    });
  });

  test('a wrong value inside an entry of a repeatable answer names the entry and its field', async () => {
    // A finding's knowledge may be left open (issue 17), its concern may not: a wrong concern, cleared, is missing.
    const draft: Draft = { ...valid, findings: [{ concern: 'repression', knowledge: 'positive-knowledge' }] };
    const [problem] = await problemsOf(draft);
    expect(problem).toMatchObject({
      fact: 'findings',
      entry: { index: 0, field: 'concern' },
      label: 'Findings on intended use (entry 1, Concern)',
    });
    const cleared = fix(problem, 'Clear this answer').apply(draft);
    expect(cleared).toEqual({ ...valid, findings: [{ knowledge: 'positive-knowledge' }] });
    const [missing] = await problemsOf(cleared);
    expect(missing).toMatchObject({
      code: 'required',
      fact: 'findings',
      entry: { index: 0, field: 'concern' },
      fixes: [],
    });
  });

  test('a missing section is tied to its first required question', async () => {
    const [problem] = await problemsOf({ date: '2025-03-03', exporter: { country: 'FR' } });
    expect(problem).toMatchObject({
      code: 'required',
      fact: 'destination.country',
      label: 'Country of destination',
      fixes: [],
    });
  });

  test('the library still words a typo the way the form reads its suggestion', () => {
    expect(suggestionIn('Unknown key "speciallyDesinged". Did you mean "speciallyDesigned"?')).toBe(
      'speciallyDesigned',
    );
    expect(suggestionIn('Unknown key "x". Allowed keys here: a, b.')).toBeUndefined();
  });
});

describe('the export date (D20)', () => {
  test('speaks of the export date, never of an API option', () => {
    for (const value of ['2025-02-30', '2025-3-3', '3 March 2025', 20250303]) {
      const message = exportDateMessage(value);
      expect(message, String(value)).toMatch(/^The export date /);
      expect(message).not.toMatch(/asOf/);
    }
    expect(exportDateMessage('2025-02-30')).toBe(
      'The export date “2025-02-30” is not a day in the calendar. Enter the date of the export.',
    );
    expect(exportDateMessage('2024-02-29')).toBeUndefined();
    expect(exportDateMessage(undefined)).toBeUndefined();
    expect(exportDateProblem('2025-02-30')).toMatchObject({
      path: ['date'],
      detail: 'date',
      label: 'Export date',
      fixes: [],
    });
  });
});

describe('TouchedFields: a missing answer shows next to its field only after the officer acted on it', () => {
  const required = (fact: string, entry?: { index: number; field: string }): Problem => ({
    path: [],
    code: 'required',
    fact,
    ...(entry === undefined ? {} : { entry }),
    label: fact,
    message: 'Required, but missing.',
    fixes: [],
  });

  test('a wrong value shows at once; a missing one after a change to that question, or that field of that entry', () => {
    const touched = new TouchedFields();
    expect(touched.shows({ ...required('item.speciallyDesigned'), code: 'invalid_type' })).toBe(true);
    expect(touched.shows(required('exporter.country'))).toBe(false);
    touched.touch('exporter.country');
    expect(touched.shows(required('exporter.country'))).toBe(true);
    expect(touched.shows(required('findings', { index: 0, field: 'knowledge' }))).toBe(false);
    touched.touch('findings', { index: 0, field: 'concern' });
    expect(touched.shows(required('findings', { index: 0, field: 'knowledge' }))).toBe(false);
    touched.touch('findings', { index: 0, field: 'knowledge' });
    expect(touched.shows(required('findings', { index: 0, field: 'knowledge' }))).toBe(true);
  });

  test('removing an entry forgets its fields and moves the later ones up', () => {
    const touched = new TouchedFields();
    touched.touch('findings', { index: 0, field: 'concern' });
    touched.touch('findings', { index: 1, field: 'knowledge' });
    touched.removeEntry('findings', 0);
    expect(touched.shows(required('findings', { index: 0, field: 'knowledge' }))).toBe(true);
    expect(touched.shows(required('findings', { index: 0, field: 'concern' }))).toBe(false);
    expect(touched.shows(required('findings', { index: 1, field: 'knowledge' }))).toBe(false);
  });

  test('a loaded file counts as acted on for every question it answers and every field of its entries', () => {
    const touched = new TouchedFields();
    touched.touchDraft({ exporter: { country: 'FR' }, findings: [{ concern: 'internal-repression' }] }, questions);
    expect(touched.shows(required('exporter.country'))).toBe(true);
    expect(touched.shows(required('findings', { index: 0, field: 'knowledge' }))).toBe(true);
    expect(touched.shows(required('destination.country'))).toBe(false);
  });
});
