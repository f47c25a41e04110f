import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeOutput } from '../../src/cli/output/sink';
import { UsageError } from '../../src/errors/UsageError';

const io = new URL('../../src/cli/output/sink.ts', import.meta.url).pathname;

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

  test('replaces an earlier file whole, keeping its permissions, and leaves no temporary file', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'dur-write-'));
    const out = join(scratch, 'private.json');
    writeFileSync(out, 'earlier, and longer than what replaces it');
    chmodSync(out, 0o600);
    writeOutput('new', out);
    expect(readFileSync(out, 'utf8')).toBe('new');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(scratch)).toEqual(['private.json']);
  });

  test('follows a symbolic link to the file it names, and writes a device in place', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'dur-write-'));
    writeFileSync(join(scratch, 'target.json'), 'old');
    symlinkSync('target.json', join(scratch, 'link.json'));
    writeOutput('new', join(scratch, 'link.json'));
    expect(lstatSync(join(scratch, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(scratch, 'target.json'), 'utf8')).toBe('new');
    writeOutput('discarded', '/dev/null');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test('a command interrupted while writing --out (SIGTERM) exits 143 and leaves no temporary file', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'dur-write-'));
    // The first file output installs the handlers: no other setup.
    const script = `import { openSink } from ${JSON.stringify(io)};
const sink = openSink(${JSON.stringify(join(scratch, 'report.html'))});
sink.write('half a report');
process.kill(process.pid, 'SIGTERM');
setTimeout(() => {}, 10_000);`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(143);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
