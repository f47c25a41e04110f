/** How sure the encoder is that a citation states the law: checked against a published text, recalled but unchecked, or the encoder's own reading. */
export type CitationConfidence = 'verified' | 'unverified' | 'interpretation';

/**
 * A pinpoint reference to a legal instrument.
 *
 * @example
 * { instrument: 'Regulation (EU) 2021/821', pinpoint: 'Art. 5(2)', binding: true,
 *   url: 'http://data.europa.eu/eli/reg/2021/821/oj', confidence: 'verified' }
 */
export interface Citation {
  /** The instrument as it is cited, e.g. `Regulation (EU) 2021/821`. */
  readonly instrument: string;
  /** Article, paragraph, point or section within the instrument, e.g. `Art. 5(2)`. */
  readonly pinpoint: string;
  /** Whether the instrument binds the exporter (a regulation or national law) or is guidance (the Commission's guidelines). */
  readonly binding: boolean;
  /** Link to the official text, when the ruleset gives one. */
  readonly url?: string;
  /** How sure the ruleset's encoder is of this citation. */
  readonly confidence: CitationConfidence;
  /** A short excerpt of the cited text, when the ruleset gives one. */
  readonly quote?: string;
  /** The encoder's remark on this citation, when the ruleset gives one. */
  readonly note?: string;
}
