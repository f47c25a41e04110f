import deAwv941 from '../../rulesets/de-awv-9-4/1.0.0.json';
import art5v1 from '../../rulesets/eu-2021-821-art5/1.0.0.json';
import art5v2 from '../../rulesets/eu-2021-821-art5/2.0.0.json';

/** The ruleset documents shipped with the package (`rulesets/`), base versions and national overlays. */
export const BUNDLED_DOCUMENTS: readonly unknown[] = [art5v1, art5v2, deAwv941];

/** The ruleset `assess` uses when none is given. */
export const DEFAULT_RULESET_ID = 'eu-2021-821-art5';
