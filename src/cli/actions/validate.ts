import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileProblem } from '../../errors/UsageError';
import { lintRuleset, type LintScenario } from '../../lintRuleset';
import { type TrustFlags } from '../commands/trustOptions';
import { readJson } from '../io';
import { describeIssue, escapeControls, jsonText } from '../output/safeText';
import { writeOutput } from '../output/sink';
import { compileFiles } from './rulesetFiles';

/** The options of `validate` as commander parses them. */
export interface ValidateFlags extends TrustFlags {
  readonly overlay?: string[];
  readonly scenarios?: string;
  readonly strict?: boolean;
  readonly json?: boolean;
}

/** Runs `validate`: validates and lints a ruleset document, and prints its warnings. */
export function validateAction(file: string, flags: ValidateFlags): void {
  const { ruleset } = compileFiles(file, flags.overlay ?? [], flags);
  const findings = lintRuleset(
    ruleset,
    flags.scenarios === undefined ? {} : { scenarios: readScenarios(flags.scenarios) },
  );
  const reference = {
    id: ruleset.id,
    version: ruleset.version,
    sha256: ruleset.sha256,
    overlays: ruleset.overlays,
  };
  if (flags.json === true) writeOutput(`${jsonText({ ruleset: reference, warnings: findings }, 2)}\n`, undefined);
  else {
    const lines = [escapeControls(`${file}: valid (${ruleset.id} ${ruleset.version}, sha256 ${ruleset.sha256}).`)];
    lines.push(
      findings.length === 0 ? 'No warnings.' : `${findings.length} ${findings.length === 1 ? 'warning' : 'warnings'}:`,
    );
    for (const finding of findings) lines.push(describeIssue(finding));
    writeOutput(`${lines.join('\n')}\n`, undefined);
  }
  if (flags.strict === true && findings.length > 0) process.exitCode = 2;
}

function readScenarios(folder: string): LintScenario[] {
  let files: string[];
  try {
    files = readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    throw fileProblem(
      'unreadable_file',
      folder,
      `Cannot read the scenario folder ${folder}: ${(error as Error).message}`,
    );
  }
  return files.flatMap((name) => {
    const path = join(folder, name);
    const scenarios = (readJson(path, `scenario file ${path}`) as { scenarios?: unknown } | null)?.scenarios;
    if (
      !Array.isArray(scenarios) ||
      !scenarios.every((scenario) => typeof scenario === 'object' && scenario !== null && 'transaction' in scenario)
    ) {
      throw fileProblem(
        'invalid_file',
        path,
        `${path} is not a scenario file: expected { "scenarios": [{ "transaction": { … }, … }] }.`,
      );
    }
    return scenarios as LintScenario[];
  });
}
