import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, csvRow } from '../../src/cli/batch/csv';
import { escapeControls } from '../../src/cli/output/safeText';
import type { DecisionLine } from '../../src/index';
import { parseCsv, splitCsvList } from '../support/csv';
import { runs } from '../support/runs';

const RUNS = runs(2000);

/**
 * Item text as a custom ruleset may write it (ids and prompts are never empty): biased towards what the list encoding
 * and the cell must survive (the separator and its escape, a formula start, the guard, quotes, commas, line breaks
 * and other controls), mixed with any text at all.
 */
const item = fc.oneof(
  fc.string({ unit: fc.constantFrom('|', '\\', ' ', 'a', '=', '-', "'", '"', ',', '\n', '\u202e'), minLength: 1 }),
  fc.string({ unit: 'binary', minLength: 1 }),
  fc.array(fc.constantFrom('a', ' | ', '\\', '\\|', ' |', '| '), { minLength: 1 }).map((parts) => parts.join('')),
);

/** A decision line whose questions' prompts (and facts) are the items, everything else fixed. */
function lineAsking(prompts: readonly string[]): DecisionLine {
  return {
    line: 1,
    outcome: 'insufficient_information',
    possibleOutcomes: ['insufficient_information'],
    questions: prompts.map((prompt) => ({ fact: prompt, prompt })),
    decidedBy: [],
    notes: [],
    ruleset: { id: 'custom', version: '1.0.0', sha256: '0'.repeat(64), overlays: [] },
  };
}

describe('batch --format csv: a list cell splits back into its items by the documented rule', () => {
  test('question prompts holding " | ", "\\", a formula start or a quote: the same items, as the cell shows them', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), (prompts) => {
        const [row] = parseCsv(csvRow(lineAsking(prompts))) as [string[]];
        // Control characters are shown as escapes in every cell (`\n`): the items as the cell shows them.
        const shown = prompts.map((prompt) => escapeControls(prompt));
        expect(splitCsvList(row[CSV_COLUMNS.indexOf('questionPrompts')] as string)).toEqual(shown);
        expect(splitCsvList(row[CSV_COLUMNS.indexOf('questions')] as string)).toEqual(shown);
      }),
      { numRuns: RUNS, seed: 21 },
    );
  });

  test('a prompt of a custom ruleset holding the separator is one item', () => {
    const prompts = ['Is the item "A | B" listed?', 'C:\\exports\\', 'a \\| b'];
    const [row] = parseCsv(csvRow(lineAsking(prompts))) as [string[]];
    expect(splitCsvList(row[CSV_COLUMNS.indexOf('questionPrompts')] as string)).toEqual(prompts);
  });
});
