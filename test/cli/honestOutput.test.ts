import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { assessMany } from '../../src/assessMany';
import { createDecisionRecord } from '../../src/createDecisionRecord';
import { cliPath, collect, runShell, type CliResult } from '../support/cli';
import { scratchFolder } from '../support/scratch';

// D4 and D14 (hardening review, December 2026): output to a full disk exited 0 with "Assessed 100 of 100" and a
// truncated file; a closed pipe downstream (`| head`) ended in "Internal error" with a stack trace. Every write error
// must end the run with a clear message and a non-zero exit, except a closed pipe, which ends quietly with exit 0.

const root = new URL('../..', import.meta.url).pathname;
const EXAMPLE = join(root, 'examples/notification-tracker-intelligence-agency.json');
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
const work = scratchFolder('dur-output-');

beforeAll(() => {
  const line = JSON.stringify(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
  // About 30 KB of output per line with --detail full: 100 lines are one 3 MB write, 300 lines take three batches.
  writeFileSync(join(work, 'hundred.jsonl'), `${line}\n`.repeat(100));
  writeFileSync(join(work, 'many.jsonl'), `${line}\n`.repeat(300));
  writeFileSync(join(work, 'minimal.json'), readFileSync(join(root, 'docs/examples/minimal-ruleset.json')));
  const [assessment] = assessMany([JSON.parse(line) as never]);
  const record = createDecisionRecord(JSON.parse(line), assessment as NonNullable<typeof assessment>);
  writeFileSync(join(work, 'record.json'), JSON.stringify(record));
  mkdirSync(join(work, 'a-folder'));
});

/** Runs the CLI with its standard output going to `stdout` (a file descriptor), collecting stderr. */
async function runTo(stdout: number, args: readonly string[]): Promise<CliResult> {
  const cli = cliPath();
  return collect(
    spawn(process.execPath, [cli, ...args], {
      cwd: work,
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' },
      stdio: ['ignore', stdout, 'pipe'],
    }),
  );
}

/** Runs a bash script in the work folder, with `$CLI` the command. */
const sh = (script: string) => runShell(script, { cwd: work });

function expectCleanFailure(result: CliResult, message: RegExp): void {
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/Internal error/);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.code).toBe(2);
}

describe.concurrent('a full disk: standard output to /dev/full, which answers every write with ENOSPC', () => {
  test.each([
    ['assess', [EXAMPLE]],
    ['assess --json', ['--json', EXAMPLE]],
    ['batch (three batches of lines)', ['many.jsonl', '--detail', 'full']],
    ['batch --workers 2', ['many.jsonl', '--workers', '2', '--detail', 'full']],
    ['rulesets', []],
    ['validate', ['minimal.json']],
    ['verify-record', ['record.json']],
    ['--help', ['--help']],
  ])('%s ends with a clear message and exit 2', async (name, args) => {
    const command = name.startsWith('-') ? [] : [name.split(' ')[0] as string];
    const full = openSync('/dev/full', 'w');
    try {
      const result = await runTo(full, [...command, ...args]);
      expectCleanFailure(result, /Cannot write (to )?standard output: no space left on device/);
      expect(result.stderr).not.toMatch(/Assessed \d/);
    } finally {
      closeSync(full);
    }
  });

  test.each([
    ['assess', ['assess', EXAMPLE, '--out', '/dev/full']],
    ['batch', ['batch', 'many.jsonl', '--out', '/dev/full']],
    ['assess --record', ['assess', EXAMPLE, '--record', '/dev/full']],
  ])('%s /dev/full ends with a clear message and exit 2', async (_, args) => {
    const result = await sh(`$CLI ${args.join(' ')}`);
    expectCleanFailure(result, /Cannot write \/dev\/full: no space left on device/);
  });
});

