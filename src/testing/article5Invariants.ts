import { DEFAULT_RULESET_ID } from '../rulesets/bundled';
import { bundledInvariantFiles } from './declaredInvariants';
import type { Invariant } from './invariants';

const article5 = bundledInvariantFiles().filter((file) => file.ruleset === DEFAULT_RULESET_ID);

/**
 * The ruleset ids whose package declares `ARTICLE_5_INVARIANTS`.
 * @deprecated Invariants are data of the ruleset package now (`rulesets/<id>/invariants.json`), and
 * `defaultInvariants(ruleset)` adds those declared for the ruleset's id; use `declaredInvariants(id)` to ask which.
 */
export const ARTICLE_5_RULESET_IDS: readonly string[] = article5.map((file) => file.ruleset);

/**
 * Invariants in the vocabulary of the Article 5 rulesets (its activities, knowledge levels and outcomes), read from
 * `rulesets/eu-2021-821-art5/invariants.json`.
 * @deprecated Use `defaultInvariants(ruleset)` (the general invariants plus those the ruleset's package declares), or
 * `declaredInvariants('eu-2021-821-art5')` for these alone; for a revision with another id, read the package's file
 * with `parseInvariants`.
 */
export const ARTICLE_5_INVARIANTS: readonly Invariant[] = article5.flatMap((file) => file.invariants);
