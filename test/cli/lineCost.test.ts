import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runShell } from '../support/cli';
import { scratchFolder } from '../support/scratch';

// D5 (hardening review, December 2026): one line inside the 16 MiB limit, 1.8 million short unknown keys, took 25 s
// and 3.2 GB, then aborted the whole batch (RangeError, exit 1, empty output). One line's cost must be bounded, and it
// must fail alone, as a line error naming the line.

const root = new URL('../..', import.meta.url).pathname;
const good = JSON.stringify(
  JSON.parse(readFileSync(join(root, 'examples/notification-tracker-intelligence-agency.json'), 'utf8')),
);
const TIME = '/usr/bin/time';
const work = scratchFolder('dur-line-cost-');

/** The review's line: 1.8 million four-letter unknown keys after a valid start, 16.2 MB. */
function millionKeys(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const parts: string[] = [];
  outer: for (const a of letters)
    for (const b of letters)
      for (const c of letters)
        for (const d of letters) {
          parts.push(`,"${a}${b}${c}${d}":0`);
          if (parts.length >= 1_800_000) break outer;
        }
  return `{"date":"2025-03-03","exporter":{"country":"FR"},"destination":{"country":"US"}${parts.join('')}}`;
}

beforeAll(() => {
  writeFileSync(join(work, 'oom.jsonl'), `${good}\n${millionKeys()}\n${good}\n`);
  writeFileSync(join(work, 'oom.json'), millionKeys());
  // Within the limits, but each of 200 red flags and 200 capabilities is an issue.
  const transaction = JSON.parse(good) as { item: object };
  const issues = {
    ...transaction,
    redFlags: Array(200).fill(7),
    item: { ...transaction.item, capabilities: Array(200).fill(7) },
  };
  writeFileSync(join(work, 'issues.jsonl'), `${JSON.stringify(issues)}\n`);
});

/** Runs a command under GNU time (when installed) and reads its peak memory, in MB. */
async function measured(command: string) {
  const timed = existsSync(TIME);
  const result = await runShell(timed ? `${TIME} -f 'peak=%M' -o time.txt ${command}` : command, { cwd: work });
  const peak = timed ? Number(/peak=(\d+)/.exec(readFileSync(join(work, 'time.txt'), 'utf8'))?.[1]) / 1024 : 0;
  return { ...result, peakMb: peak };
}

describe('one line’s cost is bounded, and it fails alone', () => {
  test('the review’s 16.2 MB line of 1.8 million keys: a line error for line 2, the lines around it assessed', async () => {
    const result = await measured('$CLI batch oom.jsonl --out oom.out');
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/Internal error|RangeError/);
    expect(result.stderr).toMatch(/Line 2: not a valid transaction\n {2}\/: An object has more than 100 keys/);
    const lines = readFileSync(join(work, 'oom.out'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ outcome: 'insufficient_information' });
    expect(JSON.parse(lines[1] as string)).toMatchObject({ line: 2, error: { issues: [{ code: 'too_complex' }] } });
    expect(JSON.parse(lines[2] as string)).toMatchObject({ outcome: 'insufficient_information' });
    expect(result.stderr).toContain('Assessed 2 of 3 lines');
    // Before: 25 s and 3.2 GB, then a crash. Memory, not time, shows the line was refused before its keys were
    // built (time belongs to bench/, and a busy machine stretches it); the bound is generous.
    if (result.peakMb > 0) expect(result.peakMb).toBeLessThan(400);
  });

  test('assess reads a transaction file within the same limits', async () => {
    const result = await measured('$CLI assess oom.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\/: An object has more than 100 keys.*\[too_complex\]/);
    if (result.peakMb > 0) expect(result.peakMb).toBeLessThan(400);
  });

  test('a line with hundreds of issues lists the first 100 and says how many more', async () => {
    const result = await runShell('$CLI batch issues.jsonl', { cwd: work });
    expect(result.code).toBe(2);
    const record = JSON.parse(result.stdout) as { error: { message: string; issues: { code: string }[] } };
    expect(record.error.issues).toHaveLength(101);
    expect(record.error.issues.at(-1)?.code).toBe('more_issues');
    expect(record.error.message).toMatch(/^The transaction is not valid \(400 issues; the first 100 are listed\)/);
    expect(result.stderr.split('\n').length).toBeLessThan(120);
  });
});
