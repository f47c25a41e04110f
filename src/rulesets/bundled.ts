import deAwv941v100 from '../../rulesets/de-awv-9-4/1.0.0.json';
import deAwv941v110 from '../../rulesets/de-awv-9-4/1.1.0.json';
import art5v100 from '../../rulesets/eu-2021-821-art5/1.0.0.json';
import art5v110 from '../../rulesets/eu-2021-821-art5/1.1.0.json';
import art5v200 from '../../rulesets/eu-2021-821-art5/2.0.0.json';
import art5v210 from '../../rulesets/eu-2021-821-art5/2.1.0.json';
import art5Invariants from '../../rulesets/eu-2021-821-art5/invariants.json';

/**
 * A release shipped with the package, with the earlier releases of the same id that it replaces (corrections of the
 * same legal time, as `rulesets/<id>/source.json` lists them): dates select it instead, and the replaced ones stay
 * available by version and by hash.
 */
export interface BundledRelease {
  readonly document: unknown;
  readonly replaces?: readonly string[];
}

/** The releases shipped with the package (`rulesets/`), base versions and national overlays, each id's oldest first. */
export const BUNDLED_RELEASES: readonly BundledRelease[] = [
  { document: art5v100 },
  { document: art5v110, replaces: ['1.0.0'] },
  { document: art5v200 },
  { document: art5v210, replaces: ['2.0.0'] },
  { document: deAwv941v100 },
  { document: deAwv941v110, replaces: ['1.0.0'] },
];

/** The ruleset documents shipped with the package, replaced releases included. */
export const BUNDLED_DOCUMENTS: readonly unknown[] = BUNDLED_RELEASES.map((release) => release.document);

/**
 * The invariants files the shipped packages declare (`rulesets/<id>/invariants.json`): `dual-use-rules/testing` checks
 * them by default for the rulesets of the id each names.
 */
export const BUNDLED_INVARIANTS: readonly unknown[] = [art5Invariants];

/** The ruleset `assess` uses when none is given. */
export const DEFAULT_RULESET_ID = 'eu-2021-821-art5';
