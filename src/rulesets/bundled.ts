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
  /**
   * The document's sha256 as assessments cite it (`canonicalSha256`), written here so that the registry does not hash
   * every shipped document (some 700 KB) on its first use; test/unit/lawPackages.test.ts checks each against the
   * document. Released documents never change, so neither do these.
   */
  readonly sha256: string;
  readonly replaces?: readonly string[];
}

/** The releases shipped with the package (`rulesets/`), base versions and national overlays, each id's oldest first. */
export const BUNDLED_RELEASES: readonly BundledRelease[] = [
  { document: art5v100, sha256: '82beeaaef507156946ecd56ca37123a771aa2c0966031415ed91b75e0fdc5954' },
  {
    document: art5v110,
    sha256: '337765ce57de738c2a121608ec7d349282889668b8506285345c9b3b99e0e8ce',
    replaces: ['1.0.0'],
  },
  { document: art5v200, sha256: '3f12e4d05788c2d8fdf7ad3fed087acd1db101f8e82f6dc966eb87d04e321eed' },
  {
    document: art5v210,
    sha256: '2f9edeef2a02a45f14044892c7d08b5d75f9905887f131c5678c41faf1e5c257',
    replaces: ['2.0.0'],
  },
  { document: deAwv941v100, sha256: '14485234786b9f3ad6885b61b6bbca60e952cca6bfd30c08ce6fabd9fcecc8ee' },
  {
    document: deAwv941v110,
    sha256: 'a92005fc91af5da4be99cd45f91ef1c7041d3b22a170b5a8bf7d643e95e72165',
    replaces: ['1.0.0'],
  },
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
