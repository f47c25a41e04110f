import { createDecisionRecord } from '../../createDecisionRecord';
import { SigningError } from '../../errors/SigningError';
import { fileProblem, invalidArgument } from '../../errors/UsageError';
import { signDecisionRecord } from '../../signDecisionRecord';
import type { Assessment } from '../../types/assessment';
import type { DecisionRecord } from '../../types/decisionRecord';
import type { RecordFlags } from '../commands/recordOptions';
import { readText } from '../io';
import { jsonText } from '../output/safeText';
import { writeOutput } from '../output/sink';

/**
 * Makes, signs (with `--signing-key`) and writes the decision record that `--record` asks for.
 * @returns The record, or `undefined` without `--record`.
 */
export async function writeRecord(
  flags: RecordFlags,
  transaction: unknown,
  assessment: Assessment,
): Promise<DecisionRecord | undefined> {
  if (flags.record === undefined) {
    if (flags.signingKey !== undefined || flags.assessedBy !== undefined)
      throw invalidArgument(
        flags.signingKey !== undefined ? '--signing-key' : '--assessed-by',
        '--signing-key and --assessed-by go with --record FILE (the decision record to write).',
      );
    return undefined;
  }
  const record = createDecisionRecord(
    transaction,
    assessment,
    flags.assessedBy === undefined ? {} : { assessedBy: flags.assessedBy },
  );
  const key =
    flags.signingKey === undefined ? undefined : readText(flags.signingKey, `private key ${flags.signingKey}`);
  const signed = key === undefined ? record : await signWith(record, key, flags.signingKey ?? '');
  // Like --out: written whole under a temporary name, or not at all; a write error stops the run with its reason.
  writeOutput(`${jsonText(signed, 2)}\n`, flags.record);
  return signed;
}

async function signWith(record: DecisionRecord, key: string, file: string): Promise<DecisionRecord> {
  try {
    return await signDecisionRecord(record, key);
  } catch (error) {
    if (error instanceof SigningError)
      throw fileProblem('invalid_file', file, `Cannot sign the decision record with ${file}: ${error.message}`, {
        cause: error,
      });
    throw error;
  }
}
