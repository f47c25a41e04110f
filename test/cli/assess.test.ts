import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { assess } from '../../src/index';
import { runCli, type CliResult } from '../support/cli';

const EXAMPLE = 'examples/notification-tracker-intelligence-agency.json';
const example = JSON.parse(readFileSync(new URL(`../../${EXAMPLE}`, import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
const ANSI = /\u001b\[/;
const STACK_FRAME = /^\s+at .+\(?.+:\d+:\d+\)?$/m;
const scratch = mkdtempSync(join(tmpdir(), 'dur-cli-test-'));

/** A user error: exit code 2, a message on stderr, nothing on stdout, and no stack trace. */
function expectUserError(result: CliResult, message: RegExp): void {
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toMatch(/Internal error/);
  expect(result.stdout).toBe('');
  expect(result.code).toBe(2);
}

describe.concurrent('dual-use-rules assess', () => {
  test('prints a readable summary by default, without colours when the output is not a terminal', async () => {
    const result = await runCli(['assess', EXAMPLE]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // Brief W6: due diligence gives positive knowledge of use against dissidents' relatives, so Art. 5(2) requires at
    // least a notification; France's national Art. 5(3) rule is not known, so an authorisation stays possible.
    expect(result.stdout).toMatch(/^Outcome: INSUFFICIENT INFORMATION/);
    expect(result.stdout).toContain('Still possible: authorisation_required, notification_required');
    expect(result.stdout).toContain('What is already certain, whatever the answers:\n  • Do not export yet.');
    expect(result.stdout).toContain('  • Contact the competent authority.');
    expect(result.stdout).toContain('Regulation (EU) 2021/821, Art. 5(2)');
    expect(result.stdout).toContain('(nationalLaw.suspicionRule.position;');
    // What the finding names, with the catalogue's labels.
    expect(result.stdout).toContain(
      'Seriousness indicators: Unlawful or arbitrary surveillance (hr-unlawful-arbitrary-surveillance)',
    );
    expect(result.stdout).not.toMatch(ANSI);
  });

  test("names the German overlay on the French exporter's ruleset line only as composed for replay", async () => {
    // Issue 20, point 7: de-awv-9-4 is in force on the example's date and composed, but its rules concern exporters
    // whose competent authority is German; the example's exporter is French.
    const result = await runCli(['assess', EXAMPLE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}Ruleset: eu-2021-821-art5 \S+ \(sha256 [0-9a-f]{12}…\)$/m);
    expect(result.stdout).toMatch(
      /^ {2}Overlay de-awv-9-4 \S+: composed for replay; concerns exporters in DE, not FR$/m,
    );
  });

  test('colours only when forced for a pipe, and NO_COLOR wins over FORCE_COLOR', async () => {
    const forced = await runCli(['assess', EXAMPLE], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(ANSI);
    const both = await runCli(['assess', EXAMPLE], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(both.stdout).not.toMatch(ANSI);
    expect(both.stdout).toBe(forced.stdout.replace(/\u001b\[[0-9;]*m/g, ''));
  });

  test('--format json prints the Assessment that assess() returns; --json is the same', async () => {
    const expected = JSON.parse(JSON.stringify(await assess(example))) as unknown;
    const [json, alias] = await Promise.all([
      runCli(['assess', '--format', 'json', EXAMPLE]),
      runCli(['assess', '--json', EXAMPLE]),
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(expected);
    expect(alias.stdout).toBe(json.stdout);
  });

  test(
    '--format html --out writes the self-contained decision report, creating the folder; stdout stays ' + 'empty',
    async () => {
      const out = join(scratch, 'reports', 'decision.html');
      const result = await runCli(['assess', '--format', 'html', '--out', out, EXAMPLE]);
      expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
      expect(existsSync(out)).toBe(true);
      const html = readFileSync(out, 'utf8');
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('data-outcome="insufficient_information"');
      expect(html).toContain('<h2>What is already certain</h2>');
      expect(html).toMatch(/<dt>Report generated<\/dt><dd>\d{4}-\d{2}-\d{2}T/);
    },
  );

  test('--format md prints the Markdown report; a transaction can come from standard input', async () => {
    const result = await runCli(['assess', '--format', 'md', '-'], { input: JSON.stringify(example) });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Export decision: Insufficient information — W6-hidden-gps-tracker\n/);
    expect(result.stdout).toContain('## What is already certain');
    expect(result.stdout).toContain('## Full reasoning: every rule, in order');
  });

  test('--full-trace adds every condition to the summary', async () => {
    const [short, full] = await Promise.all([runCli(['assess', EXAMPLE]), runCli(['assess', '--full-trace', EXAMPLE])]);
    expect(short.stdout).not.toContain('item.speciallyDesigned equal true; actual true');
    expect(full.stdout).toContain('item.speciallyDesigned equal true; actual true');
  });

  test(
    '--ruleset with --overlay (repeatable) assesses with the given documents, the transaction file ' + 'after them',
    async () => {
      const result = await runCli([
        'assess',
        '--format',
        'json',
        '--ruleset',
        'docs/examples/minimal-ruleset.json',
        '--overlay',
        'docs/examples/example-overlay.json',
        'docs/examples/minimal-transaction.json',
      ]);
      // Without a public key, one line says the documents were not verified.
      expect(result.stderr).toMatch(/^Note: .*minimal-ruleset\.json, .*example-overlay\.json were not verified.*\n$/);
      const assessment = JSON.parse(result.stdout) as {
        ruleset: { id: string; overlays: { id: string }[] };
        notes: { id: string }[];
        questions: { fact: string }[];
      };
      expect(assessment.ruleset.id).toBe('example-minimal');
      expect(assessment.ruleset.overlays.map((overlay) => overlay.id)).toEqual(['example-overlay']);
      expect(assessment.notes.map((note) => note.id)).toEqual(['example-overlay.german-exporter']);
      // Whether the authority has informed the exporter is unknown, and it would decide (Art. 5(1)).
      expect(assessment.questions.map((question) => question.fact)).toEqual(['exporter.informedByAuthority']);
    },
  );

  test('an invalid transaction lists each issue with its path on stderr (exit 2, no stack trace)', async () => {
    const typo = { ...example, item: { ...(example.item as object), speciallyDesinged: true } };
    const result = await runCli(['assess', '-'], { input: JSON.stringify(typo) });
    expectUserError(result, /\/item\/speciallyDesinged/);
    expect(result.stderr).toContain('speciallyDesigned');
  });

  test('a missing file, invalid JSON and an unwritable --out are user errors', async () => {
    const broken = join(scratch, 'broken.json');
    writeFileSync(broken, '{ "date": ');
    const [missing, invalid, unwritable] = await Promise.all([
      runCli(['assess', 'no-such-order.json']),
      runCli(['assess', broken]),
      runCli(['assess', '--out', 'package.json/decision.html', EXAMPLE]),
    ]);
    expectUserError(missing, /Cannot read no-such-order\.json: no such file/);
    expectUserError(invalid, /is not valid JSON/);
    expectUserError(unwritable, /Cannot write package\.json\/decision\.html/);
  });

  test(
    'bad arguments are user errors: an unknown format, --json with --format, a malformed --as-of, an ' +
      'invalid ruleset',
    async () => {
      const ruleset = join(scratch, 'ruleset.json');
      writeFileSync(
        ruleset,
        JSON.stringify({
          id: 'x',
          version: '1.0.0',
          kind: 'base',
          title: 'x',
          validity: { from: '2021-01-01', to: null },
          sources: {},
          rules: [{ id: 'r' }],
        }),
      );
      const undated = { ...example, date: undefined };
      const [format, conflict, asOf, invalidRuleset] = await Promise.all([
        runCli(['assess', '--format', 'pdf', EXAMPLE]),
        runCli(['assess', '--json', '--format', 'md', EXAMPLE]),
        runCli(['assess', '--as-of', '2025-02-30', '-'], { input: JSON.stringify(undated) }),
        runCli(['assess', '--ruleset', ruleset, EXAMPLE]),
      ]);
      expect(format.stderr).toMatch(/argument 'pdf' is invalid\. Allowed choices are text, json, md, html/);
      expect(format.code).toBe(2);
      expect(conflict.stderr).toMatch(/'--json' cannot be used with option '--format/);
      expect(conflict.code).toBe(2);
      expectUserError(asOf, /YYYY-MM-DD/);
      expectUserError(invalidRuleset, /\/rules\/0/);
    },
  );
});
