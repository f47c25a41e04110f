import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { assessMany } from '../../src/assessMany';
import { createDecisionRecord } from '../../src/createDecisionRecord';
import { generateSigningKeys } from '../../src/generateSigningKeys';
import { signRuleset } from '../../src/signRuleset';
import { runCli, type CliResult } from '../support/cli';
import { scratchFolder } from '../support/scratch';

// D10 (hardening review, December 2026): terminal escapes and newlines from a transaction id, unknown keys,
// invalid-JSON snippets and ruleset texts were printed raw; a file could clear the screen, set the window title, or
// forge a whole "NO ARTICLE 5 OBLIGATION" block. The class: no command prints a raw control character that came
// from its input, in its output or its messages; only the newlines of its own layout (and its own colours, which
// are off here) reach the terminal.

const root = new URL('../..', import.meta.url).pathname;
/** Clears the screen, sets the window title, forges an outcome line, and reorders text with bidi controls. */
const HOSTILE =
  '\u001b]0;PWNED\u0007\u001b[2J\u001b[31mFAKE\u001b[0m\nOutcome: NO ARTICLE 5 OBLIGATION\r\u009b31m' +
  '\u202eevil\u2066\u2069\u007f\t\u000b\u0000';
/** The start of HOSTILE as the command line prints it, escaped. */
const ESCAPED = '\\x1b]0;PWNED\\x07\\x1b[2J\\x1b[31mFAKE';
/** What must never reach the terminal: C0 controls but the newline, DEL, C1 controls, bidi controls, separators. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const FREE_TEXT = new Set([
  'title',
  'description',
  'summary',
  'prompt',
  'nextSteps',
  'pinpoint',
  'instrument',
  'text',
  'label',
]);

const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
/** Appends the hostile text to every free-text field of a ruleset document: still a valid ruleset. */
function hostileDocument(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hostileDocument);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      FREE_TEXT.has(key) && typeof field === 'string' ? `${field}${HOSTILE}` : hostileDocument(field),
    ]),
  );
}

const example = readJson('examples/notification-tracker-intelligence-agency.json');
const keys = generateSigningKeys();
const work = scratchFolder('dur-terminal-');

beforeAll(() => {
  const write = (name: string, value: unknown) => writeFileSync(join(work, name), JSON.stringify(value));
  const ruleset = hostileDocument(readJson('docs/examples/minimal-ruleset.json'));
  const overlay = hostileDocument(readJson('docs/examples/example-overlay.json'));
  write('hostile-id.json', { ...example, id: HOSTILE.slice(0, 190) });
  write('hostile-key.json', { ...example, [HOSTILE]: 1, item: { ...(example['item'] as object), [HOSTILE]: true } });
  write('hostile-ruleset.json', ruleset);
  write('hostile-overlay.json', overlay);
  write('hostile-ruleset.json.sig', signRuleset(ruleset, keys.privateKey));
  write('hostile-overlay.json.sig', signRuleset(overlay, keys.privateKey));
  write('minimal.json', readJson('docs/examples/minimal-ruleset.json'));
  write('minimal-transaction.json', readJson('docs/examples/minimal-transaction.json'));
  write('invalid-ruleset.json', { ...readJson('docs/examples/minimal-ruleset.json'), id: HOSTILE, [HOSTILE]: 1 });
  write('expected.json', { changes: [{ before: 'no_obligation', after: 'authorisation_required', reason: HOSTILE }] });
  writeFileSync(join(work, 'approver.pub'), keys.publicKey);
  // The law layer's text output quotes the transaction (a national position's source) and the ruleset's titles and
  // labels of what a finding names.
  const stating = {
    ...example,
    nationalLaw: { suspicionRule: { position: 'none', source: HOSTILE } },
    findings: [{ concern: 'internal-repression', source: 'due-diligence', indicators: ['ir-arbitrary-detention'] }],
  };
  write('hostile-statement.json', stating);
  write('hostile-2.1.0.json', hostileDocument(readJson('rulesets/eu-2021-821-art5/2.1.0.json')));
  // A record whose signature header (not covered by its hash) names a hostile key id.
  const [assessment] = assessMany([example as never]);
  const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: HOSTILE })).toString('base64url');
  write('hostile-record.json', {
    ...createDecisionRecord(example, assessment as NonNullable<typeof assessment>),
    signature: { protected: header, signature: 'AAAA' },
  });
  writeFileSync(
    join(work, 'hostile.jsonl'),
    [
      JSON.stringify({ ...example, id: HOSTILE.slice(0, 190) }),
      JSON.stringify({ ...example, [HOSTILE]: 1 }),
      `${HOSTILE}{"a":1`,
      JSON.stringify({ ...example, date: HOSTILE }),
    ].join('\n'),
  );
});

const run = (args: readonly string[], input?: string) =>
  runCli(args, { cwd: work, ...(input === undefined ? {} : { input }) });

function expectSafe(result: CliResult, document = false): void {
  for (const [stream, text] of [
    ['stdout', result.stdout],
    ['stderr', result.stderr],
  ] as const) {
    const unsafe = UNSAFE.exec(text);
    expect(
      unsafe === null ? null : `${stream}: U+${unsafe[0].codePointAt(0)?.toString(16).padStart(4, '0')}`,
      `${stream}:\n${text.slice(0, 2000)}`,
    ).toBeNull();
  }
  // Any outcome line is one the command printed, not one the input forged. (An HTML report is a document: a newline
  // in its text is whitespace to a browser, and it is printed among its markup.)
  const printed = document ? result.stderr : `${result.stdout}\n${result.stderr}`;
  expect(printed.match(/^Outcome: NO ARTICLE 5 OBLIGATION/gm)).toBeNull();
  expect(result.stderr).not.toMatch(/Internal error/);
}

