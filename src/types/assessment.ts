import type { Citation } from './citation';
import type { Outcome } from './outcome';
import type { OperatorName } from './ruleset';

/** A three-valued (Kleene) truth value: a condition on an unknown fact is `unknown`, never `false`. */
export type TruthValue = 'true' | 'false' | 'unknown';

/** A fact's value as seen by the rules; `null` means unknown. */
export type FactValue = boolean | string | number | readonly string[] | readonly FactRecord[] | null;

/** One entry of a list-of-records fact (e.g. a due-diligence finding); a field absent from it is unknown. */
export type FactRecord = Readonly<Record<string, string | readonly string[] | undefined>>;

/** One comparison in the trace: which fact, how it was compared, what it held, and the three-valued result. */
export interface FactConditionTrace {
  readonly type: 'fact';
  readonly fact: string;
  readonly operator: OperatorName;
  /** The value compared with (a named threshold is shown by its value, and named in `threshold`). */
  readonly expected: unknown;
  /** The fact's value for this transaction; `null` when unknown. */
  readonly actual: FactValue;
  readonly result: TruthValue;
  readonly threshold?: string;
}

/** An `all` or `any` group in the trace. */
export interface GroupConditionTrace {
  readonly type: 'all' | 'any';
  readonly result: TruthValue;
  readonly conditions: readonly ConditionTrace[];
}

/** A negation in the trace. */
export interface NotConditionTrace {
  readonly type: 'not';
  readonly result: TruthValue;
  readonly condition: ConditionTrace;
}

/** A named condition group of the ruleset (e.g. "cyber-surveillance item"), with its own citation. */
export interface NamedConditionTrace {
  readonly type: 'named';
  readonly name: string;
  readonly title: string;
  readonly citation: Citation;
  readonly result: TruthValue;
  readonly condition: ConditionTrace;
}

/** A node of a rule's condition tree, evaluated. */
export type ConditionTrace = FactConditionTrace | GroupConditionTrace | NotConditionTrace | NamedConditionTrace;

/** One rule of the ruleset, evaluated: every rule appears in the trace, in declaration order. */
export interface TraceStep {
  readonly rule: string;
  readonly title: string;
  readonly outcome: Outcome;
  readonly result: TruthValue;
  readonly citation: Citation;
  readonly seeAlso: readonly Citation[];
  readonly conditions: ConditionTrace;
  /**
   * For an overlay's rule that decides an outcome imposing nothing on the exporter: the base's extension point that
   * lets it (its rule can lower or replace what the base would decide).
   */
  readonly extensionPoint?: string;
}

/** A rule (or the ruleset's fallback) that decides the outcome. */
export interface Obligation {
  readonly rule: string;
  readonly outcome: Outcome;
  readonly summary: string;
  readonly citation: Citation;
  readonly seeAlso: readonly Citation[];
}

/** Something the exporter must do, with the provision it rests on. */
export interface Duty {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly citation: Citation;
  readonly seeAlso: readonly Citation[];
}

/** Something to find out before the outcome can be decided. */
export interface Question {
  /**
   * The fact to establish: a transaction field path (`nationalLaw.suspicionRule.position`), which answers it. (Only a
   * ruleset whose data leaves a derived fact unknown with no transaction field to answer it asks that fact itself,
   * as the released 1.0.0 and 2.0.0 of the Article 5 ruleset do for `nationalSuspicionRule`.)
   */
  readonly fact: string;
  /** The question, in words a compliance officer can answer. */
  readonly prompt: string;
  readonly citation: Citation;
  /** The rules whose result depends on the answer. */
  readonly rules: readonly string[];
}

/** A pointer to law outside the ruleset's decision that concerns this transaction. */
export interface AssessmentNote {
  readonly id: string;
  readonly text: string;
  readonly citation: Citation;
  readonly seeAlso: readonly Citation[];
}

/** The member state whose competent authority is concerned. */
export interface CompetentAuthority {
  readonly memberState: string;
  readonly name?: string;
  /** Where the authority's name comes from, and how sure the ruleset is of it. */
  readonly citation: Citation;
}

/** Identifies the exact ruleset that produced an assessment, so it can be replayed. */
export interface RulesetReference {
  readonly id: string;
  readonly version: string;
  /** sha256 of the ruleset's canonical JSON (with its overlays, if any). */
  readonly sha256: string;
  /** National overlays composed into the ruleset. */
  readonly overlays: readonly { readonly id: string; readonly version: string; readonly sha256: string }[];
}

/**
 * The result of assessing one transaction.
 *
 * Every assessment is deeply frozen, whichever function made it (`assess`, `assessMany`, `assessEach`, `replay`):
 * no list, trace step, condition or citation in it can be changed, and assessments of one ruleset share parts of
 * their structure. To change one, change a copy (`structuredClone(assessment)`).
 */
export interface Assessment {
  readonly outcome: Outcome;
  /** Every outcome some answer to the unknown facts could lead to; `[outcome]` when decided. */
  readonly possibleOutcomes: readonly Outcome[];
  /** The ruleset's description of what to do next for this outcome. */
  readonly nextSteps: string;
  /** The rules that decide the outcome; empty while the outcome is undecided. */
  readonly obligations: readonly Obligation[];
  /**
   * The duties that hold whatever the unknown facts turn out to be: those every outcome an answer can lead to carries
   * (for a decided assessment, its outcome's). A possible outcome that only a rule which no answer makes hold keeps
   * open (such as "the end user is not named yet") does not count. Present when the ruleset declares duties.
   */
  readonly certainDuties?: readonly Duty[];
  /** What to find out next: only facts whose answer can change the outcome. */
  readonly questions: readonly Question[];
  /**
   * The authority concerned, when the outcome involves one and its member state is known (and, where the ruleset says
   * so, on an undecided assessment whenever its member state is known).
   */
  readonly competentAuthority?: CompetentAuthority;
  /** Law outside the decision that this transaction touches. */
  readonly notes: readonly AssessmentNote[];
  /** Every rule, in declaration order, with each condition's three-valued result. */
  readonly trace: readonly TraceStep[];
  readonly ruleset: RulesetReference;
  readonly transactionId?: string;
}
