import type { Command } from 'commander';
import { fileProblem, invalidArgument } from '../../errors/UsageError';
import { diffRulesets } from '../../testing/diff/diffRulesets';
import { checkExpectedChanges, parseExpectedChanges, type ExpectationCheck } from '../../testing/diff/expectedChanges';
import { formatRulesetDiff } from '../../testing/diff/formatRulesetDiff';
import { readJson } from '../io';
import { escapeControls, jsonText, terminalSafe } from '../output/safeText';
import { printError, writeOutput } from '../output/sink';
import { addTrustOptions, compileRead, readRulesetFiles, type TrustFlags, repeatable } from './rulesetFiles';

interface DiffFlags extends TrustFlags {
  readonly runs: string;
  readonly seed: string;
  readonly expect?: string;
  readonly json?: boolean;
  readonly out?: string;
  readonly beforeOverlay?: string[];
  readonly afterOverlay?: string[];
}

/** Exit code when an outcome change is not in the expected-changes file. */
const UNEXPECTED_CHANGES = 3;

/** `dual-use-rules diff`: which generated transactions change outcome between two rulesets, and why. */
export function registerDiff(program: Command): void {
  const command = program
    .command('diff')
    .description(
      'Compare two rulesets by what they decide: generate transactions, assess each with both, and ' +
        'report every outcome change (grouped, with the smallest example and the rules and citations ' +
        'involved) and every rule, fact, catalogue entry and threshold added, removed or changed.',
    )
    .argument('<before>', 'ruleset JSON file in use now')
    .argument('<after>', 'ruleset JSON file to adopt')
    .option('--runs <n>', 'transactions to generate', '2000')
    .option('--seed <n>', 'fast-check seed (the same seed gives the same report)', '1')
    .option('--expect <file>', 'expected-changes file: exit 3 when an outcome change is not listed in it')
    .option('--json', 'print the diff (and the expectation check) as JSON')
    .option('--out <file>', 'write the report to this file')
    .option('--before-overlay <file>', 'an overlay to compose into <before> (repeat for several)', repeatable)
    .option('--after-overlay <file>', 'an overlay to compose into <after> (repeat for several)', repeatable);
  addTrustOptions(command)
    .addHelpText(
      'after',
      `
Expected-changes file:
  { "changes": [ { "before": "no_obligation", "after": "insufficient_information", "reason": "Guidelines, Section 3: due diligence outstanding" } ] }

Examples:
  $ dual-use-rules diff node_modules/dual-use-rules/rulesets/eu-2021-821-art5/2.1.0.json my-ruleset.json
  $ dual-use-rules diff current.json revised.json --runs 10000 --expect expected-changes.json
  $ dual-use-rules diff current.json revised.json --json --out diff.json

Exit codes: 0 compared (and every change expected); 3 an outcome change is not in --expect; 2 invalid input or arguments.`,
    )
    .action((before: string, after: string, flags: DiffFlags) => {
      const runs = positiveInteger(flags.runs, '--runs');
      const seed = integer(flags.seed, '--seed');
      const expected = flags.expect === undefined ? undefined : asExpectation(flags.expect);
      // Every file read once (one notice, or each verified), then both compositions compiled.
      const beforeFiles = [before, ...(flags.beforeOverlay ?? [])];
      const read = readRulesetFiles([...beforeFiles, after, ...(flags.afterOverlay ?? [])], flags);
      const diff = diffRulesets(
        compileRead(read.slice(0, beforeFiles.length)),
        compileRead(read.slice(beforeFiles.length)),
        { runs, seed },
      );
      const check: ExpectationCheck | undefined =
        expected === undefined ? undefined : checkExpectedChanges(diff, expected);
      // Both rulesets and the expected-changes file may hold anything: the text report is rendered from escaped copies.
      writeOutput(
        flags.json === true
          ? `${jsonText(check === undefined ? { diff } : { diff, check }, 2)}\n`
          : formatRulesetDiff(terminalSafe(diff), check === undefined ? undefined : terminalSafe(check)),
        flags.out,
      );
      if (check !== undefined && check.unexpected.length > 0) {
        printError(
          `${escapeControls(
            `Outcome changes not in ${flags.expect as string}: ` +
              `${check.unexpected.map((change) => `${change.before} → ${change.after} (${change.count})`).join(', ')}.`,
          )}\n`,
        );
        process.exitCode = UNEXPECTED_CHANGES;
      }
    });
}

function asExpectation(file: string) {
  const value = readJson(file, `expected-changes file ${file}`);
  try {
    return parseExpectedChanges(value);
  } catch (error) {
    throw fileProblem('invalid_file', file, `${file}: ${(error as Error).message}`, { cause: error });
  }
}

function positiveInteger(text: string, option: string): number {
  const value = integer(text, option);
  if (value < 1) throw invalidArgument(option, `${option} must be at least 1, not ${text}.`);
  return value;
}

function integer(text: string, option: string): number {
  if (!/^-?\d+$/.test(text))
    throw invalidArgument(option, `${option} must be a whole number, not ${JSON.stringify(text)}.`);
  return Number(text);
}
