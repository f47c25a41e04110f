import type { RulesetReference } from './assessment';
import type { Citation } from './citation';
import type { Outcome } from './outcome';

/** A citation as a decision line gives it: where to read, without the quote and the encoder's note (the assessment has those). */
export type DecisionCitation = Pick<Citation, 'instrument' | 'pinpoint' | 'binding' | 'url' | 'confidence'>;

/**
 * The decision of one assessed transaction, without the trace: what `dual-use-rules batch` writes per line by default
 * (`--detail decision`) and what `POST /assess/batch` answers per line. The whole assessment (with the trace) is
 * `dual-use-rules batch --detail full`, `assess`, or `POST /assess`. Published as `schemas/decision-line.schema.json`.
 *
 * A list the assessment always has is always here, empty when it is (`questions`, `decidedBy`, `notes`); one the
 * assessment may leave out is left out with it (`certainDuties`).
 */
export interface DecisionLine {
  /** The input line's number, from 1. */
  readonly line: number;
  /** The transaction's `id`, when it has one. */
  readonly transactionId?: string;
  readonly outcome: Outcome;
  readonly possibleOutcomes: readonly Outcome[];
  /**
   * Duties that hold whatever the open questions' answers, when the assessment lists them: each duty's id, title and
   * citation (its text is in the assessment).
   */
  readonly certainDuties?: readonly {
    readonly id: string;
    readonly title: string;
    readonly citation: DecisionCitation;
  }[];
  /** What to find out before the outcome can be decided: the transaction path of each fact, and the question. */
  readonly questions: readonly { readonly fact: string; readonly prompt: string }[];
  /** The rules that decide the outcome, each with its citation; empty while the outcome is undecided. */
  readonly decidedBy: readonly { readonly rule: string; readonly citation: DecisionCitation }[];
  /** The member state whose competent authority is concerned, its name when the ruleset gives one, and the source. */
  readonly competentAuthority?: {
    readonly memberState: string;
    readonly name?: string;
    readonly citation: DecisionCitation;
  };
  /**
   * The assessment's notes, in its order: law outside the decision that this transaction touches, each note's id and
   * citation (its text is in the assessment and in the ruleset). An outcome can leave a limit unsaid that only a note
   * states, e.g. `no_obligation` under Article 5 for an item on a military list, whose note says a licence under
   * national arms-export law is needed. Empty when no note holds.
   */
  readonly notes: readonly { readonly id: string; readonly citation: DecisionCitation }[];
  /** The ruleset (id, version, sha256 and overlays) that decided. */
  readonly ruleset: RulesetReference;
}
