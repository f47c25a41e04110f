import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { CodedError } from '../errors/CodedError';
import { registerAssess } from './commands/assess';
import { registerBatch } from './commands/batch';
import { registerDiff } from './commands/diff';
import { registerKeygen } from './commands/keygen';
import { registerRulesets } from './commands/rulesets';
import { registerServe } from './commands/serve';
import { registerSign } from './commands/sign';
import { registerTest } from './commands/test';
import { registerValidate } from './commands/validate';
import { registerVerify } from './commands/verify';
import { registerVerifyRecord } from './commands/verifyRecord';
import { describeError, escapeControls, escapeControlsKeepingLines } from './output/safeText';
import { ClosedPipe, print, printError } from './output/sink';

/** How commander puts a suggestion on a line of its own in an error: "unknown option '--colour'" + this. */
const SUGGESTION = '\n(Did you mean';

const program = new Command()
  .name('dual-use-rules')
  .description(
    'What Article 5 of the EU Dual-Use Regulation (EU) 2021/821 requires for an export of a possible ' +
      'cyber-surveillance item, with the law cited at every step.',
  )
  // Bundled from package.json at build time, as the library's decision records read it (ESM and CJS alike).
  .version(version, '-V, --version', 'print the version of dual-use-rules')
  .showHelpAfterError()
  .exitOverride()
  // Help and usage errors go through the same writes as everything else: a full disk or a closed pipe is reported.
  .configureOutput({
    writeOut: print,
    writeErr: printError,
    // Its errors quote the arguments, which may hold anything; its only line break is before a suggestion.
    outputError: (text, write) => write(`${text.trimEnd().split(SUGGESTION).map(escapeControls).join(SUGGESTION)}\n`),
  })
  .addHelpText(
    'after',
    '\nExamples:\n  $ dual-use-rules assess examples/notification-tracker-intelligence-agency.json\n  ' +
      '$ dual-use-rules assess --format html --out decision.html order.json\n  $ dual-use-rules ' +
      'rulesets\n  $ dual-use-rules help assess\n\nExit codes: 0 done; 2 invalid input or arguments ' +
      '(stderr says why); 1 internal error.',
  );

// Each command is declared here in full (name, options, help); its action, and the library with it, is imported only
// when the command runs (src/cli/actions/), so --version, --help and usage errors start without loading the library.
registerAssess(program);
registerBatch(program);
registerRulesets(program);
registerValidate(program);
registerKeygen(program);
registerSign(program);
registerVerify(program);
registerDiff(program);
registerServe(program);
registerVerifyRecord(program);
registerTest(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = report(error);
}

/**
 * Prints an error for a person: a coded error (the library's, or a usage error) without a stack trace, exit 2 (1 for
 * `engine_failure`, a bug); anything else as an internal error, exit 1.
 */
function report(error: unknown): number {
  // Whoever read standard output has all they wanted (`… | head`): end quietly, as Unix tools do.
  if (error instanceof ClosedPipe) return 0;
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof CodedError) {
    printError(`${describeError(error)}\n`);
    return error.code === 'engine_failure' ? 1 : 2;
  }
  printError(
    `Internal error (please report it): ` +
      `${escapeControlsKeepingLines(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
  );
  return 1;
}
