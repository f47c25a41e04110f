import { compiledRuntime } from '../../compile/compiledRuntime';
import { prepareFacts, type FactValues } from '../../evaluate/prepareFacts';
import type { Transaction } from '../../transaction/transactionSchema';
import type { FactValue } from '../../types/assessment';
import type { CompiledRuleset } from '../../types/compiledRuleset';

/**
 * Why a completion contradicts its partial transaction through a `firstKnown` fact, or `undefined` when it does not.
 *
 * `firstKnown` reads several sources of one fact (a national rule: the ruleset's record, else the exporter's
 * statement) and takes the first that is known. Where an earlier source is unknown, a later, known one answers; a
 * completion that gives the earlier source another value contradicts what the partial transaction states, so it is
 * not one of its completions. (Where the sources do disagree, the earlier one decides, and a ruleset can say so in a
 * note, as the Article 5 ruleset 2.1.0 does.)
 *
 * @param partial - With the ruleset it is assessed with.
 * @param completion - With the ruleset it is assessed with (the same, or one whose unknown data is completed).
 */
export function firstKnownContradiction(
  partial: { readonly ruleset: CompiledRuleset; readonly transaction: Transaction },
  completion: { readonly ruleset: CompiledRuleset; readonly transaction: Transaction },
): string | undefined {
  const before = factsOf(partial.ruleset, partial.transaction);
  const after = factsOf(completion.ruleset, completion.transaction);
  for (const [factId, fact] of Object.entries(partial.ruleset.document.facts ?? {})) {
    if (fact.derive?.kind !== 'firstKnown') continue;
    const sources = fact.derive.of;
    const answering = sources.findIndex((source) => known(before.get(source)));
    if (answering <= 0) continue;
    const stated = before.get(sources[answering] as string);
    for (const earlier of sources.slice(0, answering)) {
      const completed = after.get(earlier);
      if (known(completed) && completed !== stated)
        return `"${factId}" is ${JSON.stringify(stated)} from "${sources[answering]}", but the completion gives "${earlier}", read first, ${JSON.stringify(completed)}.`;
    }
  }
  return undefined;
}

const known = (value: FactValue | undefined): boolean => value !== undefined && value !== null;

function factsOf(ruleset: CompiledRuleset, transaction: Transaction): FactValues {
  const runtime = compiledRuntime(ruleset, ['ruleset']);
  return prepareFacts(runtime.factPlan, runtime.readTransaction(transaction).inputs);
}
