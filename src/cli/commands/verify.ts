import type { Command } from 'commander';
import { invalidArgument } from '../../errors/UsageError';
import { escapeControls } from '../output/safeText';
import { print } from '../output/sink';
import {
  addTrustOptions,
  compileFiles,
  PUBLIC_KEYS_VARIABLE,
  trustedKeys,
  type TrustFlags,
  repeatable,
} from './rulesetFiles';

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
    .action((file: string, flags: TrustFlags & { overlay?: string[] }) => {
      const keys = trustedKeys(flags);
      if (keys === undefined)
        throw invalidArgument(
          '--public-key',
          `Cannot verify ${file} without a public key: give --public-key FILE, or name the key files in ` +
            `${PUBLIC_KEYS_VARIABLE}.`,
        );
      const { ruleset, files } = compileFiles(file, flags.overlay ?? [], flags, keys);
      const entries = [{ id: ruleset.id, version: ruleset.version, sha256: ruleset.sha256 }, ...ruleset.overlays];
      entries.forEach((entry, index) => {
        print(
          `${escapeControls(
            `Verified ${entry.id} ${entry.version} (sha256 ${entry.sha256}), signed with key ` +
              `${files[index]?.keyId ?? '?'}` +
              `${files[index]?.formatOne === true ? ' (signature format 1, which covers no replaces: sign again to add them)' : ''}.`,
          )}\n`,
        );
      });
    });
}
