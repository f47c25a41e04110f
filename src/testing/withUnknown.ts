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
    const target = copy[head] as Record<string, unknown> | Record<string, unknown>[] | null | undefined;
    if (target === undefined || target === null) continue;
    if (Array.isArray(target))
      copy[head] = target.map((record) => (useNull ? { ...record, [tail]: null } : without(record, tail)));
    else if (useNull) target[tail] = null;
    else copy[head] = without(target, tail);
  }
  return copy as Transaction;
}

/** A copy of `record` without `key`, its other properties in their order. */
function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}
