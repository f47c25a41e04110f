import { fileProblem, invalidArgument } from '../../errors/UsageError';
import { diffRulesets } from '../../testing/diff/diffRulesets';
import { checkExpectedChanges, parseExpectedChanges, type ExpectationCheck } from '../../testing/diff/expectedChanges';
import { formatRulesetDiff } from '../../testing/diff/formatRulesetDiff';
import { type TrustFlags } from '../commands/trustOptions';
import { readJson } from '../io';
import { escapeControls, jsonText, terminalSafe } from '../output/safeText';
import { printError, writeOutput } from '../output/sink';
import { compileRead, readRulesetFiles } from './rulesetFiles';

/** The options of `diff` as commander parses them. */
export interface DiffFlags extends TrustFlags {
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

/** Runs `diff`: compares two rulesets by what they decide and writes the report (exit 3 for an unexpected change). */
export function diffAction(before: string, after: string, flags: DiffFlags): void {
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
  const check: ExpectationCheck | undefined = expected === undefined ? undefined : checkExpectedChanges(diff, expected);
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
