import { name, version } from '../package.json';
import { canonicalJson } from './document/canonicalJson';
import { scanDocument } from './document/scanDocument';
import { DecisionRecordError } from './errors/DecisionRecordError';
import { describeIssues } from './errors/issue';
import { contentSha256 } from './integrity/recordContent';
import type { Assessment } from './types/assessment';
import { DECISION_RECORD_FORMAT, type DecisionRecord, type DecisionRecordOptions } from './types/decisionRecord';

/**
 * Makes the record of one assessment for the exporter's files (Art. 27 of Regulation (EU) 2021/821 asks for records
 * kept at least five years): a random id, the time, who assessed, the transaction in canonical form, the assessment,
 * the exact ruleset (id, version, sha256, overlays) and this package's version, with the sha256 of all of it.
 * Sign it with `signDecisionRecord`; `verifyDecisionRecord` later proves it unaltered and replays it.
 *
 * @param transaction - The transaction as passed to `assess`.
 * @param assessment - What `assess` (or `assessMany`) returned for it.
 * @param options - Who assessed, and the clock and id generator (injectable for tests).
 * @throws {DecisionRecordError} `invalid_record` when the transaction is not plain JSON data.
 *
 * @example
 * import { assess, createDecisionRecord, signDecisionRecord } from 'dual-use-rules';
 *
 * const assessment = await assess(order);
 * const record = createDecisionRecord(order, assessment, { assessedBy: 'export-control@example.com' });
 * const signed = await signDecisionRecord(record, readFileSync('records.key', 'utf8'));
 * writeFileSync(`records/${signed.id}.json`, JSON.stringify(signed, null, 2));
 */
export function createDecisionRecord(
  transaction: unknown,
  assessment: Assessment,
  options: DecisionRecordOptions = {},
): DecisionRecord {
  const issues = scanDocument(transaction);
  if (issues.length > 0)
    throw new DecisionRecordError(
      'invalid_record',
      `The transaction is not plain JSON data:\n${describeIssues(issues)}`,
    );
  const content = {
    format: DECISION_RECORD_FORMAT,
    id: (options.newId ?? (() => globalThis.crypto.randomUUID()))(),
    assessedAt: (options.clock ?? (() => new Date()))().toISOString(),
    ...(options.assessedBy === undefined ? {} : { assessedBy: options.assessedBy }),
    transaction: JSON.parse(canonicalJson(transaction)) as unknown,
    assessment: JSON.parse(JSON.stringify(assessment)) as Assessment,
    ruleset: JSON.parse(JSON.stringify(assessment.ruleset)) as Assessment['ruleset'],
    package: { name, version },
  } as const;
  return { ...content, sha256: contentSha256(content) };
}
