import { Option, type Command } from 'commander';

/** The environment variable that names trusted public key files, separated as in PATH (`:`, or `;` on Windows). */
export const PUBLIC_KEYS_VARIABLE = 'DUAL_USE_RULES_PUBLIC_KEYS';

/** What a command that reads ruleset files is told about trust: `--public-key` and `--signature` files. */
export interface TrustFlags {
  readonly publicKey?: readonly string[];
  readonly signature?: readonly string[];
}

/**
 * Adds `--public-key` and `--signature` to a command that reads ruleset files: one file per option, repeated for
 * several, so that options and file arguments can come in any order (a variadic option would take the files after it).
 */
export function addTrustOptions(command: Command): Command {
  const key = new Option(
    '--public-key <file>',
    `a trusted public key (PEM, from keygen); repeat for several: every ruleset and overlay ` +
      `file must then be signed by one of them (<file>.sig), or nothing is assessed. Default: the files named in ` +
      `${PUBLIC_KEYS_VARIABLE}`,
  );
  const signature = new Option(
    '--signature <file>',
    'a detached signature file kept elsewhere than <file>.sig (repeat for several; matched to documents by content)',
  ).argParser(repeatable);
  return command.addOption(key.argParser(repeatable)).addOption(signature);
}

/** The parser of an option given once per file and repeated for several (`--overlay a.json --overlay b.json`). */
export function repeatable(file: string, files: readonly string[] = []): string[] {
  return [...files, file];
}
