import type { Command } from 'commander';
import type { VerifyRecordFlags } from '../actions/verifyRecord';
import { PUBLIC_KEYS_VARIABLE, repeatable } from './trustOptions';

/** `dual-use-rules verify-record <file>`: proves a decision record by its hash, its signature and a replay. */
export function registerVerifyRecord(program: Command): void {
  program
    .command('verify-record')
    .description(
      'Verify a decision record (from assess --record or POST /assess?record=true): its content is unchanged, it is ' +
        'signed by a trusted key (with --public-key), and re-assessing its transaction with the exact recorded ' +
        'ruleset gives the recorded outcome.',
    )
    .argument('<file>', 'decision record JSON file')
    .option(
      '--public-key <file>',
      'require a signature by this Ed25519 public key (PEM; repeat for several); it also verifies --ruleset and ' +
        `--overlay files (<file>.sig), which without it are verified with the keys named in ${PUBLIC_KEYS_VARIABLE}`,
      repeatable,
      [],
    )
    .option('--ruleset <file>', 'the ruleset document the record was made with, when it is not a bundled one')
    .option('--overlay <file>', 'an overlay document the record was made with (repeat for several)', repeatable, [])
    .addHelpText(
      'after',
      `
Examples:
  $ dual-use-rules verify-record decision-record.json
  $ dual-use-rules verify-record decision-record.json --public-key records.pub
  $ dual-use-rules verify-record decision-record.json --ruleset my-ruleset.json --public-key records.pub

Exit codes: 0 verified; 2 changed, unsigned, untrusted, made with another ruleset, or replayed to another outcome
(stderr says which); 1 internal error.`,
    )
    .action(async (file: string, flags: VerifyRecordFlags) =>
      (await import('../actions/verifyRecord')).verifyRecordAction(file, flags),
    );
}
