import type { CompetentAuthority, Duty, Obligation } from '../types/assessment';
import type { Citation } from '../types/citation';
import type { Outcome, UndecidedOutcome } from '../types/outcome';
import type { CatalogueEntryDefinition, Derivation, FactType, OperatorName } from '../types/ruleset';
import type { OperatorTest } from './operators';

/** A fact, ready for evaluation: its definition with citations resolved and its direct inputs listed. */
export interface ProgramFact {
  readonly id: string;
  readonly title: string;
  readonly prompt: string;
  readonly type: FactType;
  readonly citation: Citation;
  readonly derive?: Derivation;
  /** The facts this derived fact reads (empty for input facts). */
  readonly inputs: readonly string[];
}

/** A comparison node: reads one fact and compares it with a value. */
export interface ComparisonNode {
  readonly type: 'fact';
  readonly fact: string;
  readonly operator: OperatorName;
  readonly expected: unknown;
  readonly threshold?: string;
  readonly ask: boolean;
  readonly test: OperatorTest;
}

/** A condition tree with named conditions resolved, thresholds replaced by their values and operators bound. */
export type ConditionNode =
  | ComparisonNode
  | { readonly type: 'all' | 'any'; readonly children: readonly ConditionNode[] }
  | { readonly type: 'not'; readonly child: ConditionNode }
  | {
      readonly type: 'named';
      readonly name: string;
      readonly title: string;
      readonly citation: Citation;
      readonly child: ConditionNode;
    };

/** A rule ready for evaluation. */
export interface ProgramRule {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly outcome: Outcome;
  readonly precedence: number;
  readonly citation: Citation;
  readonly seeAlso: readonly Citation[];
  readonly condition: ConditionNode;
  /**
   * Whether some transaction makes the rule hold. One that cannot (it is built only of "not answered yet" tests, as
   * "the end user is not named") can only stay open while its facts are unanswered: it keeps its outcome possible so
   * that the question is asked, but no completion of the unknown facts leads to that outcome through it.
   */
  readonly canHold: boolean;
  /** An overlay rule's extension point of the base, shown on its trace step. */
  readonly extensionPoint?: string;
}

/** A note ready for evaluation. */
export interface ProgramNote {
  readonly id: string;
  readonly text: string;
  readonly citation: Citation;
  readonly seeAlso: readonly Citation[];
  readonly condition: ConditionNode;
}

/** How an outcome ranks and what it asks of the exporter. */
export interface ProgramOutcome {
  readonly precedence: number;
  readonly title: string;
  readonly nextSteps: string;
  readonly involvesAuthority: boolean;
  /** The duties the outcome carries, in the order the ruleset lists them (frozen). */
  readonly duties: readonly Duty[];
}

/** Everything evaluation needs, derived once from a valid ruleset document. Never exposed publicly. */
export interface Program {
  /** Input facts first, then derived facts in an order where each comes after the facts it reads. */
  readonly facts: readonly ProgramFact[];
  readonly factsById: ReadonlyMap<string, ProgramFact>;
  readonly rules: readonly ProgramRule[];
  readonly notes: readonly ProgramNote[];
  readonly outcomes: ReadonlyMap<Outcome, ProgramOutcome>;
  /** Checked by the compiler (`checkUndecided`): the contract's "not settled yet", never the fallback's outcome. */
  readonly undecided: UndecidedOutcome;
  readonly fallback: Obligation & { readonly outcome: Exclude<Outcome, UndecidedOutcome> };
  readonly authority?: {
    readonly memberStateFact: string;
    /** Whether an undecided assessment names the authority too, whenever its member state is known. */
    readonly whenUndecided: boolean;
    /** The competent authority of each member state in the authority catalogue, with the entry's citation. */
    readonly byMemberState: ReadonlyMap<string, CompetentAuthority>;
  };
  readonly catalogues: ReadonlyMap<string, ReadonlyMap<string, CatalogueEntryDefinition>>;
  /** Level ids of each scale, weakest first. */
  readonly scales: ReadonlyMap<string, readonly string[]>;
  readonly levelRank: ReadonlyMap<string, number>;
  readonly tests: Readonly<Record<OperatorName, OperatorTest>>;
}
