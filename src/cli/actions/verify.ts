import { invalidArgument } from '../../errors/UsageError';
import { PUBLIC_KEYS_VARIABLE, type TrustFlags } from '../commands/trustOptions';
import { escapeControls } from '../output/safeText';
import { print } from '../output/sink';
import { compileFiles, trustedKeys } from './rulesetFiles';

/** The options of `verify` as commander parses them. */
export interface VerifyFlags extends TrustFlags {
  readonly overlay?: string[];
}

/** Runs `verify`: checks that a ruleset and its overlays are valid and signed by a trusted key. */
export function verifyAction(file: string, flags: VerifyFlags): void {
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
}
