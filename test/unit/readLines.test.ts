import { describe, expect, test } from 'vitest';
import { assessLine } from '../../src/cli/batch/assessLine';
import { MAX_LINE_LENGTH, readLines, type InputLine } from '../../src/cli/batch/readLines';

async function collect(chunks: readonly (Buffer | string)[]) {
  const lines: InputLine[] = [];
  let blank = 0;
  let lastLine = 0;
  for await (const batch of readLines(
    (async function* () {
      yield* chunks;
    })(),
    2,
  )) {
    lines.push(...batch.lines);
    blank += batch.blank;
    lastLine = batch.lastLine;
  }
  return { lines, blank, lastLine };
}

describe('reading JSON Lines', () => {
  test('LF and CRLF endings, a last line without one; blank lines are counted, not returned', async () => {
    expect(await collect(['{"a":1}\r\n{"b"', ':2}\n\n{"c":3}'])).toEqual({
      lines: [
        { text: '{"a":1}', line: 1 },
        { text: '{"b":2}', line: 2 },
        { text: '{"c":3}', line: 4 },
      ],
      blank: 1,
      lastLine: 4,
    });
    expect(await collect([])).toEqual({ lines: [], blank: 0, lastLine: 0 });
    expect(await collect(['\n'])).toEqual({ lines: [], blank: 1, lastLine: 1 });
    expect(await collect(['{"a":1}\n \t\r\n\n'])).toEqual({
      lines: [{ text: '{"a":1}', line: 1 }],
      blank: 2,
      lastLine: 3,
    });
  });

  test('a character split between two chunks is decoded whole', async () => {
    const bytes = Buffer.from('{"name":"Büro §5"}\n');
    const split = bytes.indexOf(Buffer.from('ü')) + 1;
    expect((await collect([bytes.subarray(0, split), bytes.subarray(split)])).lines).toEqual([
      { text: '{"name":"Büro §5"}', line: 1 },
    ]);
  });

  test('a byte order mark at the start of a line is dropped', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(
      (await collect([Buffer.concat([bom, Buffer.from('{"a":1}\n'), bom, Buffer.from('{"b":2}')])])).lines,
    ).toEqual([
      { text: '{"a":1}', line: 1 },
      { text: '{"b":2}', line: 2 },
    ]);
  });

  test('a line that is not UTF-8 is reported with its number and the byte, not decoded with U+FFFD', async () => {
    const { lines } = await collect([Buffer.from('{"a":1}\n{"name":"Soci'), Buffer.from([0xe9]), Buffer.from('t"}\n')]);
    expect(lines[1]).toMatchObject({ line: 2, problem: { code: 'invalid_utf8' } });
    expect(lines[1]?.problem?.message).toContain('byte 14 of the line');
    expect(JSON.stringify(assessLine(lines[1] as InputLine, {}).record)).not.toContain('\ufffd');
    // Truncated sequences, overlong forms and encoded surrogates are not UTF-8 either.
    for (const bad of [[0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]])
      expect((await collect([Buffer.from(bad)])).lines[0]?.problem?.code).toBe('invalid_utf8');
  });

  test('a line longer than the limit is not kept but still counted, and reported as such', async () => {
    const long = 'x'.repeat(MAX_LINE_LENGTH / 4);
    const { lines } = await collect(['{"a":1}\n', long, long, long, long, long, '\n{"b":2}\n']);
    expect(lines.map(({ line }) => line)).toEqual([1, 2, 3]);
    expect(lines[2]?.text).toBe('{"b":2}');
    expect(JSON.stringify(assessLine(lines[1] as InputLine, {}).record)).toContain('"code":"line_too_long"');
  });
});

describe('assessing one line', () => {
  test('a line that is not JSON is an error record with its line number, not an exception', () => {
    expect(assessLine({ text: '{"exporter":', line: 7 }, {}).record).toMatchObject({
      line: 7,
      error: { name: 'TransactionError', issues: [{ code: 'invalid_json' }] },
    });
  });

  test('a transaction no ruleset version covers is an error record naming why', () => {
    const text = JSON.stringify({ exporter: { country: 'DE' }, destination: { country: 'US' } });
    const result = assessLine({ text, line: 3 }, { asOf: '2001-01-01' });
    expect(result.error).toMatchObject({ line: 3, name: 'AssessmentError', code: 'ruleset_not_in_force' });
  });
});
