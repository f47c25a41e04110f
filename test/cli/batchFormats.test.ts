import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import decisionLineSchema from '../../schemas/decision-line.schema.json';
import { CSV_COLUMNS } from '../../src/cli/batch/csv';
import { assessEach, decisionLine, type Assessment } from '../../src/index';
import { runCli } from '../support/cli';
import { parseCsv, splitCsvList } from '../support/csv';
import { MILITARY_ITEM_EXPORT, MILITARY_ITEM_NOTE_CITATION } from '../support/militaryItem';
import { loadScenarioFiles } from '../support/scenarios';

/** The bundled scenarios' transactions (rulesets/<id>/scenarios/), as an exporter's batch would hold them. */
const transactions = loadScenarioFiles()
  .filter((file) => file.folder.startsWith('rulesets/'))
  .flatMap((file) => file.scenarios.map((scenario) => scenario.transaction));
/** Lines that cannot be assessed, after the transactions: an id a spreadsheet would run, and text that is not JSON. */
const BAD_LINES = [JSON.stringify({ id: '=HYPERLINK("http://x","y")', exporter: 'DE' }), '{"id": "cut-off'];
const input = `${[...transactions.map((transaction) => JSON.stringify(transaction)), ...BAD_LINES].join('\n')}\n`;

/** The header row's columns as the README lists them, in order (`columns `line`, … in this order`). */
function readmeCsvColumns(): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const listed = /columns ((?:`\w+`, )+`\w+`) in this order/.exec(readme)?.[1] ?? '';
  return [...listed.matchAll(/`(\w+)`/g)].map((match) => match[1] as string);
}

/** What the library says for each transaction: the assessments batch must reproduce. */
function libraryAssessments(): Assessment[] {
  return assessEach(transactions).map((result) => {
    if (!result.ok) throw result.error;
    return result.assessment;
  });
}

