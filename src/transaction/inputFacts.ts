import type { FactType } from '../types/ruleset';
import { COUNTRY_CODES } from './countryCodes';
import {
  ACTIVITIES,
  CATALOGUE_FIELDS,
  CONCERNS,
  FINDING_SOURCES,
  KNOWLEDGE_LEVELS,
  NATIONAL_RULE_POSITIONS,
  PARTY_ROLES,
  type CatalogueField,
} from './transactionSchema';

/**
 * A transaction field a ruleset may read as an input fact, found at the fixed path its id spells (`item.speciallyDesigned`
 * is `item` → `speciallyDesigned`); absent or `null` anywhere on the path makes the fact unknown.
 */
export interface InputFact {
  readonly type: FactType;
  /** The values the field can take, when the transaction contract fixes them (activities, country codes). */
  readonly values?: readonly string[];
  /** For `records` facts: the fields of each record that derivations may read, with their fixed values (`null`: free text). */
  readonly fields?: Readonly<Record<string, readonly string[] | null>>;
  /** For `records` facts: the fields that hold a list of ids (from a catalogue the ruleset binds, see `answers.fields`). */
  readonly listFields?: readonly string[];
  /**
   * For a field that records a statement of the exporter (a national rule as it understands it), the path of the
   * source it gives with it: the decision report shows the two together, as stated by the exporter.
   */
  readonly statementSource?: readonly string[];
  /** Whether a ruleset may bind the field's values to one of its catalogues. */
  readonly catalogueBound: boolean;
  /** The object keys from the transaction's root to the field. */
  readonly path: readonly string[];
}

const definitions: Record<string, Omit<InputFact, 'catalogueBound' | 'path'>> = {
  activity: { type: 'string', values: ACTIVITIES },
  'exporter.country': { type: 'string', values: COUNTRY_CODES },
  'exporter.itemsLocatedIn': { type: 'string', values: COUNTRY_CODES },
  'exporter.informedByAuthority': { type: 'boolean' },
  'destination.country': { type: 'string', values: COUNTRY_CODES },
  'destination.outsideCustomsTerritory': { type: 'boolean' },
  'item.annexIEntries': { type: 'list' },
  'item.speciallyDesigned': { type: 'boolean' },
  'item.covertSurveillance': { type: 'boolean' },
  'item.naturalPersons': { type: 'boolean' },
  'item.dataProcessing': { type: 'boolean' },
  'item.ictSystems': { type: 'boolean' },
  'item.militaryList': { type: 'boolean' },
  'item.capabilities': { type: 'list' },
  'endUser.name': { type: 'string' },
  'endUser.type': { type: 'string' },
  'endUser.country': { type: 'string', values: COUNTRY_CODES },
  parties: { type: 'records', fields: { role: PARTY_ROLES, name: null, country: COUNTRY_CODES } },
  redFlags: { type: 'list' },
  findings: {
    type: 'records',
    fields: {
      concern: CONCERNS,
      knowledge: KNOWLEDGE_LEVELS,
      source: FINDING_SOURCES,
      indicators: null,
      factors: null,
    },
    listFields: ['indicators', 'factors'],
  },
  'nationalLaw.suspicionRule.position': {
    type: 'string',
    values: NATIONAL_RULE_POSITIONS,
    statementSource: ['nationalLaw', 'suspicionRule', 'source'],
  },
  'dueDiligence.itemReview': { type: 'boolean' },
  'dueDiligence.capabilityReview': { type: 'boolean' },
  'dueDiligence.stakeholderReview': { type: 'boolean' },
  'dueDiligence.mitigationPlan': { type: 'boolean' },
  'dueDiligence.endUseStatementObtained': { type: 'boolean' },
};

/** Every transaction field a ruleset may declare as an input fact, by path. */
export const INPUT_FACTS: ReadonlyMap<string, InputFact> = new Map(
  Object.entries(definitions).map(([path, definition]) => [
    path,
    { ...definition, catalogueBound: isCatalogueField(path), path: Object.freeze(path.split('.')) },
  ]),
);

/** Whether a fact path names a transaction field whose values a ruleset catalogue may constrain. */
export function isCatalogueField(path: string): path is CatalogueField {
  return (CATALOGUE_FIELDS as readonly string[]).includes(path);
}

/**
 * The catalogue-bound fields of a records fact's records, by field name (`findings` → `indicators` →
 * `findings.indicators`): a ruleset binds them with `answers.fields` on the records fact.
 */
export function catalogueRecordFields(factId: string): readonly string[] {
  const prefix = `${factId}.`;
  return CATALOGUE_FIELDS.filter((field) => field.startsWith(prefix)).map((field) => field.slice(prefix.length));
}
