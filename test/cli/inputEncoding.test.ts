import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateSigningKeys } from '../../src/generateSigningKeys';
import { signRuleset } from '../../src/signRuleset';
import { runCli } from '../support/cli';
import { scratchFolder } from '../support/scratch';

// D16 (hardening review, December 2026): a UTF-8 byte order mark was refused as invalid JSON (with an invisible
// character in the message) for transactions, batch input, rulesets, overlays and signatures; blank lines in batch
// input, even a trailing one, were errors; invalid UTF-8 silently became U+FFFD in the decision record.

const root = new URL('../..', import.meta.url).pathname;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const example = JSON.parse(
  readFileSync(join(root, 'examples/notification-tracker-intelligence-agency.json'), 'utf8'),
) as Record<string, unknown>;
const line = (id: string) => JSON.stringify({ ...example, id });
const keys = generateSigningKeys();
const work = scratchFolder('dur-encoding-');

const withBom = (text: string) => Buffer.concat([BOM, Buffer.from(text)]);
const run = (args: readonly string[], input?: Buffer) =>
  runCli(args, { cwd: work, ...(input === undefined ? {} : { input }) });

beforeAll(() => {
  const ruleset = JSON.parse(readFileSync(join(root, 'docs/examples/minimal-ruleset.json'), 'utf8')) as unknown;
  const overlay = JSON.parse(readFileSync(join(root, 'docs/examples/example-overlay.json'), 'utf8')) as unknown;
  writeFileSync(join(work, 'bom.json'), withBom(`${JSON.stringify(example, null, 2)}\r\n`));
  writeFileSync(join(work, 'bom-ruleset.json'), withBom(JSON.stringify(ruleset, null, 2)));
  writeFileSync(join(work, 'bom-overlay.json'), withBom(JSON.stringify(overlay, null, 2)));
  writeFileSync(join(work, 'bom-ruleset.json.sig'), withBom(JSON.stringify(signRuleset(ruleset, keys.privateKey))));
  writeFileSync(join(work, 'bom-overlay.json.sig'), withBom(JSON.stringify(signRuleset(overlay, keys.privateKey))));
  writeFileSync(join(work, 'bom.pub'), withBom(keys.publicKey));
  writeFileSync(
    join(work, 'minimal-transaction.json'),
    readFileSync(join(root, 'docs/examples/minimal-transaction.json')),
  );
  writeFileSync(join(work, 'bom.jsonl'), withBom(`${line('a')}\r\n${line('b')}\r\n`));
  writeFileSync(join(work, 'blank.jsonl'), `${line('a')}\n\n   \n\t\r\n${line('b')}\n\n`);
  // Latin-1 "Société" in the end user's name on line 2, between two good lines.
  writeFileSync(
    join(work, 'latin1.jsonl'),
    Buffer.concat([
      Buffer.from(`${line('a')}\n`),
      Buffer.from(JSON.stringify({ ...example, id: 'b', endUser: { name: 'Soci\u00e9t\u00e9' } }), 'latin1'),
      Buffer.from(`\n${line('c')}\n`),
    ]),
  );
  writeFileSync(
    join(work, 'latin1.json'),
    Buffer.from(JSON.stringify({ ...example, id: 'Soci\u00e9t\u00e9' }), 'latin1'),
  );
});

const ids = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((output) => (JSON.parse(output) as { transactionId?: string; line?: number }).transactionId ?? 'error');

describe.concurrent('a UTF-8 byte order mark is accepted', () => {
  test('on a transaction file, and on standard input', async () => {
    const [file, stdin] = await Promise.all([
      run(['assess', 'bom.json']),
      run(['assess', '-'], withBom(JSON.stringify(example))),
    ]);
    expect([file.code, file.stderr]).toEqual([0, '']);
    // The example leaves France's national Art. 5(3) position open, so it is undecided (as docs/getting-started.md shows).
    expect(file.stdout).toMatch(/^Outcome: INSUFFICIENT INFORMATION {2}\(transaction W6-hidden-gps-tracker\)/);
    expect(stdin.code).toBe(0);
  });

  test('on batch input (CRLF lines too)', async () => {
    const result = await run(['batch', 'bom.jsonl']);
    expect(result.code).toBe(0);
    expect(ids(result.stdout)).toEqual(['a', 'b']);
  });

  test('on a ruleset, an overlay, their signatures and a public key', async () => {
    const result = await run([
      'assess',
      '--ruleset',
      'bom-ruleset.json',
      '--overlay',
      'bom-overlay.json',
      '--json',
      'minimal-transaction.json',
    ]);
    expect(result.code).toBe(0);
    const verified = await run([
      'verify',
      'bom-ruleset.json',
      '--overlay',
      'bom-overlay.json',
      '--public-key',
      'bom.pub',
    ]);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
  });
});

describe.concurrent('blank lines in batch input', () => {
  test('blank and whitespace-only lines, a trailing one included, are skipped and counted, not errors', async () => {
    const result = await run(['batch', 'blank.jsonl']);
    expect(result.code).toBe(0);
    expect(ids(result.stdout)).toEqual(['a', 'b']);
    expect(result.stderr).not.toMatch(/Line \d/);
    expect(result.stderr).toMatch(/Assessed 2 of 2 lines/);
    expect(result.stderr).toMatch(/4 blank lines skipped/);
  });
});

describe.concurrent('invalid UTF-8 is an error that names where it is, never U+FFFD', () => {
  test('batch: a line error naming the line; the other lines are assessed', async () => {
    const result = await run(['batch', 'latin1.jsonl']);
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain('\ufffd');
    const outputs = result.stdout.trim().split('\n');
    expect(outputs).toHaveLength(3);
    expect(JSON.parse(outputs[1] as string)).toMatchObject({
      line: 2,
      error: { issues: [{ code: 'invalid_utf8' }] },
    });
    expect(ids(result.stdout)).toEqual(['a', 'error', 'c']);
    expect(result.stderr).toMatch(/Line 2: not a valid transaction\n {2}\/: The line is not valid UTF-8/);
  });

  test('assess: the file is refused, saying it is not UTF-8', async () => {
    const result = await run(['assess', 'latin1.json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/latin1\.json is not valid UTF-8/);
  });
});

describe.concurrent('a ruleset that is not JSON is called a ruleset', () => {
  test('not "The transaction is not valid"', async () => {
    writeFileSync(join(work, 'broken-ruleset.json'), '{ "id": ');
    const result = await run(['validate', 'broken-ruleset.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ruleset broken-ruleset\.json is not valid JSON/);
    expect(result.stderr).not.toMatch(/transaction/i);
  });

  test('it is an invalid ruleset document, whichever command reads it, with the code of the problem at its root', async () => {
    writeFileSync(join(work, 'broken-base.json'), '{ "id": ');
    writeFileSync(join(work, 'broken-overlay.json'), '[1,');
    writeFileSync(join(work, 'latin1-ruleset.json'), Buffer.from('{"title":"Caf\u00e9"}', 'latin1'));
    for (const [args, code] of [
      [['validate', 'broken-base.json'], 'invalid_json'],
      [['assess', '--overlay', 'broken-overlay.json', 'bom.json'], 'invalid_json'],
      [['sign', 'broken-base.json', '--key', 'signing.key'], 'invalid_json'],
      [['validate', 'latin1-ruleset.json'], 'invalid_utf8'],
    ] as const) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(
        /^The ruleset document is not valid \(1 issue\):\n {2}\/: The ruleset /,
      );
      expect(result.stderr, args.join(' ')).toContain(`[${code}]`);
    }
  });
});