describe('dual-use-rules batch --detail and --format', () => {
  // Issue 20 set at most 2 KB for a typical line; the notes (id and citation each, a safety fix) took the bundled
  // scenarios' median from 1,655 to 2,131 bytes (docs/performance.md), so the bound is 2.5 KB.
  test('--detail decision (the default) writes decision lines of at most 2.5 KB (median) for the bundled scenarios', async () => {
    const result = await runCli(['batch', '-'], { input });
    expect(result.code).toBe(2);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(transactions.length + BAD_LINES.length);
    const assessments = libraryAssessments();
    const validate = new Ajv2020({ strict: false }).compile(decisionLineSchema);
    const sizes = assessments.map((assessment, index) => {
      expect(JSON.parse(lines[index] as string)).toEqual(
        JSON.parse(JSON.stringify(decisionLine(index + 1, assessment))),
      );
      expect(validate(JSON.parse(lines[index] as string)), JSON.stringify(validate.errors)).toBe(true);
      return Buffer.byteLength(lines[index] as string);
    });
    const sorted = [...sizes].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(2560);
    // The error lines carry the line number and the transaction's id where one can be read.
    const errors = lines.slice(transactions.length).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(errors[0]).toMatchObject({ line: transactions.length + 1, transactionId: '=HYPERLINK("http://x","y")' });
    expect(errors[1]).toEqual(expect.objectContaining({ line: transactions.length + 2 }));
    expect(errors[1]).not.toHaveProperty('transactionId');
    expect(result.stderr).toContain(
      `Line ${transactions.length + 1} (transaction "=HYPERLINK(\\"http://x\\",\\"y\\")"):`,
    );
  });

  test('an item on a military list: "no_obligation" under Article 5, and the line and the CSV row name note.military-item', async () => {
    const input = `${JSON.stringify(MILITARY_ITEM_EXPORT)}\n`;
    const jsonl = await runCli(['batch', '-'], { input });
    expect(jsonl.code).toBe(0);
    const line = JSON.parse(jsonl.stdout) as { outcome: string; notes?: { id: string; citation: object }[] };
    expect(line.outcome).toBe('no_obligation');
    expect(line.notes).toContainEqual({
      id: 'note.military-item',
      citation: expect.objectContaining(MILITARY_ITEM_NOTE_CITATION) as unknown,
    });
    const csv = await runCli(['batch', '-', '--format', 'csv'], { input });
    expect(csv.code).toBe(0);
    const [header, row] = parseCsv(csv.stdout) as [string[], string[]];
    expect(row[header.indexOf('outcome')]).toBe('no_obligation');
    expect(splitCsvList(row[header.indexOf('notes')] ?? '')).toContain('note.military-item');
  });

  test('--detail full writes the whole assessment, trace included', async () => {
    const result = await runCli(['batch', '-', '--detail', 'full'], { input: `${JSON.stringify(transactions[0])}\n` });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(libraryAssessments()[0])));
  });

  test('--format csv: a header row, one RFC 4180 row per line that a parser reads back as the library decided', async () => {
    const result = await runCli(['batch', '-', '--format', 'csv'], { input });
    expect(result.code).toBe(2);
    const [header, ...rows] = parseCsv(result.stdout);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(header).toEqual(readmeCsvColumns());
    expect(rows).toHaveLength(transactions.length + BAD_LINES.length);
    const list = (cell: string | undefined) => splitCsvList(cell ?? '');
    for (const [index, assessment] of libraryAssessments().entries()) {
      const row = Object.fromEntries(CSV_COLUMNS.map((column, at) => [column, (rows[index] as string[])[at]]));
      const context = `row ${index + 1}`;
      expect(row['line'], context).toBe(String(index + 1));
      expect(row['transactionId'], context).toBe(assessment.transactionId ?? '');
      expect(row['outcome'], context).toBe(assessment.outcome);
      expect(list(row['possibleOutcomes']), context).toEqual(assessment.possibleOutcomes);
      expect(list(row['certainDuties']), context).toEqual((assessment.certainDuties ?? []).map((duty) => duty.id));
      expect(list(row['questions']), context).toEqual(assessment.questions.map((question) => question.fact));
      expect(list(row['questionPrompts']), context).toEqual(assessment.questions.map((question) => question.prompt));
      expect(list(row['decidedBy']), context).toEqual(assessment.obligations.map((obligation) => obligation.rule));
      expect(list(row['citations']), context).toEqual(
        assessment.obligations.map(({ citation }) => `${citation.instrument}, ${citation.pinpoint}`),
      );
      const authority = assessment.competentAuthority;
      expect(row['competentAuthority'], context).toBe(
        authority === undefined
          ? ''
          : `${authority.memberState}${authority.name === undefined ? '' : `: ${authority.name}`}`,
      );
      expect(list(row['notes']), context).toEqual(assessment.notes.map((note) => note.id));
      expect([row['rulesetId'], row['rulesetVersion'], row['rulesetSha256']], context).toEqual([
        assessment.ruleset.id,
        assessment.ruleset.version,
        assessment.ruleset.sha256,
      ]);
      expect(list(row['overlays']), context).toEqual(
        assessment.ruleset.overlays.map((overlay) => `${overlay.id}@${overlay.version}`),
      );
      expect(row['error'], context).toBe('');
    }
    const [hostile, notJson] = rows.slice(transactions.length) as [string[], string[]];
    // The formula guard: a cell that would start a formula in a spreadsheet starts with ' instead.
    expect(hostile.slice(0, 3)).toEqual([String(transactions.length + 1), `'=HYPERLINK("http://x","y")`, '']);
    expect(hostile[CSV_COLUMNS.indexOf('error')]).toMatch(/^TransactionError: The transaction is not valid/);
    expect(notJson[CSV_COLUMNS.indexOf('error')]).toMatch(/^TransactionError: The line is not valid JSON/);
    // Control characters are escapes: every row is one line of the file.
    expect(result.stdout.split('\r\n')).toHaveLength(transactions.length + BAD_LINES.length + 2);
  });
});
