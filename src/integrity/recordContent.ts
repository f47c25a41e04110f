import { canonicalJson, canonicalSha256 } from '../document/canonicalJson';
import { plainDataIssues } from '../document/plainData';
import { DecisionRecordError } from '../errors/DecisionRecordError';
import type { IssuePath } from '../errors/issue';
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
    throw new DecisionRecordError({
      path: ['sha256'],
      code: 'record_changed',
      recorded: record.sha256,
      actual,
      message:
        `The decision record ${record.id} has changed since it was made: its content hashes to sha256 ${actual}, ` +
        `but the record says ${record.sha256}.`,
    });
}

/**
 * A value read as a decision record: plain JSON data (no getter, proxy, cycle or nesting that would overflow the
 * hashing), its shape checked field by field.
 * @throws {DecisionRecordError} `invalid_record`, naming what is not plain data, or the first field that is missing
 * or wrong.
 */
export function readDecisionRecord(value: unknown): DecisionRecord {
  const unsafe = plainDataIssues(value);
  if (unsafe.length > 0)
    throw new DecisionRecordError(
      { path: [], code: 'invalid_record', message: 'This is not a decision record: it is not plain JSON data:' },
      { details: unsafe },
    );
  const problem = shapeProblem(value);
  if (problem !== undefined)
    throw new DecisionRecordError({
      path: problem.path,
      code: 'invalid_record',
      message: `This is not a decision record: ${problem.text}.`,
    });
  return value as DecisionRecord;
}

/** The first field of a would-be record that is missing or wrong, and what is wrong with it. */
function shapeProblem(value: unknown): { readonly path: IssuePath; readonly text: string } | undefined {
  const at = (field: string, text: string) => ({ path: [field], text });
  if (!isObject(value)) return { path: [], text: 'expected a JSON object' };
  if (value['format'] !== DECISION_RECORD_FORMAT) return at('format', `format must be "${DECISION_RECORD_FORMAT}"`);
  if (typeof value['id'] !== 'string' || value['id'] === '') return at('id', 'id must be a string');
  if (typeof value['assessedAt'] !== 'string' || Number.isNaN(Date.parse(value['assessedAt'])))
    return at('assessedAt', 'assessedAt must be an ISO 8601 time');
  if (value['assessedBy'] !== undefined && typeof value['assessedBy'] !== 'string')
    return at('assessedBy', 'assessedBy must be a string');
  if (!('transaction' in value)) return at('transaction', 'transaction is missing');
  const assessment = value['assessment'];
  if (!isObject(assessment) || typeof assessment['outcome'] !== 'string')
    return at('assessment', 'assessment must be an assessment');
  const ruleset = value['ruleset'];
  if (!isObject(ruleset) || typeof ruleset['sha256'] !== 'string')
    return at('ruleset', 'ruleset must name the ruleset');
  if (canonicalJson(ruleset) !== canonicalJson(assessment['ruleset']))
    return at('ruleset', 'ruleset must be the ruleset the assessment names (assessment.ruleset)');
  const origin = value['package'];
  if (!isObject(origin) || typeof origin['name'] !== 'string' || typeof origin['version'] !== 'string')
    return at('package', 'package must give name and version');
  if (typeof value['sha256'] !== 'string' || !/^[0-9a-f]{64}$/.test(value['sha256']))
    return at('sha256', 'sha256 must be 64 lowercase hex digits');
  const signature = value['signature'];
  if (
    signature !== undefined &&
    !(isObject(signature) && typeof signature['protected'] === 'string' && typeof signature['signature'] === 'string')
  )
    return at('signature', 'signature must be a JWS { protected, signature }');
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