describe.concurrent('no raw control character from any input reaches the terminal', () => {
  test.each([
    ['assess: a transaction id', ['assess', 'hostile-id.json']],
    ['assess --full-trace: a transaction id', ['assess', '--full-trace', 'hostile-id.json']],
    ['assess --json: a transaction id', ['assess', '--json', 'hostile-id.json']],
    ['assess --format md: a transaction id', ['assess', '--format', 'md', 'hostile-id.json']],
    ['assess --format html: a transaction id', ['assess', '--format', 'html', 'hostile-id.json']],
    ['assess: unknown keys', ['assess', 'hostile-key.json']],
    [
      'assess: every text of a ruleset and an overlay',
      [
        'assess',
        '--full-trace',
        '--ruleset',
        'hostile-ruleset.json',
        '--overlay',
        'hostile-overlay.json',
        'minimal-transaction.json',
      ],
    ],
    [
      'assess --format md: every text of a ruleset',
      ['assess', '--format', 'md', '--ruleset', 'hostile-ruleset.json', 'minimal-transaction.json'],
    ],
    [
      'assess --json: every text of a ruleset',
      ['assess', '--json', '--ruleset', 'hostile-ruleset.json', 'minimal-transaction.json'],
    ],
    [
      'assess: an invalid ruleset’s id and keys',
      ['assess', '--ruleset', 'invalid-ruleset.json', 'minimal-transaction.json'],
    ],
    ['assess: a file name', ['assess', `missing${HOSTILE}.json`]],
    ['assess: --as-of', ['assess', '--as-of', HOSTILE, 'hostile-id.json']],
    ['an unknown option', ['assess', `--${HOSTILE}`, 'hostile-id.json']],
    ['batch: ids, unknown keys, invalid JSON, a date', ['batch', 'hostile.jsonl']],
    ['batch --workers 2', ['batch', '--workers', '2', 'hostile.jsonl']],
    [
      'batch: a ruleset’s texts',
      ['batch', '--ruleset', 'hostile-ruleset.json', '--overlay', 'hostile-overlay.json', 'hostile.jsonl'],
    ],
    ['validate: a ruleset’s texts', ['validate', 'hostile-ruleset.json', '--overlay', 'hostile-overlay.json']],
    ['validate --json', ['validate', '--json', 'hostile-ruleset.json']],
    ['validate: an invalid ruleset’s id and keys', ['validate', 'invalid-ruleset.json']],
    [
      'verify: a signed ruleset',
      ['verify', 'hostile-ruleset.json', '--overlay', 'hostile-overlay.json', '--public-key', 'approver.pub'],
    ],
    ['verify: an invalid ruleset', ['verify', 'invalid-ruleset.json', '--public-key', 'approver.pub']],
    ['sign: an invalid ruleset', ['sign', 'invalid-ruleset.json', '--key', 'approver.pub']],
    ['diff: texts of both rulesets', ['diff', 'minimal.json', 'hostile-ruleset.json', '--runs', '100']],
    [
      'diff --expect: a reason',
      ['diff', 'minimal.json', 'hostile-ruleset.json', '--runs', '100', '--expect', 'expected.json'],
    ],
    ['diff --json', ['diff', 'minimal.json', 'hostile-ruleset.json', '--runs', '100', '--json']],
    ['keygen: a file name', ['keygen', '--out', `keys-${HOSTILE.replace(/\u0000/g, '')}`]],
    ['rulesets: --as-of', ['rulesets', '--as-of', HOSTILE.replace(/\u0000/g, '')]],
  ])('%s', async (_, args) => {
    expectSafe(await run(args.map((arg) => arg.replace(/\u0000/g, ''))), args.includes('html'));
  });

  test('assess: the exporter’s statements and what its findings name, with the ruleset’s titles and labels', async () => {
    const [bundled, hostileRuleset] = await Promise.all([
      run(['assess', 'hostile-statement.json']),
      run(['assess', '--ruleset', 'hostile-2.1.0.json', 'hostile-statement.json']),
    ]);
    for (const result of [bundled, hostileRuleset]) {
      expectSafe(result);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`source, as stated by the exporter: ${ESCAPED}`);
    }
    expect(hostileRuleset.stdout).toContain(`Seriousness indicators${ESCAPED}`);
    expect(hostileRuleset.stdout).toContain(`Arbitrary detention${ESCAPED}`);
  });

  test('verify-record: the key id a record’s signature header names (not covered by its hash)', async () => {
    const result = await run(['verify-record', 'hostile-record.json']);
    expectSafe(result);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`signed with key ${ESCAPED}`);
  });

  test('assess: invalid JSON on standard input, quoted by the parser', async () => {
    expectSafe(await run(['assess', '-'], `${HOSTILE}{"a":1`));
  });

  test('batch: a line error on standard input', async () => {
    expectSafe(await run(['batch', '-'], `{"id": "${HOSTILE.replace(/[\u0000-\u001f]/g, '')}"\n${HOSTILE}\n`));
  });
});
