import { assessEach } from './assessEach';
import { compiledRuntime } from './compile/compiledRuntime';
import { plainDataIssues } from './document/plainData';
import { AssessmentError } from './errors/AssessmentError';
import type { Issue } from './errors/issue';
import { readOptions, type Refuse } from './errors/readArguments';
import { TransactionError } from './errors/TransactionError';
import { isInForce } from './time/dates';
import type { CompiledRuleset } from './types/compiledRuleset';

/** A legal test case as `rulesets/<id>/scenarios/*.json` holds them: what lint needs of it. */
export interface LintScenario {
  readonly name?: string;
  readonly transaction: unknown;
  /** Which ruleset the case is written for: a version, or the date whose ruleset applies. */
  readonly ruleset?: { readonly asOf?: string; readonly version?: string };
}

/** Options for `lintRuleset`. */
export interface LintOptions {
  /** Scenarios to measure rule coverage with; those written for another version or date are left out. */
  readonly scenarios?: readonly LintScenario[];
}

/**
 * Lint findings for a compiled ruleset: its `warnings` (unreachable rules, outcomes no rule can produce, unused facts,
 * catalogues and catalogue entries), plus, given scenarios, every rule that holds in none of them
 * (`rule_without_scenario`). Findings are advice: the ruleset compiled, and `assess` can use it.
 *
 * @example
 * const findings = lintRuleset(compileRuleset(document), { scenarios });
 * for (const finding of findings) console.warn(formatPath(finding.path), finding.message);
 */
export function lintRuleset(ruleset: CompiledRuleset, options: LintOptions = {}): Issue[] {
  compiledRuntime(ruleset, ['ruleset']);
  const { scenarios } = readOptions<LintOptions>(options, { scenarios: 'list' }, refuse);
  if (scenarios === undefined) return [...ruleset.warnings];
  const details = plainDataIssues(scenarios, ['options', 'scenarios']);
  // Entries are only looked into once they are known to be plain data (a proxy's traps may throw).
  const malformed = details.length > 0 ? -1 : scenarios.findIndex((scenario) => !isScenario(scenario));
  if (details.length > 0 || malformed >= 0)
    throw new AssessmentError(
      {
        path: details.length > 0 ? ['options', 'scenarios'] : ['options', 'scenarios', malformed],
        code: 'invalid_option',
        message:
          'options.scenarios must be plain JSON data, each { transaction, name?, ruleset?: { asOf?, version? } }' +
          (details.length > 0 ? ':' : '.'),
      },
      { details },
    );
  const applicable = scenarios.filter((scenario) => appliesTo(ruleset, scenario));
  const holding = new Set<string>();
  const transactions = applicable.map((scenario) => scenario.transaction);
  // An undated scenario is assessed on a day the ruleset is in force, even one that has expired: the date only chooses
  // the ruleset, which is given here.
  for (const result of assessEach(transactions, { ruleset, asOf: ruleset.validity.from })) {
    // A scenario whose transaction this ruleset refuses covers no rule; any other error is thrown, as by assess.
    if (!result.ok && !(result.error instanceof TransactionError)) throw result.error;
    if (result.ok) for (const step of result.assessment.trace) if (step.result === 'true') holding.add(step.rule);
  }
  const uncovered: Issue[] = (ruleset.document.rules ?? []).flatMap((rule, index) =>
    holding.has(rule.id)
      ? []
      : [
          {
            path: ['rules', index],
            code: 'rule_without_scenario',
            rule: rule.id,
            message:
              `Rule "${rule.id}" holds in none of the ${applicable.length} scenarios written for this ` +
              `version: add a case where it applies.`,
          },
        ],
  );
  return [...ruleset.warnings, ...uncovered];
}

function appliesTo(ruleset: CompiledRuleset, scenario: LintScenario): boolean {
  if (scenario.ruleset?.version !== undefined) return scenario.ruleset.version === ruleset.version;
  const date = (scenario.transaction as { date?: unknown } | null)?.date ?? scenario.ruleset?.asOf;
  return typeof date !== 'string' || isInForce(ruleset.validity, date);
}

const refuse: Refuse = (issue, cause) => new AssessmentError(issue, { cause });

/** Whether a value of plain JSON data is a scenario as `lintRuleset` reads one. */
function isScenario(value: unknown): value is LintScenario {
  const isObject = (part: unknown): part is Record<string, unknown> =>
    typeof part === 'object' && part !== null && !Array.isArray(part);
  return isObject(value) && 'transaction' in value && (value['ruleset'] === undefined || isObject(value['ruleset']));
}
