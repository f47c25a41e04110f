import type { Command } from 'commander';
import { createRulesetRegistry } from '../../createRulesetRegistry';
import { DecisionRecordError } from '../../errors/DecisionRecordError';
import { fileProblem, invalidArgument } from '../../errors/UsageError';
import type { RulesetRegistry } from '../../types/registry';
import { verifyDecisionRecord } from '../../verifyDecisionRecord';
import { readJson } from '../io';
import { escapeControls } from '../output/safeText';
import { print } from '../output/sink';
import { PUBLIC_KEYS_VARIABLE, readRulesetFiles, repeatable, trustedKeys, type RulesetFile } from './rulesetFiles';

interface VerifyRecordFlags {
  readonly publicKey: string[];
  readonly ruleset?: string;
  readonly overlay: string[];
}

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
    .action(async (file: string, flags: VerifyRecordFlags) => {
      if (flags.ruleset === undefined && flags.overlay.length > 0)
        throw invalidArgument(
          '--overlay',
          '--overlay needs --ruleset (the bundled rulesets come with their overlays).',
        );
      const record = readJson(file, `decision record ${file}`);
      // The keys given check the record's signature and the ruleset files; without them, the keys of whoever approves
      // rulesets (the environment's) check the ruleset files, as in every command that reads one, and not the record.
      const keys = trustedKeys(flags);
      const publicKeys = flags.publicKey.length > 0 ? keys?.pems : undefined;
      const registry =
        flags.ruleset === undefined
          ? undefined
          : rulesetRegistry(readRulesetFiles([flags.ruleset, ...flags.overlay], flags, keys));
      let result;
      try {
        result = await verifyDecisionRecord(record, {
          ...(publicKeys === undefined ? {} : { publicKeys }),
          ...(registry === undefined ? {} : { registry }),
        });
      } catch (error) {
        if (error instanceof DecisionRecordError)
          throw fileProblem('invalid_file', file, `Not verified: ${error.message}`, { cause: error });
        throw error;
      }
      const { id, assessment } = record as { id: string; assessment: { outcome: string } };
      const signature =
        result.signature === 'verified'
          ? `signed with trusted key ${result.keyId ?? '?'}`
          : result.signature === 'not_checked'
            ? `signed with key ${result.keyId ?? '?'} (not checked: no --public-key given)`
            : 'not signed';
      print(
        `${escapeControls(
          `Verified decision record ${id}: its content is unchanged (sha256), ${signature}, and the replay with the ` +
            `recorded ruleset gives ${assessment.outcome}, as recorded` +
            `${result.identical ? ', identical in every field' : ` (these fields differ: ${result.differences.join(', ')})`}.`,
        )}\n`,
      );
    });
}

/** A registry of the given documents only (already read once, and verified when keys are configured), to replay from. */
function rulesetRegistry(files: readonly RulesetFile[]): RulesetRegistry {
  const registry = createRulesetRegistry({ bundled: false });
  for (const { document } of files) registry.register(document);
  return registry;
}
