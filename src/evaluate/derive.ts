import type { Program } from '../compile/program';
import type { FactRecord, FactValue } from '../types/assessment';
import type { Derivation } from '../types/ruleset';

/** Reads an already computed fact; `null` means unknown. */
export type FactReader = (factId: string) => FactValue;

/**
 * Computes a derived fact. Unknown inputs give `null` (unknown), never a default:
 * a derived fact is known only when everything it depends on is known.
 */
export function derive(derivation: Derivation, read: FactReader, program: Program): FactValue {
  switch (derivation.kind) {
    case 'memberOf': {
      const value = read(derivation.of);
      return value === null ? null : (program.catalogues.get(derivation.catalogue)?.has(value as string) ?? false);
    }
    case 'firstMemberOf': {
      const members = program.catalogues.get(derivation.catalogue);
      for (const factId of derivation.of) {
        const value = read(factId);
        if (value === null) return null;
        if (members?.has(value as string) === true) return value;
      }
      return null;
    }
    case 'lookup': {
      const key = read(derivation.key);
      if (key === null) return null;
      const value = program.catalogues.get(derivation.catalogue)?.get(key as string)?.attributes?.[derivation.attribute];
      return value === undefined ? null : value;
    }
    case 'count': {
      const value = read(derivation.of);
      return value === null ? null : (value as readonly unknown[]).length;
    }
    case 'sum': {
      const ids = read(derivation.of);
      if (ids === null) return null;
      const entries = program.catalogues.get(derivation.catalogue);
      let total = 0;
      for (const id of new Set(ids as readonly string[])) total += entries?.get(id)?.attributes?.[derivation.attribute] as number;
      return total;
    }
    case 'collect': {
      const ids = read(derivation.of);
      if (ids === null) return null;
      const entries = program.catalogues.get(derivation.catalogue);
      const values = new Set<string>();
      for (const id of ids as readonly string[]) {
        const value = entries?.get(id)?.attributes?.[derivation.attribute];
        if (typeof value === 'string') values.add(value);
      }
      return [...values].sort();
    }
    case 'maxLevel': {
      const records = read(derivation.of);
      if (records === null) return null;
      const levels = program.scales.get(derivation.scale) ?? [];
      let best = 0;
      for (const record of records as readonly FactRecord[]) {
        if (!matches(record, derivation.where)) continue;
        best = Math.max(best, levels.indexOf(record[derivation.field] as string));
      }
      return levels[best] ?? null;
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
