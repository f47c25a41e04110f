import { readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { assess } from '../../assess';
import { AssessmentError } from '../../errors/AssessmentError';
import { RulesetError } from '../../errors/RulesetError';
import { TransactionError } from '../../errors/TransactionError';
import { fileProblem } from '../../errors/UsageError';
import { listRulesets, loadRuleset } from '../../loadRuleset';
import { DEFAULT_RULESET_ID } from '../../rulesets/bundled';
import { checkScenario, type ScenarioMismatch } from '../../testing/scenarios/checkScenario';
import { parseScenarioFile, type Scenario } from '../../testing/scenarios/scenarioFile';
import type { Assessment, TruthValue } from '../../types/assessment';
import type { CompiledRuleset } from '../../types/compiledRuleset';
import { describeFsError, readJson } from '../io';
import { describeError } from '../output/safeText';

/** One scenario run against one ruleset: passed when it has no mismatch and no error. */
export interface ScenarioResult {
  readonly file: string;
  readonly scenario: Scenario;
  /** The ruleset it ran against, e.g. `eu-2021-821-art5 2.3.2 + de-awv-9-4 1.1.0`. */
  readonly ruleset: string;
  /** The compiled ruleset it ran against, when one was chosen. */
  readonly compiled?: CompiledRuleset;
  readonly mismatches: readonly ScenarioMismatch[];
  /** The assessment, when the transaction could be assessed. */
  readonly assessment?: Assessment;
  /** Why it could not be assessed (an invalid transaction, no ruleset in force on its date). */
  readonly error?: string;
}

/** Per rule, whether the scenarios saw its condition true, false and unknown. */
export type RuleCoverage = Record<string, Record<TruthValue, boolean>>;

/** The scenario files named by `paths`: each file as given, each folder's `*.json` files (not its subfolders), sorted. */
export function scenarioFilesIn(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let folder: boolean;
    try {
      folder = statSync(path).isDirectory();
    } catch (error) {
      throw fileProblem('unreadable_file', path, `Cannot read ${path}: ${describeFsError(error)}.`);
    }
    if (!folder) return [path];
    const files = readdirSync(path)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(path, name));
    if (files.length === 0) throw fileProblem('invalid_file', path, `${path} holds no scenario file (*.json).`);
    return files;
  });
}

/**
 * Runs every scenario of the files against `ruleset` when one is given, else against the bundled ruleset a scenario
 * selects: its pinned `ruleset.version`, or the version in force on `ruleset.asOf` (else the transaction's date, else
 * today). A file in `rulesets/<id>/scenarios/` runs against that ruleset (an overlay's, against the base it extends).
 */
export async function runScenarioFiles(
  files: readonly string[],
  ruleset?: (scenario: Scenario) => CompiledRuleset,
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const file of files) {
    const parsed = parseScenarioFile(readJson(file, `scenario file ${file}`));
    if ('problems' in parsed)
      throw fileProblem(
        'invalid_file',
        file,
        `${file} is not a scenario file (schemas/scenario.schema.json):\n  ${parsed.problems.join('\n  ')}`,
      );
    const id = rulesetIdOf(file);
    for (const scenario of parsed.scenarios) {
      let chosen: CompiledRuleset | undefined;
      try {
        chosen = ruleset === undefined ? bundledFor(scenario, id) : ruleset(scenario);
        const assessment = await assess(scenario.transaction, { ruleset: chosen });
        results.push({
          file,
          scenario,
          ruleset: label(chosen),
          compiled: chosen,
          mismatches: checkScenario(scenario, assessment),
          assessment,
        });
      } catch (error) {
        const expectedKind =
          error instanceof TransactionError || error instanceof AssessmentError || error instanceof RulesetError;
        if (!expectedKind || (error instanceof AssessmentError && error.code === 'engine_failure')) throw error;
        const where = chosen === undefined ? `${id} (no version chosen)` : label(chosen);
        results.push({
          file,
          scenario,
          ruleset: where,
          ...(chosen === undefined ? {} : { compiled: chosen }),
          mismatches: [],
          error: describeError(error),
        });
      }
    }
  }
  return results;
}

/** The date a scenario is assessed on: its `ruleset.asOf`, else its transaction's date. */
export function scenarioDate(scenario: Scenario): string | undefined {
  const date = scenario.ruleset?.asOf ?? scenario.transaction['date'];
  return typeof date === 'string' ? date : undefined;
}

function bundledFor(scenario: Scenario, id: string): CompiledRuleset {
  // A pinned version, on its asOf date when it gives one (which overlays were in force then).
  if (scenario.ruleset?.version !== undefined) return loadRuleset(id, scenario.ruleset);
  const date = scenarioDate(scenario);
  return date === undefined ? loadRuleset(id) : loadRuleset(id, { asOf: date });
}

/** The bundled base a scenario file runs against: `rulesets/<id>/scenarios/` names it (an overlay, its base). */
function rulesetIdOf(file: string): string {
  const parts = resolve(file).split(sep);
  const at = parts.lastIndexOf('scenarios');
  const id = at >= 2 && parts[at - 2] === 'rulesets' ? parts[at - 1] : undefined;
  const summary = listRulesets().find((candidate) => candidate.id === id);
  return summary === undefined ? DEFAULT_RULESET_ID : (summary.extends ?? summary.id);
}

function label(ruleset: CompiledRuleset): string {
  return [
    `${ruleset.id} ${ruleset.version}`,
    ...ruleset.overlays.map((overlay) => `${overlay.id} ${overlay.version}`),
  ].join(' + ');
}

/** Per rule of every ruleset the scenarios ran against, which truth values its condition had across them. */
export function ruleCoverage(results: readonly ScenarioResult[]): RuleCoverage {
  const coverage: RuleCoverage = {};
  const entry = (rule: string) => (coverage[rule] ??= { true: false, false: false, unknown: false });
  const rulesets = new Set(results.flatMap((result) => (result.compiled === undefined ? [] : [result.compiled])));
  for (const ruleset of rulesets) for (const rule of ruleset.document.rules ?? []) entry(rule.id);
  for (const result of results) for (const step of result.assessment?.trace ?? []) entry(step.rule)[step.result] = true;
  return Object.fromEntries(Object.entries(coverage).sort(([a], [b]) => a.localeCompare(b)));
}
