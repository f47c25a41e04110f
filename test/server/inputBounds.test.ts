import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { request, startServer } from '../support/server';

// D5 and D16 (hardening review, December 2026), as the command line's batch fixed them, for the server's bodies and
// batch lines: far beyond any transaction's size is refused before it is parsed (a 1.3 MB body of 120,000 unknown keys
// cost 3 s, 360 MB and a 26 MB answer of 120,000 issues), no answer lists more than 100 issues, and bytes that are not
// UTF-8 are refused instead of read as U+FFFD.

const root = new URL('../..', import.meta.url).pathname;
const example = JSON.parse(
  readFileSync(join(root, 'examples/notification-tracker-intelligence-agency.json'), 'utf8'),
) as Record<string, unknown>;
const line = JSON.stringify(example);
/** Within the body limit (1 MiB is about 1.2 MB of short keys), 120,000 unknown keys at the top. */
const manyKeys = `${line.slice(0, -1)}${Array.from({ length: 120_000 }, (_, index) => `,"k${index}":0`).join('')}}`;
/** Within the JSON limits, but each of 200 red flags and 200 capabilities is an issue. */
const manyIssues = JSON.stringify({
  ...example,
  redFlags: Array(200).fill(7),
  item: { ...(example['item'] as object), capabilities: Array(200).fill(7) },
});
/** The example with a Latin-1 "é" in its id: not UTF-8 at byte `latin1At`. */
const latin1 = Buffer.from(JSON.stringify({ ...example, id: 'Soci\u00e9t\u00e9' }), 'latin1');
const latin1At = latin1.indexOf(0xe9) + 1;
const json = { 'content-type': 'application/json' };
const ndjson = { 'content-type': 'application/x-ndjson' };

let base = '';
beforeAll(async () => {
  base = (await startServer({ bodyLimit: 2 * 1024 * 1024 })).url;
});

describe('POST /assess reads a body within the command line’s bounds', () => {
  test('far beyond any transaction’s size: one too_complex issue, 422', async () => {
    expect(manyKeys.length).toBeLessThan(2 * 1024 * 1024);
    const response = await request(base, '/assess', { body: manyKeys, headers: json });
    expect(response.status).toBe(422);
    expect(response.json()).toMatchObject({
      type: 'https://dual-use-rules.dev/problems/invalid-transaction',
      issues: [{ path: [], code: 'too_complex', message: expect.stringMatching(/more than 100 keys/) }],
    });
    expect((response.json() as { issues: unknown[] }).issues).toHaveLength(1);
  });

  test('hundreds of issues: the first 100 are listed, and one more says how many were left out', async () => {
    const response = await request(base, '/assess', { body: manyIssues, headers: json });
    expect(response.status).toBe(422);
    const { detail, issues } = response.json() as { detail: string; issues: { code: string; message: string }[] };
    expect(issues).toHaveLength(101);
    expect(issues.at(-1)).toEqual({
      path: [],
      code: 'more_issues',
      omitted: 300,
      message: '… and 300 more issues, not listed.',
    });
    expect(detail).toMatch(/\(and 397 more issues\)$/);
  });

  test('bytes that are not UTF-8: 400, naming the byte, never assessed as U+FFFD', async () => {
    const response = await request(base, '/assess', { body: latin1, headers: json });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({
      type: 'https://dual-use-rules.dev/problems/invalid-json',
      issues: [{ path: [], code: 'invalid_utf8', message: expect.stringContaining(`byte ${latin1At} is not`) }],
    });
  });

  test('a byte order mark is accepted', async () => {
    const response = await request(base, '/assess', { body: `\uFEFF${line}`, headers: json });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ transactionId: example['id'] });
  });
});

describe('POST /assess/batch reads each line within the same bounds, and the line fails alone', () => {
  test('a line far beyond any transaction’s size, one with hundreds of issues, one not UTF-8', async () => {
    const body = Buffer.concat([
      Buffer.from(`${line}\n${manyKeys}\n${manyIssues}\n`),
      latin1,
      Buffer.from(`\n\uFEFF${line}\n`),
    ]);
    const response = await request(base, '/assess/batch', { body, headers: ndjson });
    expect(response.status).toBe(200);
    const output = response.lines() as {
      line: number;
      transactionId?: string;
      error?: { status: number; issues: { code: string }[] };
    }[];
    expect(output.map((entry) => entry.line)).toEqual([1, 2, 3, 4, 5]);
    expect(output[0]?.transactionId).toBe(example['id']);
    expect(output[1]?.error).toMatchObject({ status: 422, issues: [{ code: 'too_complex' }] });
    expect(output[1]?.error?.issues).toHaveLength(1);
    expect(output[2]?.error?.issues).toHaveLength(101);
    expect(output[2]?.error?.issues.at(-1)).toMatchObject({ code: 'more_issues' });
    expect(output[3]?.error).toMatchObject({ status: 400, issues: [{ code: 'invalid_utf8' }] });
    // A byte order mark at the start of a later line (files joined with cat) is dropped, as the command line does.
    expect(output[4]).toMatchObject({ line: 5, transactionId: example['id'] });
    expect(output[4]?.error).toBeUndefined();
  });
});
