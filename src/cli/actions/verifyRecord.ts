import { createRulesetRegistry } from '../../createRulesetRegistry';
import { DecisionRecordError } from '../../errors/DecisionRecordError';
import { fileProblem, invalidArgument } from '../../errors/UsageError';
import type { RulesetRegistry } from '../../types/registry';
import { verifyDecisionRecord } from '../../verifyDecisionRecord';
import { readJson } from '../io';
import { escapeControls } from '../output/safeText';
import { print } from '../output/sink';
import { readRulesetFiles, trustedKeys, type RulesetFile } from './rulesetFiles';

/** The options of `verifyRecord` as commander parses them. */
export interface VerifyRecordFlags {
  readonly publicKey: string[];
  readonly ruleset?: string;
  readonly overlay: string[];
}

/** Runs `verify-record`: checks a decision record by its hash, its signature and a replay. */
export async function verifyRecordAction(file: string, flags: VerifyRecordFlags): Promise<void> {
  if (flags.ruleset === undefined && flags.overlay.length > 0)
    throw invalidArgument('--overlay', '--overlay needs --ruleset (the bundled rulesets come with their overlays).');
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
}

/** A registry of the given documents only (already read once, and verified when keys are configured), to replay from. */
function rulesetRegistry(files: readonly RulesetFile[]): RulesetRegistry {
  const registry = createRulesetRegistry({ bundled: false });
  for (const { document } of files) registry.register(document);
  return registry;
}
