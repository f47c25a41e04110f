import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assessMany, decisionLine, loadRuleset, OUTCOMES, type Assessment, type Outcome } from '../../src/index';
import { partialTransactionArbitrary, vocabularyOf } from '../../src/testing/arbitraries';
import { runCli, type CliResult } from '../support/cli';
import { minimalRuleset } from '../support/minimalRuleset';
import { runs } from '../support/runs';

const root = new URL('../..', import.meta.url).pathname;
let work: string;

beforeAll(() => {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  work = mkdtempSync(join(cache, 'dur-batch-work-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function runBatch(
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  return runCli(['batch', ...args], options);
}

const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-06-30' });
/** 10,000 in the deep tier. */
const LINES = runs(10_000);
const transactions = fc.sample(
  partialTransactionArbitrary(vocabularyOf(ruleset), { date: '2025-06-30' }).map(({ partial }) => partial),
  { numRuns: LINES, seed: 99 },
);
/** The bad lines, by 1-based line number (at 1, 4,711, 8,000 and 10,000 of 10,000 lines), and the issue code each must be reported with. */
const BAD: ReadonlyMap<number, { readonly text: string; readonly code: string }> = new Map([
  [1, { text: '{"exporter": ', code: 'invalid_json' }],
  [
    Math.round(LINES * 0.4711),
    { text: JSON.stringify({ exporter: { country: 'DE' }, destination: { country: 'XX' } }), code: 'invalid_value' },
  ],
  [
    LINES * 0.8,
    { text: JSON.stringify({ ...transactions[0], item: { speciallyDesinged: true } }), code: 'unrecognized_key' },
  ],
  [LINES, { text: '[1, 2, 3]', code: 'invalid_type' }],
]);
/** A whitespace-only line: skipped and counted, neither assessed nor an error. */
const BLANK = 250;
const lines = transactions.map((transaction, index) =>
  index + 1 === BLANK ? ' \t' : (BAD.get(index + 1)?.text ?? JSON.stringify(transaction)),
);
const text = `${lines.join('\n')}\n`;

/** One run over the lines in one thread, written to a file; shared by the tests that check it. */
let singleRun:
  | Promise<{ readonly code: number | null; readonly stderr: string; readonly stdout: string; readonly file: string }>
  | undefined;
function runSingle() {
  singleRun ??= (async () => {
    const input = join(work, 'orders.jsonl');
    const file = join(work, 'single.jsonl');
    writeFileSync(input, text);
    return { ...(await runBatch([input, '--out', file])), file };
  })();
  return singleRun;
}

describe('dual-use-rules batch', () => {
  test(
    `${LINES.toLocaleString('en')} lines with some bad ones: one output line per input line but the ` +
      `blank one, each good line the library's decision line, each bad one reported with its line number; ` +
      `no progress bar off a terminal`,
    async () => {
      const result = await runSingle();
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const output = readFileSync(result.file, 'utf8').split('\n');
      expect(output.pop()).toBe('');
      expect(output).toHaveLength(LINES - 1);

      const expectedCounts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
      const good = transactions.filter((_, index) => !BAD.has(index + 1) && index + 1 !== BLANK);
      const assessments = assessMany(good, { ruleset });
      let next = 0;
      for (const [position, line] of output.entries()) {
        const index = position < BLANK - 1 ? position : position + 1;
        const bad = BAD.get(index + 1);
        if (bad === undefined) {
          const assessment = assessments[next++] as Assessment;
          // The same JSON text the library's decision line serialises to, key order included.
          const decision = decisionLine(index + 1, assessment);
          if (line !== JSON.stringify(decision)) expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(decision)));
          expectedCounts[assessment?.outcome as Outcome]++;
        } else {
          const parsed = JSON.parse(line) as { line?: number; error?: { issues: { code: string }[] } };
          expect(parsed.line).toBe(index + 1);
          expect(parsed.error?.issues.map((issue) => issue.code)).toContain(bad.code);
          expect(result.stderr).toContain(`Line ${(index + 1).toLocaleString('en')}:`);
        }
      }
      expect(next).toBe(good.length);
      for (const outcome of OUTCOMES)
        expect(result.stderr).toMatch(
          new RegExp(`\\n  ${outcome} +${expectedCounts[outcome].toLocaleString('en')}\\n`),
        );
      expect(result.stderr).toMatch(/not assessed \(invalid lines\) +4\n/);
      expect(result.stderr).toContain(
        `Assessed ${(LINES - 1 - BAD.size).toLocaleString('en')} of ${(LINES - 1).toLocaleString('en')} lines`,
      );
      expect(result.stderr).toMatch(/; 1 blank line skipped\n/);
      // Off a terminal: no progress bar, no carriage returns or cursor codes, no colours.
      expect(result.stderr).not.toMatch(/\r|\u001b|ETA|█/);
    },
  );

  test('--workers 3 writes exactly what one thread writes, in input order, to --out (its folder created)', async () => {
    const single = await runSingle();
    const out = join(work, 'threads', 'assessed.jsonl');
    const threaded = await runBatch([join(work, 'orders.jsonl'), '--workers', '3', '--out', out]);
    expect(threaded.code).toBe(2);
    expect(threaded.stdout).toBe('');
    expect(readFileSync(out).equals(readFileSync(single.file))).toBe(true);
    expect(threaded.stderr).toContain(
      `Assessed ${(LINES - 1 - BAD.size).toLocaleString('en')} of ${(LINES - 1).toLocaleString('en')} lines`,
    );
  });

  test(
    'reads standard input for -, with a ruleset document and --as-of for undated transactions; every ' +
      'line assessed exits 0',
    async () => {
      const rulesetFile = join(work, 'minimal.json');
      writeFileSync(rulesetFile, JSON.stringify(minimalRuleset()));
      const undated = [
        { exporter: { country: 'DE', informedByAuthority: true }, destination: { country: 'US' } },
        {
          exporter: { country: 'DE', informedByAuthority: false },
          destination: { country: 'US' },
          item: { speciallyDesigned: false },
        },
      ];
      const result = await runBatch(['-', '--ruleset', rulesetFile, '--as-of', '2025-01-10'], {
        input: undated.map((transaction) => JSON.stringify(transaction)).join('\r\n'),
      });
      expect(result.code).toBe(0);
      const outcomes = result.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { outcome: string }).outcome);
      // The minimal ruleset: informed by the authority → authorisation; not specially designed and not informed → no obligation.
      expect(outcomes).toEqual(['authorisation_required', 'no_obligation']);
      expect(result.stderr).toContain('Assessed 2 of 2 lines');
    },
  );

  test('colours on stderr only when asked for, and never with NO_COLOR', async () => {
    const text = `${JSON.stringify(transactions[1])}\nnot json\n`;
    const [forced, none] = await Promise.all([
      runBatch(['-'], { input: text, env: { FORCE_COLOR: '1' } }),
      runBatch(['-'], { input: text, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }),
    ]);
    expect(forced.stderr).toContain('\u001b[');
    expect(none.stderr).not.toContain('\u001b[');
    expect(none.stdout).toBe(forced.stdout);
  });

  test.each([
    [['--workers', '0', 'x.jsonl'], /--workers must be a whole number from 1 to 64/],
    [['--as-of', '30/06/2025', 'x.jsonl'], /--as-of must be a date written YYYY-MM-DD/],
    [['--overlay', 'de.json', 'x.jsonl'], /--overlay needs --ruleset/],
    [['no-such-file.jsonl'], /Cannot read no-such-file\.jsonl: no such file or folder/],
    [['--ruleset', 'package.json', 'x.jsonl'], /ruleset|Ruleset/],
    [['--detail', 'trace', 'x.jsonl'], /--detail must be decision or full, not "trace"/],
    [['--format', 'xlsx', 'x.jsonl'], /--format must be jsonl or csv, not "xlsx"/],
    [
      ['--format', 'csv', '--detail', 'full', 'x.jsonl'],
      /--format csv writes the decision only: the trace of --detail full/,
    ],
  ])('a user error (%j) is reported without a stack trace, exit 2', async (args, message) => {
    const result = await runBatch(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });
});
