import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { fileProblem } from '../../errors/UsageError';
import { lintRuleset, type LintScenario } from '../../lintRuleset';
import { readJson } from '../io';
import { describeIssue, escapeControls, jsonText } from '../output/safeText';
import { writeOutput } from '../output/sink';
import { addTrustOptions, compileFiles, type TrustFlags, repeatable } from './rulesetFiles';

interface ValidateFlags extends TrustFlags {
  readonly overlay?: string[];
  readonly scenarios?: string;
  readonly strict?: boolean;
  readonly json?: boolean;
}

/** `dual-use-rules validate`: schema and semantic checks (errors), then lint (warnings), optionally with scenario coverage. */
export function registerValidate(program: Command): void {
  const command = program
    .command('validate')
    .description(
      'Validate a ruleset document (JSON Schema and semantic checks) and lint it: unreachable rules, ' +
        'outcomes no rule produces, unused facts and catalogue entries, and, with --scenarios, rules no ' +
        'scenario exercises.',
    )
    .argument('<file>', 'ruleset JSON file')
    .option('--overlay <file>', 'an overlay to compose into it (repeat for several)', repeatable)
    .option('--scenarios <folder>', 'folder of scenario files ({ "scenarios": [...] }) to measure rule coverage with')
    .option('--strict', 'treat warnings as errors (exit 2)')
    .option('--json', 'print { ruleset, warnings } as JSON');
  addTrustOptions(command)
    .addHelpText(
      'after',
      '\nExamples:\n  $ dual-use-rules validate my-ruleset.json\n  $ dual-use-rules validate ' +
        'my-ruleset.json --scenarios node_modules/dual-use-rules/rulesets/eu-2021-821-art5/scenarios ' +
        '--strict\n\nExit codes: 0 valid (warnings are printed); 2 invalid, or warnings with --strict.',
    )
    .action((file: string, flags: ValidateFlags) => {
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
          findings.length === 0
            ? 'No warnings.'
            : `${findings.length} ${findings.length === 1 ? 'warning' : 'warnings'}:`,
        );
        for (const finding of findings) lines.push(describeIssue(finding));
        writeOutput(`${lines.join('\n')}\n`, undefined);
      }
      if (flags.strict === true && findings.length > 0) process.exitCode = 2;
    });
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
