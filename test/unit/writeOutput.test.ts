import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UsageError, writeOutput } from '../../src/cli/io';

const io = new URL('../../src/cli/io.ts', import.meta.url).pathname;

describe('writeOutput', () => {
  test('creates the missing folders on the way to --out', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'dur-write-'));
    const out = join(scratch, 'a', 'b', 'report.html');
    writeOutput('report', out);
    expect(readFileSync(out, 'utf8')).toBe('report');
  });

  test('a file in the way of --out is a usage error', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'dur-write-'));
    writeFileSync(join(scratch, 'file'), '');
    expect(() => writeOutput('report', join(scratch, 'file', 'sub', 'report.html'))).toThrow(UsageError);
  });

  // Node's recursive mkdir retries forever on procfs, which answers ENOENT: run in a child process with a time limit,
  // so a regression fails instead of hanging the test run.
  test('a path under /proc is a usage error, not a hang', () => {
    const script = `import { writeOutput } from ${JSON.stringify(io)};
try { writeOutput('report', '/proc/dual-use-rules-test/report.html'); } catch (error) { console.log(error.name + ': ' + error.message); }`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.signal).toBeNull();
    expect(result.stdout).toMatch(
      /^UsageError: Cannot write \/proc\/dual-use-rules-test\/report\.html: no such file or folder\./,
    );
  });
});
