import { DEFAULT_RULESET_ID } from './rulesets/bundled';
import { bundledRegistry } from './rulesets/bundledRegistry';
import type { CompiledRuleset } from './types/compiledRuleset';
import type { LoadOptions, RulesetSummary } from './types/registry';

/**
 * Lists the rulesets bundled with the package: every version of every base ruleset, and the national overlays.
 *
 * @example
 * for (const r of listRulesets()) console.log(r.id, r.version, r.validity.from, r.validity.to ?? 'open');
 */
export function listRulesets(): RulesetSummary[] {
  return bundledRegistry().list();
}

/**
 * Loads a bundled ruleset, compiled once and cached: by default the current version in force on `asOf` (default
 * today; a version a correction replaced is not chosen by date), with the national overlays in force on that date
 * composed in. `version` loads any bundled version, replaced ones included. Each overlay's rules test the member state they
 * concern, so composing them never changes the answer for exporters elsewhere. Your own rulesets go in a registry
 * of their own (`createRulesetRegistry`), which selects among them and the bundled ones the same way.
 *
 * @param id - Ruleset id; default `eu-2021-821-art5`.
 * @throws {AssessmentError} `unknown_ruleset` when no such id or version is bundled; `ruleset_not_in_force` when no
 * version is in force on the date (the message names every version's window); `invalid_option` for a malformed date.
 *
 * @example
 * const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' });
 * ruleset.version; // '2.3.2' (the correction of 2.3.1, itself of 2.3.0, 2.2.0, 2.1.0 and 2.0.0, for the same legal time)
 * loadRuleset('eu-2021-821-art5', { version: '2.1.0' }).version; // '2.1.0', still bundled for replay
 */
export function loadRuleset(id: string = DEFAULT_RULESET_ID, options: LoadOptions = {}): CompiledRuleset {
  return bundledRegistry().load(id, options);
}
