import type { Command } from 'commander';
import { escapeControls } from '../output/safeText';
import { print } from '../output/sink';
import { readSignatures, compileFiles, asUsageError } from './rulesetFiles';

/** `dual-use-rules verify`: checks that a ruleset (and its overlays) are signed by one of the given keys. */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      'Check that a ruleset and its overlays are valid and signed (their <file>.sig) by one of the given public keys.',
    )
    .argument('<file>', 'ruleset JSON file')
    .requiredOption('--public-key <file...>', 'public keys (PEM) of those allowed to approve rulesets')
    .option('--overlay <file...>', 'overlay files to verify with it')
    .addHelpText(
      'after',
      '\nExamples:\n  $ dual-use-rules verify my-ruleset.json --public-key ruleset-signing.pub\n  $ ' +
        'dual-use-rules verify my-ruleset.json --overlay my-overlay.json --public-key team-a.pub ' +
        'team-b.pub\n\nExit codes: 0 verified; 2 unsigned, altered, untrusted or invalid (stderr says ' +
        'which).',
    )
    .action((file: string, flags: { publicKey: string[]; overlay?: string[] }) => {
      const overlays = flags.overlay ?? [];
      const ruleset = asUsageError(() => compileFiles(file, overlays, flags.publicKey));
      const keys = new Map(
        readSignatures([file, ...overlays]).map((signature) => [signature.ruleset.sha256, signature.keyId]),
      );
      for (const entry of [{ id: ruleset.id, version: ruleset.version, sha256: ruleset.sha256 }, ...ruleset.overlays]) {
        print(
          `${escapeControls(
            `Verified ${entry.id} ${entry.version} (sha256 ${entry.sha256}), signed with key ` +
              `${keys.get(entry.sha256) ?? '?'}.`,
          )}\n`,
        );
      }
    });
}
