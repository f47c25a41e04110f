import { plainDataIssues } from '../document/plainData';
import { AssessmentError } from '../errors/AssessmentError';
import { describeValue } from '../errors/describeValue';
import { forEachOf } from '../errors/readArguments';
import type { Transaction } from '../transaction/transactionSchema';
import { refuseArgument } from './kitArguments';

/**
 * The transaction fields that can be unknown, as paths: blanking any of them (absent or `null`) makes that fact unknown.
 * A path through a list of records (`findings.knowledge`) blanks that field in every record of the list.
 * `activity`, `exporter.country` and `destination.country` are always known (required or defaulted).
 */
export const UNKNOWABLE_FIELDS = [
  'exporter.itemsLocatedIn',
  'exporter.informedByAuthority',
  'destination.outsideCustomsTerritory',
  'item.annexIEntries',
  'item.speciallyDesigned',
  'item.covertSurveillance',
  'item.naturalPersons',
  'item.dataProcessing',
  'item.ictSystems',
  'item.militaryList',
  'item.capabilities',
  'endUser.name',
  'endUser.type',
  'endUser.country',
  'parties',
  'parties.name',
  'parties.country',
  'redFlags',
  'findings',
  'findings.knowledge',
  'nationalLaw.suspicionRule',
  'dueDiligence.itemReview',
  'dueDiligence.capabilityReview',
  'dueDiligence.stakeholderReview',
  'dueDiligence.mitigationPlan',
  'dueDiligence.endUseStatementObtained',
] as const;

/** One of the `UNKNOWABLE_FIELDS`. */
export type UnknowableField = (typeof UNKNOWABLE_FIELDS)[number];

/**
 * A transaction with the given fields made unknown: each becomes absent or `null`, chosen by `useNull`.
 * An absent field is left out of a fresh object rather than deleted: after `delete`, V8 usually keeps an object's
 * properties in a slow dictionary, unlike the objects `JSON.parse` returns, and every read of such a transaction
 * costs more.
 */
export function withUnknown(transaction: Transaction, fields: Iterable<UnknowableField>, useNull = false): Transaction {
  const unsafe = plainDataIssues(transaction, ['transaction']);
  if (unsafe.length > 0 || typeof transaction !== 'object' || transaction === null || Array.isArray(transaction))
    throw new AssessmentError(
      {
        path: ['transaction'],
        code: 'invalid_argument',
        message: 'transaction must be a transaction, as plain JSON data:',
      },
      { details: unsafe },
    );
  const blanked: UnknowableField[] = [];
  forEachOf(
    fields,
    ['fields'],
    (issue, cause) => new AssessmentError(issue, { cause }),
    (field) => {
      if (!(UNKNOWABLE_FIELDS as readonly unknown[]).includes(field))
        throw refuseArgument(['fields', blanked.length], `${describeValue(field)} is not one of UNKNOWABLE_FIELDS.`);
      blanked.push(field as UnknowableField);
    },
  );
  if (typeof useNull !== 'boolean')
    throw refuseArgument(['useNull'], `useNull must be true or false, not ${describeValue(useNull)}.`);
  let copy = structuredClone(transaction) as Record<string, unknown>;
  for (const field of blanked) {
    const [head, tail] = field.split('.') as [string, string | undefined];
    if (tail === undefined) {
      if (useNull) copy[head] = null;
      else copy = without(copy, head);
      continue;
    }
    const target = copy[head];
    if (target === undefined || target === null) continue;
    // A field is blanked inside a record or in every record of a list; any other value there is not a transaction.
    const notRecord = Array.isArray(target)
      ? target.findIndex((record) => !isRecord(record))
      : isRecord(target)
        ? -1
        : 0;
    if (notRecord >= 0)
      throw refuseArgument(
        Array.isArray(target) ? ['transaction', head, notRecord] : ['transaction', head],
        `transaction.${head} must hold records to blank ${field}, not ${describeValue(target)}.`,
      );
    if (Array.isArray(target))
      copy[head] = (target as Record<string, unknown>[]).map((record) =>
        useNull ? { ...record, [tail]: null } : without(record, tail),
      );
    else if (useNull) (target as Record<string, unknown>)[tail] = null;
    else copy[head] = without(target as Record<string, unknown>, tail);
  }
  return copy as Transaction;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of `record` without `key`, its other properties in their order. */
function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}
