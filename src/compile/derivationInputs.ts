import type { Derivation } from '../types/ruleset';

/** The facts a derivation reads, in the order it reads them. */
export function derivationInputs(derive: Derivation): readonly string[] {
  switch (derive.kind) {
    case 'firstMemberOf':
    case 'firstKnown':
      return derive.of;
    case 'lookup':
      return [derive.key];
    default:
      return [derive.of];
  }
}
