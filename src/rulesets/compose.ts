import { compileComposition } from '../compile/compileComposition';
import type { CompiledRuleset } from '../types/compiledRuleset';
import type { Entry } from './entries';

/** Compiled compositions, by the hashes of their documents: the same content compiles once, whichever registry asks. */
const compiledByContent = new Map<string, CompiledRuleset>();

/** Compiles a base with overlays, once per distinct content. */
export function compose(base: Entry, overlays: readonly Entry[]): CompiledRuleset {
  const key = [base, ...overlays].map((entry) => entry.sha256).join('+');
  let ruleset = compiledByContent.get(key);
  if (ruleset === undefined) {
    ruleset = compileComposition(base.document, { overlays: overlays.map((overlay) => overlay.document) });
    compiledByContent.set(key, ruleset);
  }
  return ruleset;
}
