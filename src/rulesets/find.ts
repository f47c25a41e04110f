import { AssessmentError } from '../errors/AssessmentError';
import type { RulesetReference } from '../types/assessment';
import type { CompiledRuleset } from '../types/compiledRuleset';
import { compose } from './compose';
import type { Entry } from './entries';

/** `RulesetRegistry.find` over a registry's entries: the base and overlays an assessment names, by sha256, replaced versions included. */
export function findExact(entries: readonly Entry[], sealed: boolean, reference: RulesetReference): CompiledRuleset {
  const byHash = (sha256: string, kind: 'base' | 'overlay', id: string) =>
    entries.find((entry) => entry.sha256 === sha256 && entry.document.kind === kind && entry.document.id === id);
  const base = byHash(reference.sha256, 'base', reference.id);
  const overlays = reference.overlays.map((overlay) => byHash(overlay.sha256, 'overlay', overlay.id));
  const missing = [
    ...(base === undefined ? [`"${reference.id}" ${reference.version} (sha256 ${reference.sha256})`] : []),
    ...reference.overlays
      .filter((_, index) => overlays[index] === undefined)
      .map((overlay) => `overlay "${overlay.id}" ${overlay.version} (sha256 ${overlay.sha256})`),
  ];
  if (base === undefined || missing.length > 0) {
    throw new AssessmentError(
      'unknown_ruleset',
      `The exact ruleset is not ${sealed ? 'bundled' : 'registered'}: ${missing.join(', ')}. ` +
        `Register the document it was made with to replay it.`,
    );
  }
  return compose(base, overlays as Entry[]);
}
