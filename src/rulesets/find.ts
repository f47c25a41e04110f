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
    ...(base === undefined
      ? [
          {
            path: ['reference'],
            id: reference.id,
            text: `"${reference.id}" ${reference.version} (sha256 ${reference.sha256})`,
          },
        ]
      : []),
    ...reference.overlays.flatMap((overlay, index) =>
      overlays[index] === undefined
        ? [
            {
              path: ['reference', 'overlays', index],
              id: overlay.id,
              text: `overlay "${overlay.id}" ${overlay.version} (sha256 ${overlay.sha256})`,
            },
          ]
        : [],
    ),
  ];
  const [first] = missing;
  if (base === undefined || first !== undefined) {
    throw new AssessmentError({
      path: first?.path ?? ['reference'],
      code: 'unknown_ruleset',
      id: first?.id ?? reference.id,
      message:
        `The exact ruleset is not ${sealed ? 'bundled' : 'registered'}: ${missing.map(({ text }) => text).join(', ')}. ` +
        `Register the document it was made with to replay it.`,
    });
  }
  return compose(base, overlays as Entry[]);
}
