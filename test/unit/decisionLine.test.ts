import { describe, expect, test } from 'vitest';
import { assess, compileRuleset, decisionLine } from '../../src/index';
import { MILITARY_ITEM_EXPORT } from '../support/militaryItem';
import { minimalRuleset } from '../support/minimalRuleset';

describe('decisionLine: the notes', () => {
  test('an item on a military list: "no_obligation" under Article 5, and the line names the note that says a national licence is needed', async () => {
    const assessment = await assess(MILITARY_ITEM_EXPORT);
    const line = decisionLine(7, assessment);
    expect(line.outcome).toBe('no_obligation');
    expect(line.notes).toContainEqual({ id: 'note.military-item' });
  });

  test('every note of the assessment, in its order, by its id alone (its text and citation stay in the assessment)', async () => {
    const assessment = await assess(MILITARY_ITEM_EXPORT);
    const line = decisionLine(1, assessment);
    expect(assessment.notes.length).toBeGreaterThan(1);
    expect(line.notes).toEqual(assessment.notes.map((note) => ({ id: note.id })));
  });

  test('an assessment without notes: the list is there, empty, as questions and decidedBy are', async () => {
    const ruleset = compileRuleset(minimalRuleset());
    const assessment = await assess(
      { date: '2025-01-10', exporter: { country: 'DE', informedByAuthority: false }, destination: { country: 'US' } },
      { ruleset },
    );
    expect(assessment.notes).toEqual([]);
    expect(decisionLine(1, assessment)).toHaveProperty('notes', []);
  });
});
