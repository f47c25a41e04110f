import { canonicalJson, canonicalSha256 } from '../document/canonicalJson';
import { DecisionRecordError } from '../errors/DecisionRecordError';
import { DECISION_RECORD_FORMAT, type DecisionRecord } from '../types/decisionRecord';

/** A record's content: every field but `sha256` and `signature`, which are computed from it. */
export function recordContent(record: DecisionRecord): Omit<DecisionRecord, 'sha256' | 'signature'> {
  const content: Record<string, unknown> = { ...record };
  delete content['sha256'];
  delete content['signature'];
  return content as Omit<DecisionRecord, 'sha256' | 'signature'>;
}

/** The bytes a record's hash and signature cover: its content in canonical JSON. */
export function canonicalContent(record: DecisionRecord): string {
  return canonicalJson(recordContent(record));
}

/** sha256 (hex) of a record's content in canonical JSON. */
export function contentSha256(content: unknown): string {
  return canonicalSha256(content);
}

/**
 * Checks that a record's content still hashes to its `sha256`.
 * @throws {DecisionRecordError} `record_changed`, naming both hashes.
 */
export function checkIntact(record: DecisionRecord): void {
  const actual = contentSha256(recordContent(record));
  if (actual !== record.sha256)
    throw new DecisionRecordError(
      'record_changed',
      `The decision record ${record.id} has changed since it was made: its content hashes to sha256 ${actual}, ` +
        `but the record says ${record.sha256}.`,
    );
}

/**
 * A value read as a decision record, its shape checked field by field.
 * @throws {DecisionRecordError} `invalid_record`, naming the first field that is missing or wrong.
 */
export function readDecisionRecord(value: unknown): DecisionRecord {
  const problem = shapeProblem(value);
  if (problem !== undefined)
    throw new DecisionRecordError('invalid_record', `This is not a decision record: ${problem}.`);
  return value as DecisionRecord;
}

function shapeProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'expected a JSON object';
  if (value['format'] !== DECISION_RECORD_FORMAT) return `format must be "${DECISION_RECORD_FORMAT}"`;
  if (typeof value['id'] !== 'string' || value['id'] === '') return 'id must be a string';
  if (typeof value['assessedAt'] !== 'string' || Number.isNaN(Date.parse(value['assessedAt'])))
    return 'assessedAt must be an ISO 8601 time';
  if (value['assessedBy'] !== undefined && typeof value['assessedBy'] !== 'string')
    return 'assessedBy must be a string';
  if (!('transaction' in value)) return 'transaction is missing';
  const assessment = value['assessment'];
  if (!isObject(assessment) || typeof assessment['outcome'] !== 'string') return 'assessment must be an assessment';
  const ruleset = value['ruleset'];
  if (!isObject(ruleset) || typeof ruleset['sha256'] !== 'string') return 'ruleset must name the ruleset';
  if (canonicalJson(ruleset) !== canonicalJson(assessment['ruleset']))
    return 'ruleset must be the ruleset the assessment names (assessment.ruleset)';
  const origin = value['package'];
  if (!isObject(origin) || typeof origin['name'] !== 'string' || typeof origin['version'] !== 'string')
    return 'package must give name and version';
  if (typeof value['sha256'] !== 'string' || !/^[0-9a-f]{64}$/.test(value['sha256']))
    return 'sha256 must be 64 lowercase hex digits';
  const signature = value['signature'];
  if (
    signature !== undefined &&
    !(isObject(signature) && typeof signature['protected'] === 'string' && typeof signature['signature'] === 'string')
  )
    return 'signature must be a JWS { protected, signature }';
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The key id a record's signature header names (read, not verified), or `undefined` when unsigned or unreadable. */
export function signingKeyIdOf(record: DecisionRecord): string | undefined {
  const encoded = record.signature?.protected;
  if (encoded === undefined) return undefined;
  try {
    const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const header = JSON.parse(new TextDecoder().decode(bytes)) as { kid?: unknown };
    return typeof header.kid === 'string' ? header.kid : undefined;
  } catch {
    return undefined;
  }
}
