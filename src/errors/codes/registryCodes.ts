import type { IssueArea } from './area';

/** The codes of documents a registry cannot add: each code's fields beyond `path`, `code` and `message`. */
export interface RegistryIssuePayloads {
  duplicate_version: { readonly version: string; readonly registered: string };
  kind_mismatch: { readonly registeredAs: 'base' | 'overlay' };
  unknown_version: { readonly version: string };
  overlapping_validity: { readonly version: string; readonly other: string };
  validity_gap: { readonly version: string; readonly other: string };
  rollback: { readonly version: string };
  replaces_not_signed: Record<never, never>;
}

/** How the codes of a registry are documented. */
export const REGISTRY_ISSUES: IssueArea<RegistryIssuePayloads> = {
  title: 'Registries',
  reportedBy:
    '`RulesetError` from `createRulesetRegistry().register`: the versions of one ruleset must tile legal time.',
  codes: {
    duplicate_version: {
      means: 'This version is already registered with other content (`registered` is its sha256).',
      raisedIn: ['rulesets/register'],
      example: ['version'],
      fix: 'Give the revision a new version; released law never changes in place.',
    },
    kind_mismatch: {
      means: 'The id is already registered as the other kind (`registeredAs`).',
      raisedIn: ['rulesets/register'],
      example: ['kind'],
      fix: 'Give the document its own id.',
    },
    unknown_version: {
      means: '`replaces` names a version that is not registered, or already replaced.',
      raisedIn: ['rulesets/replacements'],
      example: [],
      fix: 'Name a current version of the same id.',
    },
    overlapping_validity: {
      means: 'The validity window shares days with that of version `other`.',
      raisedIn: ['rulesets/windows'],
      example: ['validity'],
      fix: 'Close the earlier window the day before, or register with `replaces`.',
    },
    rollback: {
      means:
        'Registering would roll legal time back: `replaces` names a version (`version`) not older than the ' +
        'document, or a newer version is already registered for the same days.',
      raisedIn: ['rulesets/replacements'],
      example: ['version'],
      fix: 'Give a revision a version above every registered one; a version is only ever replaced by a newer one.',
    },
    replaces_not_signed: {
      means: "With public keys configured, `replaces` differs from what the document's signature covers.",
      raisedIn: ['rulesets/register'],
      example: [],
      fix: 'Sign the document again with the versions it replaces (`dual-use-rules sign --replaces`), or leave replaces out.',
    },
    validity_gap: {
      means: 'Between this version and `other` some days have no version in force.',
      raisedIn: ['rulesets/windows'],
      example: ['validity'],
      fix: 'Start the later window the day after the earlier one ends.',
    },
  },
};
