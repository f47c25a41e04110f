import { AssessmentError } from './errors/AssessmentError';
import { DecisionRecordError } from './errors/DecisionRecordError';
import { readOptions, type Refuse } from './errors/readArguments';
import { SigningError } from './errors/SigningError';
import { TransactionError } from './errors/TransactionError';
import { isPrivateKeyPem, PRIVATE_KEY_AS_PUBLIC } from './integrity/keys';
import { canonicalContent, checkIntact, readDecisionRecord } from './integrity/recordContent';
import { signatureKeyId, verifyContent } from './integrity/recordSignature';
import { replay } from './replay';
import { bundledRegistry } from './rulesets/bundledRegistry';
import { readRegistry } from './rulesets/registryArguments';
import type { RulesetReference } from './types/assessment';
import type { DecisionRecord, RecordVerification, VerifyRecordOptions } from './types/decisionRecord';
import type { RulesetRegistry } from './types/registry';

/**
 * Proves a decision record: that its content is what was recorded (its sha256), that it is signed by a trusted key
 * (when public keys are given), and that re-running the assessment with the exact recorded ruleset (`replay`, by
 * sha256) reaches the recorded outcome. Each failure is a `DecisionRecordError` whose code and message say what failed.
 *
 * @param record - A decision record, e.g. parsed from its file.
 * @param options - The public keys to require a signature by, and the registry holding the recorded ruleset if it is
 * not bundled.
 * @returns What was established (e.g. `signature: 'verified'`, and whether the replay is identical in every field).
 * @throws {DecisionRecordError} `invalid_record`, `record_changed`, `signature_missing`, `untrusted_key`,
 * `signature_invalid`, `ruleset_not_found`, `ruleset_changed` or `replay_mismatch`. {SigningError} `invalid_key` for a
 * public key that is not Ed25519, or a private key given as a public key.
 *
 * @example
 * import { verifyDecisionRecord } from 'dual-use-rules';
 *
 * const result = await verifyDecisionRecord(JSON.parse(readFileSync('record.json', 'utf8')), {
 *   publicKeys: [readFileSync('records.pub', 'utf8')],
 * });
 * result.signature; // 'verified'
 */
export async function verifyDecisionRecord(
  record: unknown,
  options: VerifyRecordOptions = {},
): Promise<RecordVerification> {
  const refuse: Refuse = (issue, cause) => new DecisionRecordError(issue, { cause });
  const given = readOptions<VerifyRecordOptions>(options, { publicKeys: 'strings', registry: 'any' }, refuse);
  const checked = readDecisionRecord(record);
  checkIntact(checked);
  const signature = await checkSignature(checked, given.publicKeys);
  const registry = readRegistry(given.registry, refuse) ?? bundledRegistry();
  findRuleset(registry, checked);
  let result;
  try {
    result = await replay(checked.assessment, checked.transaction, { registry });
  } catch (error) {
    if (error instanceof TransactionError || error instanceof AssessmentError)
      throw new DecisionRecordError(
        {
          path: ['assessment', 'outcome'],
          code: 'replay_mismatch',
          recorded: checked.assessment.outcome,
          message:
            `Replaying decision record ${checked.id} failed, where the record says ${checked.assessment.outcome}: ` +
            error.message,
        },
        { cause: error },
      );
    throw error;
  }
  if (!result.matches)
    throw new DecisionRecordError({
      path: ['assessment', 'outcome'],
      code: 'replay_mismatch',
      recorded: checked.assessment.outcome,
      replayed: result.replayed.outcome,
      message:
        `Replaying decision record ${checked.id} with its ruleset gives ${result.replayed.outcome} (possible: ` +
        `${result.replayed.possibleOutcomes.join(', ')}), but the record says ${checked.assessment.outcome} ` +
        `(possible: ${checked.assessment.possibleOutcomes.join(', ')}).`,
    });
  return { intact: true, ...signature, matches: true, identical: result.identical, differences: result.differences };
}

async function checkSignature(
  record: DecisionRecord,
  publicKeys: readonly string[] | undefined,
): Promise<Pick<RecordVerification, 'signature' | 'keyId'>> {
  // Refused, not merely left unmatched: verifiers never need a private key (issue 19, D17).
  const privateKey = publicKeys?.findIndex(isPrivateKeyPem) ?? -1;
  if (privateKey >= 0)
    throw new SigningError({
      path: ['options', 'publicKeys', privateKey],
      code: 'invalid_key',
      message: PRIVATE_KEY_AS_PUBLIC,
    });
  if (record.signature === undefined) {
    if (publicKeys === undefined) return { signature: 'unsigned' };
    throw new DecisionRecordError({
      path: ['signature'],
      code: 'signature_missing',
      message: `Decision record ${record.id} is not signed, and a signature by one of the public keys given is required.`,
    });
  }
  if (publicKeys === undefined) {
    const keyId = await signatureKeyId(record.signature);
    return { signature: 'not_checked', ...(keyId === undefined ? {} : { keyId }) };
  }
  const keyId = await verifyContent(canonicalContent(record), record.signature, publicKeys, record.id);
  return { signature: 'verified', keyId };
}

/** Checks that the registry holds every recorded document by hash, saying which one differs when it does not. */
function findRuleset(registry: RulesetRegistry, record: DecisionRecord): void {
  const available = registry.list();
  const recorded: readonly Pick<RulesetReference, 'id' | 'version' | 'sha256'>[] = [
    record.ruleset,
    ...record.ruleset.overlays,
  ];
  for (const [index, wanted] of recorded.entries()) {
    const path = index === 0 ? ['ruleset'] : ['ruleset', 'overlays', index - 1];
    const named = { id: wanted.id, version: wanted.version, sha256: wanted.sha256 };
    if (available.some((summary) => summary.sha256 === wanted.sha256)) continue;
    const namesake = available.find((summary) => summary.id === wanted.id && summary.version === wanted.version);
    if (namesake !== undefined)
      throw new DecisionRecordError({
        path,
        code: 'ruleset_changed',
        ...named,
        found: namesake.sha256,
        message:
          `Decision record ${record.id} was made with ${wanted.id} ${wanted.version} (sha256 ${wanted.sha256}), ` +
          `but the ${wanted.id} ${wanted.version} given has sha256 ${namesake.sha256}: that ruleset has changed since.`,
      });
    throw new DecisionRecordError({
      path,
      code: 'ruleset_not_found',
      ...named,
      message:
        `Decision record ${record.id} was made with ${wanted.id} ${wanted.version} (sha256 ${wanted.sha256}), ` +
        `which is neither bundled nor given: pass that ruleset document (and its overlays) to replay the record.`,
    });
  }
}
