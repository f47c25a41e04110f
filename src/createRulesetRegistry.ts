import { readOptions } from './errors/readArguments';
import { bundledEntries } from './rulesets/bundledRegistry';
import type { Entry } from './rulesets/entries';
import { registryOver } from './rulesets/registry';
import { refuseCall } from './rulesets/registryArguments';
import type { RegistryOptions, RulesetRegistry } from './types/registry';

/**
 * Creates a registry of rulesets: by default the bundled ones, to which you add your own (revised or national)
 * documents; dates then select among all of them.
 *
 * @example
 * const registry = createRulesetRegistry({ publicKeys: [readFileSync('approvers.pub', 'utf8')] });
 * registry.register(revised, { signatures: [signature], replaces: ['2.3.2'] });
 * const assessment = await assess(transaction, { ruleset: registry.select(transaction) });
 */
export function createRulesetRegistry(given: RegistryOptions = {}): RulesetRegistry {
  const options = readOptions<RegistryOptions>(given, { bundled: 'boolean', publicKeys: 'strings' }, refuseCall);
  const entries: Entry[] = [];
  if (options.bundled ?? true) for (const entry of bundledEntries()) entries.push({ ...entry });
  return registryOver(entries, options.publicKeys);
}
