import { readingUntrusted } from '../document/plainData';
import { AssessmentError } from '../errors/AssessmentError';
import { TransactionError } from '../errors/TransactionError';
import { refuseTransaction } from '../transaction/transactionIssues';
import type { CompiledRuleset } from '../types/compiledRuleset';
import type { RulesetRegistry } from '../types/registry';
import { DEFAULT_RULESET_ID } from './bundled';
import { compositionsOf } from './compositions';
import { summarise, type Entry } from './entries';
import { findExact } from './find';
import { loadFrom } from './load';
import { registerDocument } from './register';
import { readId, readLoadOptions, readReference, readRegisterOptions, readSelectOptions } from './registryArguments';
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
  const load = (id: unknown = DEFAULT_RULESET_ID, options?: unknown): CompiledRuleset =>
    loadFrom(entries, sealed, readId(id), readLoadOptions(options));
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
      return registerDocument(entries, document, readRegisterOptions(options), publicKeys);
    },
    list: () => entries.map(summarise),
    load,
    select(transaction, given) {
      const options = readSelectOptions(given);
      return readingUntrusted(
        transaction,
        () => {
          const { ruleset, issues } = selectRuleset(transaction, undefined, options.asOf, (date) =>
            load(options.id, { asOf: date }),
          );
          return ruleset ?? refuseTransaction(issues, transaction);
        },
        (issues) => new TransactionError(issues),
      );
    },
    compositions: (id = DEFAULT_RULESET_ID) => compositionsOf(entries, readId(id)),
    find: (reference) => findExact(entries, sealed, readReference(reference)),
  };
}
