import type { Command } from 'commander';
import type { KeygenFlags } from '../actions/keygen';

/** `dual-use-rules keygen`: a new Ed25519 key pair for approving rulesets. */
export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description(
      'Create an Ed25519 key pair for signing rulesets: <name>.key (private, keep it secret) and ' +
        '<name>.pub (give it to everyone who loads rulesets).',
    )
    .option('--out <name>', 'file name without extension', 'ruleset-signing')
    .option('--force', 'overwrite existing key files')
    .addHelpText(
      'after',
      '\nExamples:\n  $ dual-use-rules keygen\n  $ dual-use-rules keygen --out ' +
        'keys/compliance-team\n\nExit codes: 0 written; 2 the files exist (use --force) or cannot be ' +
        'written.',
    )
    .action(async (flags: KeygenFlags) => (await import('../actions/keygen')).keygenAction(flags));
}
