/** What a scan accepts: how deep, how large, how long a string, and which names. */
export interface ScanLimits {
  /** Deepest nesting of objects and arrays. */
  readonly maxDepth: number;
  /** Most objects, arrays and values in all. */
  readonly maxNodes: number;
  /** Longest string, key or value. */
  readonly maxStringLength: number;
  /** Refuse keys and strings that name inherited properties: a ruleset uses its strings as ids and references. */
  readonly prototypeNames: boolean;
  /**
   * Also read every property the way code does (`in`, then the value through any proxy trap), and refuse one whose
   * reading throws or gives another value than its descriptor: a proxy that lies or throws only there.
   */
  readonly readAsCode: boolean;
}

/** The limits of a ruleset document, checked before anything else reads it. Condition trees of real law stay far below them. */
export const DOCUMENT_LIMITS: ScanLimits = {
  maxDepth: 64,
  maxNodes: 200_000,
  maxStringLength: 10_000,
  prototypeNames: true,
  readAsCode: false,
};

/**
 * The limits of other data given to the library (a transaction, a decision record, a filed assessment), checked
 * where it must be plain JSON data or where reading it failed: deep enough for any assessment's trace (conditions
 * nest at most 64 levels), and far below what would overflow the stack of code that walks it recursively.
 */
export const DATA_LIMITS: ScanLimits = {
  maxDepth: 256,
  maxNodes: 1_000_000,
  maxStringLength: Number.POSITIVE_INFINITY,
  prototypeNames: false,
  readAsCode: true,
};
