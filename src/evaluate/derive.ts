import type { Program } from '../compile/program';
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
      return (slots) => {
        const ids = slots[of] as FactValue;
        if (ids === null) return null;
        let total = 0;
        for (const id of new Set(ids as readonly string[])) total += entries?.get(id)?.attributes?.[attribute] as number;
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
        const values = new Set<string>();
        for (const id of ids as readonly string[]) {
          const value = entries?.get(id)?.attributes?.[attribute];
          if (typeof value === 'string') values.add(value);
        }
        return [...values].sort();
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

function matches(record: FactRecord, where: Readonly<Record<string, readonly string[]>> | undefined): boolean {
  if (where === undefined) return true;
  for (const field in where) {
    const value = record[field];
    if (value === undefined || !(where[field] as readonly string[]).includes(value)) return false;
  }
  return true;
}
