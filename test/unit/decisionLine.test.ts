import { describe, expect, test } from 'vitest';
import { assess, compileRuleset, decisionLine } from '../../src/index';
import { MILITARY_ITEM_EXPORT, MILITARY_ITEM_NOTE_CITATION } from '../support/militaryItem';
import { minimalRuleset } from '../support/minimalRuleset';

describe('decisionLine: the notes', () => {
  test('an item on a military list: "no_obligation" under Article 5, and the line names the note that says a national licence is needed', async () => {
    const assessment = await assess(MILITARY_ITEM_EXPORT);
    const line = decisionLine(7, assessment);
    expect(line.outcome).toBe('no_obligation');
    expect(line.notes).toContainEqual({
      id: 'note.military-item',
      citation: expect.objectContaining(MILITARY_ITEM_NOTE_CITATION) as unknown,
    });
  });

  test("every note of the assessment, in its order, with its citation as the line cites (no quote, no encoder's note)", async () => {
    const assessment = await assess(MILITARY_ITEM_EXPORT);
    const line = decisionLine(1, assessment);
    expect(assessment.notes.length).toBeGreaterThan(1);
    expect(line.notes.map((note) => note.id)).toEqual(assessment.notes.map((note) => note.id));
    for (const [index, note] of assessment.notes.entries()) {
      const cited = Object.fromEntries(
        Object.entries(note.citation).filter(([key]) => key !== 'quote' && key !== 'note'),
      );
      expect(line.notes[index], note.id).toEqual({ id: note.id, citation: cited });
    }
    // The note's citation is written the way the deciding rules' citations are.
    const decidingCitation = line.decidedBy[0]?.citation;
    expect(Object.keys(line.notes[0]?.citation ?? {}).sort()).toEqual(Object.keys(decidingCitation ?? {}).sort());
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
