import type { Program } from '../model/program';
import { createWeightSum } from '../model/weights';
import type { FactRecord, FactValue } from '../types/assessment';
import type { Derivation, RecordFilter } from '../types/ruleset';

/** Where a fact's value sits among a transaction's fact values. */
export type SlotOf = (factId: string) => number;

/** Computes one derived fact from the values already computed (by slot); `null` means unknown. */
export type CompiledDerivation = (slots: readonly FactValue[]) => FactValue;

/**
 * Compiles a derivation into a function of the fact values. Unknown inputs give `null` (unknown), never a default:
 * a derived fact is known only when everything it depends on is known.
 */
export function compileDerivation(derivation: Derivation, slotOf: SlotOf, program: Program): CompiledDerivation {
  switch (derivation.kind) {
    case 'memberOf': {
      const of = slotOf(derivation.of);
      const members = program.catalogues.get(derivation.catalogue);
      return (slots) => {
        const value = slots[of] as FactValue;
        return value === null ? null : (members?.has(value as string) ?? false);
      };
    }
    case 'firstMemberOf': {
      const of = derivation.of.map(slotOf);
      const members = program.catalogues.get(derivation.catalogue);
      const { attribute } = derivation;
      return (slots) => {
        for (const slot of of) {
          const value = slots[slot] as FactValue;
          if (value === null) return null;
          const entry = members?.get(value as string);
          if (entry === undefined) continue;
          if (attribute === undefined) return value;
          // The attribute of the member found; absent or `null` ("not known") leaves the fact unknown.
          const found = Object.hasOwn(entry.attributes ?? {}, attribute) ? entry.attributes?.[attribute] : undefined;
          return found === undefined ? null : found;
        }
        return null;
      };
    }
    case 'firstKnown': {
      const of = derivation.of.map(slotOf);
      return (slots) => {
        for (const slot of of) {
          const value = slots[slot] as FactValue;
          if (value !== null) return value;
        }
        return null;
      };
    }
    case 'lookup': {
      const key = slotOf(derivation.key);
      const entries = program.catalogues.get(derivation.catalogue);
      const { attribute } = derivation;
      return (slots) => {
        const value = slots[key] as FactValue;
        if (value === null) return null;
        const found = entries?.get(value as string)?.attributes?.[attribute];
        return found === undefined ? null : found;
      };
    }
    case 'count': {
      const of = slotOf(derivation.of);
      return (slots) => {
        const value = slots[of] as FactValue;
        return value === null ? null : (value as readonly unknown[]).length;
      };
    }
    case 'sum': {
      const of = slotOf(derivation.of);
      const entries = program.catalogues.get(derivation.catalogue);
      const { attribute } = derivation;
      const sum = createWeightSum((id) => entries?.get(id)?.attributes?.[attribute]);
      return (slots) => {
        const ids = slots[of] as FactValue;
        return ids === null ? null : sum(ids as readonly string[]);
      };
    }
    case 'collect': {
      const of = slotOf(derivation.of);
      const entries = program.catalogues.get(derivation.catalogue);
      const { attribute } = derivation;
      return (slots) => {
        const ids = slots[of] as FactValue;
        if (ids === null) return null;
        const values: string[] = [];
        for (const id of ids as readonly string[]) {
          const value = entries?.get(id)?.attributes?.[attribute];
          // An attribute the catalogue records as not known (`null`), or leaves out, leaves the list unknown, not
          // shorter.
          if (typeof value !== 'string') return null;
          insertSorted(values, value);
        }
        return values;
      };
    }
    case 'maxLevel': {
      const of = slotOf(derivation.of);
      const levels = program.scales.get(derivation.scale) ?? [];
      const top = levels.length - 1;
      const { field, where } = derivation;
      return (slots) => {
        const records = slots[of] as FactValue;
        if (records === null) return null;
        // The strongest level among the records that surely match; and whether a record that may match (its filter
        // field unknown) or whose level is unknown could be stronger still, which leaves the result unknown.
        let best = 0;
        let couldBeStronger = -1;
        for (const record of records as readonly FactRecord[]) {
          const match = matchOf(record, where);
          if (match === FALSE) continue;
          const value = record[field];
          const rank = typeof value === 'string' ? levels.indexOf(value) : top;
          if (match === TRUE && typeof value === 'string') best = Math.max(best, rank);
          else couldBeStronger = Math.max(couldBeStronger, rank);
        }
        return couldBeStronger > best ? null : (levels[best] ?? null);
      };
    }
    case 'anyRecordIn': {
      const of = slotOf(derivation.of);
      const members = program.catalogues.get(derivation.catalogue);
      const { field, where } = derivation;
      return (slots) => {
        const records = slots[of] as FactValue;
        if (records === null) return null;
        // True once a record surely matches with its field in the catalogue; unknown while a record might.
        let open = false;
        for (const record of records as readonly FactRecord[]) {
          const match = matchOf(record, where);
          if (match === FALSE) continue;
          const found = inCatalogue(record[field], members);
          if (found === FALSE) continue;
          if (found === TRUE && match === TRUE) return true;
          open = true;
        }
        return open ? null : false;
      };
    }
    case 'recordsComplete': {
      const of = slotOf(derivation.of);
      const { fields, where } = derivation;
      return (slots) => {
        const records = slots[of] as FactValue;
        if (records === null) return null;
        // A field absent from a record is unknown, not missing: while a record that may match lacks one, whether
        // the records are complete is not known (never false: answering fills the field).
        for (const record of records as readonly FactRecord[]) {
          if (fields.every((name) => record[name] !== undefined)) continue;
          if (matchOf(record, where) !== FALSE) return null;
        }
        return true;
      };
    }
  }
}

/** A three-valued result as a number: false, unknown, true. */
const FALSE = 0;
const UNKNOWN = 1;
const TRUE = 2;

/**
 * Whether a record passes a derivation's filter, in three-valued logic: a listed field with another value fails it;
 * otherwise a field that is unknown (absent from the record) leaves it unknown.
 */
function matchOf(record: FactRecord, where: RecordFilter | undefined): number {
  if (where === undefined) return TRUE;
  let result = TRUE;
  for (const field in where) {
    const value = record[field];
    if (typeof value !== 'string') result = UNKNOWN;
    else if (!(where[field] as readonly string[]).includes(value)) return FALSE;
  }
  return result;
}

/** Whether a record's field (a value, or a list of values) is in a catalogue: unknown when the field is. */
function inCatalogue(
  value: string | readonly string[] | undefined,
  members: ReadonlyMap<string, unknown> | undefined,
): number {
  if (value === undefined) return UNKNOWN;
  if (typeof value === 'string') return members?.has(value) === true ? TRUE : FALSE;
  return value.some((entry) => members?.has(entry) === true) ? TRUE : FALSE;
}

/**
 * Adds a value to a sorted list of distinct values, in the order `Array.prototype.sort` gives strings (UTF-16 code
 * units). For the few values a transaction's list yields (the contract caps lists at a few hundred), this costs less
 * than a Set, a copy and a sort per call.
 */
function insertSorted(values: string[], value: string): void {
  let at = values.length;
  while (at > 0 && (values[at - 1] as string) > value) at--;
  if (at > 0 && values[at - 1] === value) return;
  values.push(value);
  for (let index = values.length - 1; index > at; index--) values[index] = values[index - 1] as string;
  values[at] = value;
}
