import type { FactRecord, FactValue } from '../types/assessment';
import type { FactType } from '../types/ruleset';
import { COUNTRY_CODES } from './countryCodes';
import {
  ACTIVITIES,
  CATALOGUE_FIELDS,
  CONCERNS,
  FINDING_SOURCES,
  KNOWLEDGE_LEVELS,
  PARTY_ROLES,
  type CatalogueField,
  type ParsedTransaction,
} from './transactionSchema';

/** How a ruleset may read one transaction field: its fact type and a fixed accessor (no dynamic paths). */
export interface InputFact {
  readonly type: FactType;
  /** The values the field can take, when the transaction contract fixes them (activities, country codes). */
  readonly values?: readonly string[];
  /** For `records` facts: the fields of each record that derivations may read, with their fixed values (`null`: free text). */
  readonly fields?: Readonly<Record<string, readonly string[] | null>>;
  /** Whether a ruleset may bind the field's values to one of its catalogues. */
  readonly catalogueBound: boolean;
  readonly read: (transaction: ParsedTransaction) => FactValue;
}

const known = <T>(value: T | null | undefined): T | null => (value === undefined ? null : value);

const definitions: Record<string, Omit<InputFact, 'catalogueBound'>> = {
  activity: { type: 'string', values: ACTIVITIES, read: (t) => t.activity },
  'exporter.country': { type: 'string', values: COUNTRY_CODES, read: (t) => t.exporter.country },
  'exporter.itemsLocatedIn': { type: 'string', values: COUNTRY_CODES, read: (t) => known(t.exporter.itemsLocatedIn) },
  'exporter.informedByAuthority': { type: 'boolean', read: (t) => known(t.exporter.informedByAuthority) },
  'destination.country': { type: 'string', values: COUNTRY_CODES, read: (t) => t.destination.country },
  'item.annexIEntries': { type: 'list', read: (t) => known(t.item?.annexIEntries) },
  'item.speciallyDesigned': { type: 'boolean', read: (t) => known(t.item?.speciallyDesigned) },
  'item.covertSurveillance': { type: 'boolean', read: (t) => known(t.item?.covertSurveillance) },
  'item.naturalPersons': { type: 'boolean', read: (t) => known(t.item?.naturalPersons) },
  'item.dataProcessing': { type: 'boolean', read: (t) => known(t.item?.dataProcessing) },
  'item.ictSystems': { type: 'boolean', read: (t) => known(t.item?.ictSystems) },
  'item.capabilities': { type: 'list', read: (t) => known(t.item?.capabilities) },
  'endUser.name': { type: 'string', read: (t) => known(t.endUser?.name) },
  'endUser.type': { type: 'string', read: (t) => known(t.endUser?.type) },
  'endUser.country': { type: 'string', values: COUNTRY_CODES, read: (t) => known(t.endUser?.country) },
  parties: { type: 'records', fields: { role: PARTY_ROLES, name: null, country: COUNTRY_CODES }, read: (t) => known(t.parties?.map(compactRecord)) },
  redFlags: { type: 'list', read: (t) => known(t.redFlags) },
  findings: { type: 'records', fields: { concern: CONCERNS, knowledge: KNOWLEDGE_LEVELS, source: FINDING_SOURCES }, read: (t) => known(t.findings?.map(compactRecord)) },
  'dueDiligence.itemReview': { type: 'boolean', read: (t) => known(t.dueDiligence?.itemReview) },
  'dueDiligence.capabilityReview': { type: 'boolean', read: (t) => known(t.dueDiligence?.capabilityReview) },
  'dueDiligence.stakeholderReview': { type: 'boolean', read: (t) => known(t.dueDiligence?.stakeholderReview) },
  'dueDiligence.mitigationPlan': { type: 'boolean', read: (t) => known(t.dueDiligence?.mitigationPlan) },
};

/** A record with its unknown (null or absent) fields left out, so derivations see only what is known. */
function compactRecord(record: Readonly<Record<string, string | null | undefined>>): FactRecord {
  const compact: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) if (value !== null && value !== undefined) compact[key] = value;
  return compact;
}

/** Every transaction field a ruleset may declare as an input fact, by path. */
export const INPUT_FACTS: ReadonlyMap<string, InputFact> = new Map(
  Object.entries(definitions).map(([path, definition]) => [
    path,
    { ...definition, catalogueBound: isCatalogueField(path) },
  ]),
);

/** Whether a fact path names a transaction field whose values a ruleset catalogue may constrain. */
export function isCatalogueField(path: string): path is CatalogueField {
  return (CATALOGUE_FIELDS as readonly string[]).includes(path);
}
