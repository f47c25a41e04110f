import { describe, expect, test } from 'vitest';
import { assessLine } from '../../src/cli/batch/assessLine';
import { MAX_LINE_LENGTH, readLines } from '../../src/cli/batch/readLines';

async function collect(chunks: readonly (Buffer | string)[]) {
  const lines: { text: string; line: number }[] = [];
  for await (const batch of readLines(
    (async function* () {
      yield* chunks;
    })(),
    2,
  ))
    lines.push(...batch.lines);
  return lines;
}

describe('reading JSON Lines', () => {
  test('LF and CRLF endings, a last line without one, and an empty line in the middle', async () => {
    expect(await collect(['{"a":1}\r\n{"b"', ':2}\n\n{"c":3}'])).toEqual([
      { text: '{"a":1}', line: 1 },
      { text: '{"b":2}', line: 2 },
      { text: '', line: 3 },
      { text: '{"c":3}', line: 4 },
    ]);
    expect(await collect([])).toEqual([]);
    expect(await collect(['\n'])).toEqual([{ text: '', line: 1 }]);
  });

  test('a character split between two chunks is decoded whole', async () => {
    const bytes = Buffer.from('{"name":"Büro §5"}\n');
    const split = bytes.indexOf(Buffer.from('ü')) + 1;
    expect(await collect([bytes.subarray(0, split), bytes.subarray(split)])).toEqual([
      { text: '{"name":"Büro §5"}', line: 1 },
    ]);
  });

  test('a line longer than the limit is not kept but still counted, and reported as such', async () => {
    const long = 'x'.repeat(MAX_LINE_LENGTH / 4);
    const lines = await collect(['{"a":1}\n', long, long, long, long, long, '\n{"b":2}\n']);
    expect(lines.map(({ line }) => line)).toEqual([1, 2, 3]);
    expect(lines[2]?.text).toBe('{"b":2}');
    expect(JSON.stringify(assessLine(lines[1]?.text ?? '', 2, {}).record)).toContain('"code":"line_too_long"');
  });
});

describe('assessing one line', () => {
  test('a line that is not JSON, or empty, is an error record with its line number, not an exception', () => {
    expect(assessLine('{"exporter":', 7, {}).record).toMatchObject({
      line: 7,
      error: { name: 'TransactionError', issues: [{ code: 'invalid_json' }] },
    });
    expect(assessLine('  ', 8, {}).error).toMatchObject({ line: 8, issues: [{ code: 'empty_line' }] });
  });

  test('a transaction no ruleset version covers is an error record naming why', () => {
    const result = assessLine(JSON.stringify({ exporter: { country: 'DE' }, destination: { country: 'US' } }), 3, {
      asOf: '2001-01-01',
    });
    expect(result.error).toMatchObject({ line: 3, name: 'AssessmentError', code: 'ruleset_not_in_force' });
  });
});
