import art5Invariants from '../../rulesets/eu-2021-821-art5/invariants.json';
import {
  DE_AWV_9_4_V1_0_0,
  DE_AWV_9_4_V1_1_0,
  EU_2021_821_ART5_V1_0_0,
  EU_2021_821_ART5_V1_1_0,
  EU_2021_821_ART5_V1_2_0,
  EU_2021_821_ART5_V2_0_0,
  EU_2021_821_ART5_V2_1_0,
  EU_2021_821_ART5_V2_2_0,
  EU_2021_821_ART5_V2_3_0,
  EU_2021_821_ART5_V2_3_1,
  EU_2021_821_ART5_V2_3_2,
} from '../generated/bundledRulesets';

/**
 * A release shipped with the package, with the earlier releases of the same id that it replaces (corrections of the
 * same legal time, as `rulesets/<id>/source.json` lists them): dates select it instead, and the replaced ones stay
 * available by version and by hash.
 */
export interface BundledRelease {
  /** Parsed from the release's JSON text when first read (`src/generated/bundledRulesets.ts`), then the same object. */
  readonly document: unknown;
  /**
   * The document's sha256 as assessments cite it (`canonicalSha256`), computed by `npm run generate` so that the
   * registry does not hash every shipped document (some 700 KB) on its first use; test/unit/lawPackages.test.ts checks
   * each against the document. Released documents never change, so neither do these.
   */
  readonly sha256: string;
  readonly replaces?: readonly string[];
}

/** The releases shipped with the package (`rulesets/`), base versions and national overlays, each id's oldest first. */
export const BUNDLED_RELEASES: readonly BundledRelease[] = [
  release(EU_2021_821_ART5_V1_0_0),
  release(EU_2021_821_ART5_V1_1_0, ['1.0.0']),
  release(EU_2021_821_ART5_V1_2_0, ['1.1.0']),
  release(EU_2021_821_ART5_V2_0_0),
  release(EU_2021_821_ART5_V2_1_0, ['2.0.0']),
  release(EU_2021_821_ART5_V2_2_0, ['2.1.0']),
  release(EU_2021_821_ART5_V2_3_0, ['2.2.0']),
  release(EU_2021_821_ART5_V2_3_1, ['2.3.0']),
  release(EU_2021_821_ART5_V2_3_2, ['2.3.1']),
  release(DE_AWV_9_4_V1_0_0),
  release(DE_AWV_9_4_V1_1_0, ['1.0.0']),
];

/** A shipped release whose document is parsed from its generated text when first read. */
function release(
  { text, sha256 }: { readonly text: string; readonly sha256: string },
  replaces?: readonly string[],
): BundledRelease {
  let document: unknown;
  return {
    get document() {
      document ??= JSON.parse(text);
      return document;
    },
    sha256,
    ...(replaces === undefined ? {} : { replaces }),
  };
}

/** The ruleset documents shipped with the package, replaced releases included (each parsed by this first read). */
export function bundledDocuments(): readonly unknown[] {
  return BUNDLED_RELEASES.map((shipped) => shipped.document);
}

/**
 * The invariants files the shipped packages declare (`rulesets/<id>/invariants.json`): `dual-use-rules/testing` checks
 * them by default for the rulesets of the id each names.
 */
export const BUNDLED_INVARIANTS: readonly unknown[] = [art5Invariants];

/** The ruleset `assess` uses when none is given. */
export const DEFAULT_RULESET_ID = 'eu-2021-821-art5';
