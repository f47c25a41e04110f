import { name, version } from '../package.json';
import { canonicalJson } from './document/canonicalJson';
import { plainDataIssues } from './document/plainData';
import { DecisionRecordError } from './errors/DecisionRecordError';
import { describeValue } from './errors/describeValue';
import { readOptions, type Refuse } from './errors/readArguments';
import { assessmentIssues } from './evaluate/assessment/givenAssessments';
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
 * @throws {DecisionRecordError} `invalid_record` when the transaction is not plain JSON data; `invalid_argument` when
 * the assessment is not one `assess` returned; `invalid_option` for a malformed option (or a clock or id maker that
 * throws or makes something else).
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
  const { assessedBy, clock, newId } = readOptions<DecisionRecordOptions>(
    options,
    { assessedBy: 'string', clock: 'function', newId: 'function' },
    refuse,
  );
  const unsafe = plainDataIssues(transaction, ['transaction']);
  if (unsafe.length > 0)
    throw new DecisionRecordError(
      { path: ['transaction'], code: 'invalid_record', message: 'The transaction is not plain JSON data:' },
      { details: unsafe },
    );
  const details = assessmentIssues(assessment, ['assessment']);
  if (details.length > 0)
    throw new DecisionRecordError(
      { path: ['assessment'], code: 'invalid_argument', message: 'The assessment is not one assess() returned:' },
      { details },
    );
  const id = call(
    newId ?? (() => globalThis.crypto.randomUUID()),
    'newId',
    (made) => typeof made === 'string' && made !== '',
  );
  const at = call(
    clock ?? (() => new Date()),
    'clock',
    (made) => made instanceof Date && !Number.isNaN(made.getTime()),
  );
  const content = {
    format: DECISION_RECORD_FORMAT,
    id,
    assessedAt: at.toISOString(),
    ...(assessedBy === undefined ? {} : { assessedBy }),
    transaction: JSON.parse(canonicalJson(transaction)) as unknown,
    assessment: JSON.parse(JSON.stringify(assessment)) as Assessment,
    ruleset: JSON.parse(JSON.stringify(assessment.ruleset)) as Assessment['ruleset'],
    package: { name, version },
  } as const;
  return { ...content, sha256: contentSha256(content) };
}

const refuse: Refuse = (issue, cause) => new DecisionRecordError(issue, { cause });

/** What an option's function makes, when `valid` accepts it; its throwing or making something else is `invalid_option`. */
function call<T>(make: () => T, option: 'clock' | 'newId', valid: (made: unknown) => boolean): T {
  let made: T;
  try {
    made = make();
  } catch (cause) {
    throw refuse({ path: ['options', option], code: 'invalid_option', message: `options.${option} threw.` }, cause);
  }
  if (!valid(made))
    throw refuse({
      path: ['options', option],
      code: 'invalid_option',
      message: `options.${option} must make ${option === 'clock' ? 'a valid Date' : 'a non-empty string'}, not ${describeValue(made)}.`,
    });
  return made;
}
