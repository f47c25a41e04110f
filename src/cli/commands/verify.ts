import type { Command } from 'commander';
import type { VerifyFlags } from '../actions/verify';
import { addTrustOptions, PUBLIC_KEYS_VARIABLE, repeatable } from './trustOptions';

/** `dual-use-rules verify`: checks that a ruleset (and its overlays) are signed by one of the given keys. */
export function registerVerify(program: Command): void {
  const command = program
    .command('verify')
    .description(
      'Check that a ruleset and its overlays are valid and signed (their <file>.sig) by one of the given public keys.',
    )
    .argument('<file>', 'ruleset JSON file')
    .option('--overlay <file>', 'an overlay file to verify with it (repeat for several)', repeatable);
  addTrustOptions(command)
    .addHelpText(
      'after',
      '\nExamples:\n  $ dual-use-rules verify my-ruleset.json --public-key ruleset-signing.pub\n  $ ' +
        'dual-use-rules verify my-ruleset.json --overlay my-overlay.json --public-key team-a.pub ' +
        `--public-key team-b.pub\n  $ ${PUBLIC_KEYS_VARIABLE}=ruleset-signing.pub dual-use-rules verify my-ruleset.json\n\n` +
        'assess, batch, validate, diff, serve and verify-record verify the same way once a key is given, so ' +
        '"verify, then assess" is one step.\n\nExit codes: 0 verified; 2 unsigned, altered, untrusted or invalid (stderr says which).',
    )
    .action(async (file: string, flags: VerifyFlags) => (await import('../actions/verify')).verifyAction(file, flags));
}
