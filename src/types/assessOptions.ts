import type { CompiledRuleset } from './compiledRuleset';

/** Options for `assess`, `assessMany` and `assessEach`. */
export interface AssessOptions {
  /** The ruleset to apply. Default: the bundled Article 5 ruleset in force on the transaction's date (or `asOf`). */
  readonly ruleset?: CompiledRuleset;
  /** The date (`YYYY-MM-DD`) to assess on when the transaction has no `date`. Default: today (UTC). */
  readonly asOf?: string;
}
