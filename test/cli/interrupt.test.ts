import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cliPath } from '../support/cli';
import { scratchFolder } from '../support/scratch';

// D14 (hardening review, December 2026): SIGINT or SIGTERM left a partial last line in `batch --out`, with no message
// and no summary. Interrupted, batch must finish the lines in hand, write the summary of what was done, leave only
// whole lines (in --out, under its own name, no temporary file) and exit 130 (SIGINT) or 143 (SIGTERM).

const root = new URL('../..', import.meta.url).pathname;
const example = JSON.parse(
  readFileSync(join(root, 'examples/notification-tracker-intelligence-agency.json'), 'utf8'),
) as Record<string, unknown>;
const lineOf = (index: number) => JSON.stringify({ ...example, id: `tx-${index}` });
const work = scratchFolder('dur-interrupt-');

beforeAll(() => {
  writeFileSync(
    join(work, 'big.jsonl'),
    Array.from({ length: 20_000 }, (_, index) => `${lineOf(index + 1)}\n`).join(''),
  );
});

/** The output lines must be whole, in order, for input lines 1 to n; returns n. */
function expectWholeLines(text: string): number {
  expect(text.endsWith('\n') || text === '').toBe(true);
  const lines = text.split('\n').slice(0, -1);
  lines.forEach((line, index) => {
    expect((JSON.parse(line) as { transactionId: string }).transactionId).toBe(`tx-${index + 1}`);
  });
  return lines.length;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an interrupted batch finishes the lines in hand and says what it did', () => {
  test('SIGINT during a 20,000-line --out run with two workers: whole lines under the file’s name, exit 130', async () => {
    const cli = cliPath();
    const folder = join(work, 'out-run');
    mkdirSync(folder);
    const child = spawn(
      process.execPath,
      [cli, 'batch', join(work, 'big.jsonl'), '--workers', '2', '--out', 'out.jsonl'],
      {
        cwd: folder,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Interrupt once the temporary file holds a few megabytes: well into the run, far from its end.
    for (let tries = 0; tries < 600; tries++) {
      const temporary = readdirSync(folder).find((name) => name.endsWith('.tmp'));
      if (temporary !== undefined && statSync(join(folder, temporary)).size > 3_000_000) break;
      await wait(50);
    }
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(readdirSync(folder)).toEqual(['out.jsonl']);
    const lines = expectWholeLines(readFileSync(join(folder, 'out.jsonl'), 'utf8'));
    expect(lines).toBeGreaterThan(0);
    expect(lines).toBeLessThan(20_000);
    const count = lines.toLocaleString('en');
    expect(stderr).toContain(
      `Interrupted (SIGINT): stopped after line ${count}; out.jsonl holds the complete output of lines 1 to ${count}.`,
    );
    expect(stderr).toContain(`Assessed ${count} of ${count} lines`);
  });

  test('SIGTERM while batch waits on standard input: the lines read are written whole, exit 143', async () => {
    const cli = cliPath();
    const child = spawn(process.execPath, [cli, 'batch', '-'], {
      cwd: work,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // 300 lines, and standard input stays open: batch assesses what it has read and waits for more.
    child.stdin.write(Array.from({ length: 300 }, (_, index) => `${lineOf(index + 1)}\n`).join(''));
    for (let tries = 0; tries < 600 && !stdout.includes('"tx-128"'); tries++) await wait(50);
    await wait(300);
    child.kill('SIGTERM');
    expect(await closed).toBe(143);
    const lines = expectWholeLines(stdout);
    expect(lines).toBeGreaterThanOrEqual(128);
    expect(stderr).toMatch(
      new RegExp(`Interrupted \\(SIGTERM\\): stopped after line ${lines}; the output holds the complete output`),
    );
  });

  test('Ctrl-C while assess waits on standard input ends it at once', async () => {
    const cli = cliPath();
    const child = spawn(process.execPath, [cli, 'assess', '-'], { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] });
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal })),
    );
    await wait(1000);
    const sent = performance.now();
    child.kill('SIGINT');
    // Standard input stays open: a handler that waited for the read to end would wait 10 s.
    const late = setTimeout(() => child.stdin.end(), 10_000);
    const { code, signal } = await closed;
    clearTimeout(late);
    expect(performance.now() - sent).toBeLessThan(5_000);
    expect(signal === 'SIGINT' || code === 130).toBe(true);
  });
});
