import type { IssuePath } from '../../../src/errors/issue';

/** The issue a hostile document must be refused with (among any others). */
export interface ExpectedIssue {
  readonly code: string;
  readonly path: IssuePath;
}

/**
 * One document of the hostile corpus. JSON cases (`rulesets/*.json`) hold the document as data; generator cases
 * (`rulesets/*.ts`, default export) build what JSON cannot express: cycles, getters, proxies, 10,000-level nesting,
 * documents too large to keep as files.
 */
export interface HostileRulesetCase {
  /** What the document attempts, and the bug it found if it found one. */
  readonly about: string;
  readonly refusedWith: ExpectedIssue;
  readonly document: () => unknown;
  readonly overlays?: () => unknown[];
}
