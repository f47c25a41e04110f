import { catalogueRecordFields, INPUT_FACTS } from '../transaction/inputFacts';
import type { RulesetDocument } from '../types/ruleset';

/** A statement of the exporter in the transaction, with the source it gave (e.g. a member state's national rule). */
export interface StatedFact {
  readonly fact: string;
  /** The ruleset's title of the fact, or its path where the ruleset is not at hand. */
  readonly title: string;
  readonly value: string;
  readonly source: string;
}

/** Catalogue ids a record of the transaction names (a finding's indicators), with their labels. */
export interface NamedEntries {
  /** The records fact (`findings`) and the record's position in it. */
  readonly fact: string;
  readonly index: number;
  /** The record's own values that say what it is about (`concern: internal-repression`). */
  readonly about: readonly string[];
  /** Each catalogue-bound field of the record with the entries it names. */
  readonly fields: readonly {
    readonly field: string;
    readonly title: string;
    readonly entries: readonly { readonly id: string; readonly label: string }[];
  }[];
}

/** Reads a value at a transaction path without trusting the transaction's shape. */
function valueAt(transaction: unknown, path: readonly string[]): unknown {
  let value = transaction;
  for (const key of path)
    value =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)[key]
        : undefined;
  return value;
}

/**
 * The exporter's statements in the transaction: every field the contract marks as a statement with a source, where
 * the transaction gives it. Titled from the ruleset's fact where the ruleset is at hand. Generic: no field is named
 * here, the contract (`INPUT_FACTS`) says which fields are statements.
 */
export function statedFacts(transaction: unknown, document: RulesetDocument | undefined): StatedFact[] {
  const stated: StatedFact[] = [];
  for (const [fact, input] of INPUT_FACTS) {
    if (input.statementSource === undefined) continue;
    const value = valueAt(transaction, input.path);
    const source = valueAt(transaction, input.statementSource);
    if (typeof value !== 'string' || typeof source !== 'string') continue;
    const title =
      document?.facts !== undefined && Object.hasOwn(document.facts, fact) ? document.facts[fact]?.title : undefined;
    stated.push({ fact, title: title ?? fact, value, source });
  }
  return stated;
}

/**
 * The catalogue ids the records of the transaction name in their catalogue-bound fields (a finding's indicators and
 * factors), with the labels of the ruleset's catalogue entries (the ids themselves where the ruleset is not at hand).
 */
export function namedEntries(transaction: unknown, document: RulesetDocument | undefined): NamedEntries[] {
  const named: NamedEntries[] = [];
  for (const [fact, input] of INPUT_FACTS) {
    if (input.type !== 'records') continue;
    const bindable = catalogueRecordFields(fact);
    const records = valueAt(transaction, input.path);
    if (bindable.length === 0 || !Array.isArray(records)) continue;
    const bound = document?.facts?.[fact]?.answers?.fields ?? {};
    records.forEach((record: unknown, index) => {
      if (typeof record !== 'object' || record === null) return;
      const fields = bindable.flatMap((field) => {
        const ids = (record as Record<string, unknown>)[field];
        if (!Array.isArray(ids) || ids.length === 0) return [];
        const catalogue = Object.hasOwn(bound, field) ? document?.catalogues?.[bound[field] as string] : undefined;
        const entries = ids
          .filter((id): id is string => typeof id === 'string')
          .map((id) => ({ id, label: catalogue?.entries.find((entry) => entry.id === id)?.label ?? id }));
        return [{ field, title: catalogue?.title ?? field, entries }];
      });
      if (fields.length === 0) return;
      const fixed = input.fields ?? {};
      const about = Object.keys(fixed)
        .filter((key) => fixed[key] !== null && !(input.listFields ?? []).includes(key))
        .flatMap((key) => {
          const value = (record as Record<string, unknown>)[key];
          return typeof value === 'string' ? [`${key}: ${value}`] : [`${key}: not given`];
        });
      named.push({ fact, index, about, fields });
    });
  }
  return named;
}
