import type { Program } from '../compile/program';
import { INPUT_FACTS } from '../transaction/inputFacts';
import type { ParsedTransaction } from '../transaction/transactionSchema';
import type { FactValue } from '../types/assessment';
import { derive } from './derive';

/** Every fact the ruleset declares, computed once for one transaction; `null` marks an unknown fact. */
export type FactValues = ReadonlyMap<string, FactValue>;

/** Reads the ruleset's input facts from a validated transaction and computes its derived facts, in dependency order. */
export function prepareFacts(program: Program, transaction: ParsedTransaction): FactValues {
  const values = new Map<string, FactValue>();
  const read = (factId: string): FactValue => values.get(factId) ?? null;
  for (const fact of program.facts) {
    const input = INPUT_FACTS.get(fact.id);
    values.set(fact.id, fact.derive === undefined ? (input?.read(transaction) ?? null) : derive(fact.derive, read, program));
  }
  return values;
}
