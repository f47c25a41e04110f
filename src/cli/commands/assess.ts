import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { assess } from '../../assess';
import { compileRuleset } from '../../compileRuleset';
import { formatText } from '../../format/formatText';
import { readJson } from '../io';

interface AssessFlags {
  readonly json?: boolean;
  readonly ruleset?: string;
  readonly overlay?: string[];
  readonly asOf?: string;
  readonly fullTrace?: boolean;
  readonly out?: string;
}

/** `dual-use-rules assess <file|->`: one transaction, a readable summary or the Assessment as JSON. */
export function registerAssess(program: Command): void {
  program
    .command('assess')
    .description('Assess one transaction (a JSON file, or - for standard input).')
    .argument('<file>', 'transaction JSON file, or - to read standard input')
    .option('--json', 'print the Assessment as JSON instead of a summary')
    .option('--ruleset <file>', 'use this ruleset document instead of the bundled one in force on the date')
    .option('--overlay <file...>', 'national overlay documents to compose into --ruleset')
    .option('--as-of <date>', 'assessment date (YYYY-MM-DD) when the transaction has no date')
    .option('--full-trace', 'show every condition of every rule in the summary')
    .option('--out <file>', 'write to this file instead of standard output')
    .addHelpText(
      'after',
      `
Examples:
  $ dual-use-rules assess examples/notification-tracker-intelligence-agency.json
  $ dual-use-rules assess --json order-4711.json > assessment.json
  $ cat order.json | dual-use-rules assess -
  $ dual-use-rules assess --ruleset my-ruleset.json --overlay my-overlay.json order.json

Exit codes: 0 assessed; 2 invalid input (every issue is listed on stderr); 1 internal error.`,
    )
    .action(async (file: string, flags: AssessFlags) => {
      const transaction = readJson(file, file === '-' ? 'transaction on standard input' : `transaction ${file}`);
      const ruleset =
        flags.ruleset === undefined
          ? undefined
          : compileRuleset(readJson(flags.ruleset, `ruleset ${flags.ruleset}`), { overlays: (flags.overlay ?? []).map((path) => readJson(path, `overlay ${path}`)) });
      const assessment = await assess(transaction, { ...(ruleset === undefined ? {} : { ruleset }), ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }) });
      const output = flags.json === true ? `${JSON.stringify(assessment, null, 2)}\n` : formatText(assessment, { fullTrace: flags.fullTrace === true });
      if (flags.out === undefined) process.stdout.write(output);
      else writeFileSync(flags.out, output);
    });
}