describe.concurrent('a file that cannot grow: a size limit reached half-way (EFBIG), as on a nearly full disk', () => {
  // bash ignores SIGXFSZ and sets a 1,000 KB file size limit: writes past it fail with EFBIG after a short write,
  // which is what a nearly full disk does.
  const capped = (command: string) => `trap '' XFSZ; ulimit -f 1000; ${command}`;

  test('batch > file: not "Assessed 100 of 100" and exit 0, but a clear error and exit 2', async () => {
    const result = await sh(capped('$CLI batch hundred.jsonl --detail full > capped-stdout.jsonl'));
    expectCleanFailure(result, /Cannot write (to )?standard output: file too large/);
    expect(result.stderr).not.toMatch(/Assessed 100 of 100/);
  });

  test('batch --out: nothing is left behind, and an earlier file of that name is untouched', async () => {
    mkdirSync(join(work, 'capped'));
    writeFileSync(join(work, 'capped', 'out.jsonl'), 'earlier\n');
    const result = await sh(capped('$CLI batch hundred.jsonl --detail full --out capped/out.jsonl'));
    expectCleanFailure(result, /Cannot write capped\/out\.jsonl: file too large/);
    expect(readFileSync(join(work, 'capped', 'out.jsonl'), 'utf8')).toBe('earlier\n');
    expect(readdirSync(join(work, 'capped'))).toEqual(['out.jsonl']);
  });

  test('assess --format html --out: no partial report, no temporary file', async () => {
    mkdirSync(join(work, 'capped-html'));
    const result = await sh(capped(`ulimit -f 4; $CLI assess --format html --out capped-html/report.html ${EXAMPLE}`));
    expectCleanFailure(result, /Cannot write capped-html\/report\.html: file too large/);
    expect(readdirSync(join(work, 'capped-html'))).toEqual([]);
  });

  test('assess --record: no partial decision record, no temporary file', async () => {
    mkdirSync(join(work, 'capped-record'));
    const result = await sh(capped(`ulimit -f 4; $CLI assess --record capped-record/record.json ${EXAMPLE}`));
    expectCleanFailure(result, /Cannot write capped-record\/record\.json: file too large/);
    expect(readdirSync(join(work, 'capped-record'))).toEqual([]);
  });
});

describe.concurrent('permissions and folders', () => {
  test.each([
    ['assess', `$CLI assess ${EXAMPLE} --out /sys/dual-use-rules-test.json`],
    ['batch', '$CLI batch hundred.jsonl --out /sys/dual-use-rules-test.jsonl'],
  ])('%s: --out where writing is not permitted (EACCES) is a clear error', async (_, script) => {
    expectCleanFailure(await sh(script), /Cannot write \/sys\/dual-use-rules-test\.jsonl?: permission denied/);
  });

  test.each([
    ['assess', `$CLI assess ${EXAMPLE} --out a-folder`],
    ['batch', '$CLI batch hundred.jsonl --out a-folder'],
  ])('%s: --out naming a folder (EISDIR) is a clear error, and the folder is untouched', async (_, script) => {
    expectCleanFailure(await sh(script), /Cannot write a-folder: it is a folder/);
    expect(readdirSync(join(work, 'a-folder'))).toEqual([]);
  });
});

describe.concurrent('input that cannot be read', () => {
  test.each([
    ['a folder', '$CLI batch a-folder', /Cannot read a-folder: it is a folder\./],
    ['a missing file', '$CLI batch missing.jsonl', /Cannot read missing\.jsonl: no such file or folder\./],
  ])('batch: %s is a clear error before anything is written', async (_, script, message) => {
    const result = await sh(`${script} --out never.jsonl`);
    expectCleanFailure(result, message);
    expect(readdirSync(work)).not.toContain('never.jsonl');
  });
});

describe.concurrent('a closed pipe downstream ends quietly, with exit 0, as Unix tools do', () => {
  test.each([
    ['batch | head -c 100', '$CLI batch many.jsonl | head -c 100 > /dev/null'],
    ['batch --workers 2 | head -n 1', '$CLI batch many.jsonl --workers 2 | head -n 1 > /dev/null'],
    ['batch - | head -c 1', '$CLI batch - < many.jsonl | head -c 1 > /dev/null'],
  ])('%s', async (_, script) => {
    const result = await sh(`${script}; echo "exit=\${PIPESTATUS[0]}"`);
    expect(result.stdout).toBe('exit=0\n');
    expect(result.stderr).toBe('');
  });

  test('a closed pipe on stderr does not turn the summary into an internal error', async () => {
    const result = await sh(
      '$CLI batch hundred.jsonl 2>&1 > /dev/null | head -c 1 > /dev/null; echo "exit=${PIPESTATUS[0]}"',
    );
    expect(result.stdout).toBe('exit=0\n');
  });
});
