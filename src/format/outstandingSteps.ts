import { citationResolver } from '../model/citations';
import type { Assessment, ConditionTrace, FactValue, Question } from '../types/assessment';
import type { Citation } from '../types/citation';
import type { ConditionDefinition, RulesetDocument } from '../types/ruleset';

/**
 * A step the exporter has answered and not taken (e.g. a due-diligence step answered "no"): an answer, not an open
 * question, and still to be done.
 */
export interface OutstandingStep {
  readonly fact: string;
  /** The ruleset's title of the fact, e.g. "Item review done". */
  readonly title: string;
  /** The answer given, in words: `No` for `false`. */
  readonly answer: string;
  /** What the step is, in the ruleset's words (its help, else its prompt). */
  readonly description: string;
  readonly citation: Citation;
  readonly seeAlso: readonly Citation[];
  /** The rules that hold because of the answer. */
  readonly rules: readonly string[];
}

/** What a report lists as still to do: the open questions, and the steps answered and not taken. */
export interface StillToDo {
  /** The assessment's questions, without the facts that are outstanding steps. */
  readonly questions: readonly Question[];
  readonly steps: readonly OutstandingStep[];
}

/**
 * Splits what an assessment leaves to do into open questions and outstanding steps. A ruleset marks with `ask` the
 * comparisons of a rule that are to be asked while that rule holds (its schema: "e.g. an outstanding due-diligence
 * step"); such a comparison that is true on a known value is not a question but an answer that keeps the rule
 * holding: a step answered and not taken. An assessment lists it among its questions when that rule decides; the
 * report shows it apart, whether or not the rule decides. Nothing here names a fact or a rule: the ruleset says which.
 *
 * @param assessment - The assessment the report is of.
 * @param document - The ruleset's composed document, when at hand; without it, every question is shown as open.
 */
export function stillToDo(assessment: Assessment, document: RulesetDocument | undefined): StillToDo {
  if (document === undefined) return { questions: assessment.questions, steps: [] };
  const rulesByFact = new Map<string, { value: FactValue; rules: string[] }>();
  for (const step of assessment.trace) {
    const rule = document.rules?.find((candidate) => candidate.id === step.rule);
    if (step.result !== 'true' || rule === undefined) continue;
    visitAnsweredAsks(document, rule.when, step.conditions, (fact, value) => {
      const entry = rulesByFact.get(fact) ?? { value, rules: [] };
      if (!entry.rules.includes(step.rule)) entry.rules.push(step.rule);
      rulesByFact.set(fact, entry);
    });
  }
  const cite = citationResolver(document.sources);
  const steps: OutstandingStep[] = [];
  for (const [fact, { value, rules }] of rulesByFact) {
    const definition = document.facts?.[fact];
    if (definition === undefined) continue;
    steps.push({
      fact,
      title: definition.title,
      answer: value === false ? 'No' : value === true ? 'Yes' : JSON.stringify(value),
      description: definition.help ?? definition.prompt,
      citation: cite(definition.citation),
      seeAlso: (definition.seeAlso ?? []).map(cite),
      rules,
    });
  }
  return { questions: assessment.questions.filter((question) => !rulesByFact.has(question.fact)), steps };
}

/** Walks a rule's condition and its trace together, visiting each `ask` comparison that is true on a known value. */
function visitAnsweredAsks(
  document: RulesetDocument,
  condition: ConditionDefinition,
  trace: ConditionTrace,
  visit: (fact: string, value: FactValue) => void,
): void {
  if ('all' in condition || 'any' in condition) {
    const children = 'all' in condition ? condition.all : condition.any;
    if (trace.type === 'all' || trace.type === 'any')
      children.forEach((child, index) => {
        const childTrace = trace.conditions[index];
        if (childTrace !== undefined) visitAnsweredAsks(document, child, childTrace, visit);
      });
  } else if ('not' in condition) {
    if (trace.type === 'not') visitAnsweredAsks(document, condition.not, trace.condition, visit);
  } else if ('condition' in condition) {
    const named = document.conditions?.[condition.condition];
    if (named !== undefined && trace.type === 'named') visitAnsweredAsks(document, named.when, trace.condition, visit);
  } else if (
    condition.ask === true &&
    trace.type === 'fact' &&
    trace.result === 'true' &&
    trace.actual !== null &&
    trace.actual !== undefined
  ) {
    visit(trace.fact, trace.actual);
  }
}
