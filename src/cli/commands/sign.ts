import type { Command } from 'commander';
import type { SignFlags } from '../actions/sign';

/** `dual-use-rules sign`: validates a ruleset document and writes its detached signature next to it. */
export function registerSign(program: Command): void {
  program
    .command('sign')
    .description(
      'Validate a ruleset (or overlay) document and sign it with an Ed25519 private key, writing the ' +
        'detached signature to <file>.sig.',
    )
    .argument('<file>', 'ruleset or overlay JSON file')
    .requiredOption('--key <file>', 'private key (PEM) from dual-use-rules keygen')
    .option('--base <file>', 'for an overlay: the base ruleset to validate it with')
    .option('--out <file>', 'where to write the signature (default: <file>.sig)')
    .option(
      '--replaces <version...>',
      'earlier versions of the same id this document replaces in a registry (a correction of the same legal time); ' +
        'signed with it',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ dual-use-rules sign my-ruleset.json --key ruleset-signing.key\n  $ ' +
        'dual-use-rules sign my-ruleset.json --key ruleset-signing.key --replaces 2.3.2\n  $ ' +
        'dual-use-rules sign my-overlay.json --base my-ruleset.json --key ruleset-signing.key\n\n' +
        'The signature covers the content and the id, version, validity and --replaces of the document (signature ' +
        'format 2); signatures made by 0.1.0 (format 1) still verify, but cover no replaces: sign again to add ' +
        'them.\n\nExit codes: 0 signed; 2 invalid document, key or arguments.',
    )
    .action(async (file: string, flags: SignFlags) => (await import('../actions/sign')).signAction(file, flags));
}
