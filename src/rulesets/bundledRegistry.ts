import { RulesetError } from '../errors/RulesetError';
import type { CompiledRuleset } from '../types/compiledRuleset';
import type { RulesetRegistry } from '../types/registry';
import type { RulesetDocument } from '../types/ruleset';
import { BUNDLED_RELEASES, DEFAULT_RULESET_ID } from './bundled';
import type { Entry } from './entries';
import { registryOver } from './registry';
import { replace, replacementIssues } from './replacements';

let bundled: RulesetRegistry | undefined;
let bundledList: readonly Entry[] | undefined;

/**
 * The bundled rulesets, checked like any registration (windows and replacements) except for the (already tested)
 * semantic validation, with the sha256 `npm run generate` computed for each (also tested) rather than computed here.
 */
export function bundledEntries(): readonly Entry[] {
  if (bundledList === undefined) {
    const entries: Entry[] = [];
    for (const release of BUNDLED_RELEASES) {
      const document = release.document as RulesetDocument;
      const replaces = release.replaces ?? [];
      const issues = replacementIssues(entries, document, replaces);
      if (issues.length > 0) throw new RulesetError(issues, document.id);
      entries.push(replace(entries, { document, sha256: release.sha256, replaces, replacedBy: undefined }));
    }
    bundledList = entries;
  }
  return bundledList;
}

/** The registry behind `loadRuleset`, `listRulesets` and `assess` without a ruleset: the bundled rulesets only. */
export function bundledRegistry(): RulesetRegistry {
  bundled ??= registryOver(
    bundledEntries().map((entry) => ({ ...entry })),
    undefined,
    true,
  );
  return bundled;
}

/** The bundled default ruleset (Article 5) in force on `date`, with the overlays in force then: what `assess` uses without a ruleset. */
export function loadBundledDefault(date: string): CompiledRuleset {
  return bundledRegistry().load(DEFAULT_RULESET_ID, { asOf: date });
}
