import { minimalRuleset } from '../../support/minimalRuleset';

/** The citation every generated part uses. */
export const cite = { source: 'reg', pinpoint: 'Art. 1', confidence: 'verified' } as const;

/** A fresh copy of the small valid base ruleset the generators break, typed loosely so they can break it. */
export function baseRuleset(): Record<string, any> {
  return minimalRuleset() as Record<string, any>;
}

/** A valid overlay of the base ruleset, adding nothing yet. */
export function baseOverlay(): Record<string, any> {
  return {
    id: 'test-overlay',
    version: '1.0.0',
    kind: 'overlay',
    extends: 'test-minimal',
    title: 'Overlay',
    validity: { from: '2021-09-09', to: null },
    sources: {},
  };
}
