import type { Program } from '../model/program';
import type { FactRecord, FactValue } from '../types/assessment';
import type { Derivation } from '../types/ruleset';

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
      return (slots) => {
        for (const slot of of) {
          const value = slots[slot] as FactValue;
          if (value === null) return null;
          if (members?.has(value as string) === true) return value;
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
      // One Set for every call rather than one per call: a derivation runs synchronously and calls nothing else.
      const seen = new Set<string>();
      return (slots) => {
        const ids = slots[of] as FactValue;
        if (ids === null) return null;
        let total = 0;
        seen.clear();
        for (const id of ids as readonly string[]) {
          if (seen.has(id)) continue;
          seen.add(id);
          total += entries?.get(id)?.attributes?.[attribute] as number;
        }
        return total;
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
          if (typeof value === 'string') insertSorted(values, value);
        }
        return values;
      };
    }
    case 'maxLevel': {
      const of = slotOf(derivation.of);
      const levels = program.scales.get(derivation.scale) ?? [];
      const { field, where } = derivation;
      return (slots) => {
        const records = slots[of] as FactValue;
        if (records === null) return null;
        let best = 0;
        for (const record of records as readonly FactRecord[]) {
          if (!matches(record, where)) continue;
          best = Math.max(best, levels.indexOf(record[field] as string));
        }
        return levels[best] ?? null;
      };
    }
  }
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

function matches(record: FactRecord, where: Readonly<Record<string, readonly string[]>> | undefined): boolean {
  if (where === undefined) return true;
  for (const field in where) {
    const value = record[field];
    if (value === undefined || !(where[field] as readonly string[]).includes(value)) return false;
  }
  return true;
}
