import { AssessmentError } from '../errors/AssessmentError';
import { refuseTransaction } from '../transaction/transactionIssues';
import type { CompiledRuleset } from '../types/compiledRuleset';
import type { LoadOptions, RulesetRegistry } from '../types/registry';
import { DEFAULT_RULESET_ID } from './bundled';
import { compositionsOf } from './compositions';
import { summarise, type Entry } from './entries';
import { findExact } from './find';
import { loadFrom } from './load';
import { registerDocument } from './register';
import { selectRuleset } from './selectRuleset';

/**
 * A registry over `entries`, which it owns and adds to. With `publicKeys`, every document registered must be signed
 * by one of them; a `sealed` registry (the bundled one) refuses registrations.
 */
export function registryOver(
  entries: Entry[],
  publicKeys: readonly string[] | undefined,
  sealed = false,
): RulesetRegistry {
  const load = (id: string = DEFAULT_RULESET_ID, options: LoadOptions = {}): CompiledRuleset =>
    loadFrom(entries, sealed, id, options);
  return {
    register(document, options = {}) {
      if (sealed)
        throw new AssessmentError({
          path: [],
          code: 'invalid_option',
          message:
            'The bundled rulesets cannot be changed; create a registry with createRulesetRegistry() and ' +
            'register documents there.',
        });
      return registerDocument(entries, document, options, publicKeys);
    },
    list: () => entries.map(summarise),
    load,
    select(transaction, options = {}) {
      const { ruleset, issues } = selectRuleset(transaction, undefined, options.asOf, (date) =>
        load(options.id, { asOf: date }),
      );
      return ruleset ?? refuseTransaction(issues, transaction);
    },
    compositions: (id = DEFAULT_RULESET_ID) => compositionsOf(entries, id),
    find: (reference) => findExact(entries, sealed, reference),
  };
}
