import type { Assessment, ConditionTrace, TruthValue } from '../types/assessment';
import type { OverlayScope } from '../types/compiledRuleset';
import type { RulesetDocument } from '../types/ruleset';
import { describeCitation } from './describeCitation';
import { outcomeLabel, outcomeTone, TRUTH_MARK, type OutcomeTone } from './describeOutcome';
import { stillToDo } from './outstandingSteps';
import { overlaysInReport } from './overlayConcerns';
import { namedEntries, statedFacts } from './reportFacts';
import { rulesHolding } from './rulesHolding';

/** Options for the plain-text rendering. */
export interface TextOptions {
  /** Include every rule's condition tree, not only each rule's result. */
  readonly fullTrace?: boolean;
  /** Terminal colours, e.g. picocolors' `createColors(true)`; without them the text is plain. */
  readonly colors?: TextColors;
  /** The transaction assessed: its statements of law and what its findings name are shown. */
  readonly transaction?: unknown;
  /** The ruleset's document, for the titles and labels of those, and the competent member state's fact. */
  readonly ruleset?: RulesetDocument;
  /**
   * Whose exporters the ruleset's overlays concern (`CompiledRuleset.overlayScopes`): the ruleset line names only
   * those that concern this exporter. Without them, every overlay is named as one that may.
   */
  readonly overlayScopes?: readonly OverlayScope[];
}

/** The few terminal colours the text rendering uses (picocolors' `Colors` fits). */
export interface TextColors {
  readonly isColorSupported: boolean;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
}

/** Renders an assessment as plain text for a terminal or a log: outcome, why, what to ask, notes and the trace. */
export function formatText(assessment: Assessment, options: TextOptions = {}): string {
  const paint = painter(options.colors);
  const MARK: Readonly<Record<TruthValue, string>> = {
    true: paint.truth('true', TRUTH_MARK.true),
    false: paint.truth('false', TRUTH_MARK.false),
    unknown: paint.truth('unknown', TRUTH_MARK.unknown),
  };
  const lines: string[] = [];
  const headline = paint.outcome(outcomeTone(assessment.outcome), outcomeLabel(assessment.outcome).toUpperCase());
  lines.push(
    `Outcome: ${headline}${assessment.transactionId === undefined ? '' : `  (transaction ${assessment.transactionId})`}`,
  );
  lines.push(indent(assessment.nextSteps, 2));
  if (assessment.possibleOutcomes.length > 1) lines.push(`  Still possible: ${assessment.possibleOutcomes.join(', ')}`);
  if (assessment.competentAuthority !== undefined) {
    const { memberState, name } = assessment.competentAuthority;
    lines.push(
      `  Competent authority: ` +
        `${memberState}${name === undefined ? ' (name not confirmed in this ruleset)' : ` — ${name}`}`,
    );
  }
  const { ruleset } = assessment;
  const overlays = overlaysInReport(assessment, options.overlayScopes, options.ruleset?.authority?.memberStateFact);
  const applied = overlays
    .filter(({ concerns }) => concerns !== 'no')
    .map(
      ({ overlay, concerns, note }) => ` + ${overlay.id} ${overlay.version}${concerns === 'may' ? ` (${note})` : ''}`,
    )
    .join('');
  lines.push(`  Ruleset: ${ruleset.id} ${ruleset.version}${applied} (sha256 ${ruleset.sha256.slice(0, 12)}…)`);
  for (const { overlay, note } of overlays.filter(({ concerns }) => concerns === 'no'))
    lines.push(`  Overlay ${overlay.id} ${overlay.version}: ${note}`);

  const duties = assessment.certainDuties;
  if (duties !== undefined && duties.length > 0) {
    const open = assessment.possibleOutcomes.length > 1;
    lines.push('', paint.heading(open ? 'What is already certain, whatever the answers:' : 'What to do:'));
    for (const duty of duties)
      lines.push(`  • ${duty.title}.`, indent(duty.text, 4), `    ${describeCitation(duty.citation)}`);
  }
  const statements = options.transaction === undefined ? [] : statedFacts(options.transaction, options.ruleset);
  if (statements.length > 0) {
    lines.push('', paint.heading('Stated by the exporter:'));
    for (const statement of statements)
      lines.push(
        `  • ${statement.title}: ${statement.value}`,
        `    source, as stated by the exporter: ${indent(statement.source, 4).trimStart()}`,
      );
  }

  const holding = rulesHolding(assessment);
  if (assessment.obligations.length > 0 || holding.steps.length > 0) {
    const undecided = assessment.obligations.length === 0;
    lines.push(
      '',
      paint.heading(
        undecided
          ? `Why: no rule decides yet (an answer may still lead to ${holding.stillPossible.join(' or ')}); these already hold:`
          : 'Why:',
      ),
    );
    for (const rule of undecided ? holding.steps : assessment.obligations) {
      lines.push(
        `  • ${rule.rule}${undecided ? ` → ${rule.outcome}` : ''}`,
        indent('summary' in rule ? rule.summary : rule.title, 4),
        `    ${describeCitation(rule.citation)}`,
      );
      for (const citation of rule.seeAlso) lines.push(`    see also ${describeCitation(citation)}`);
    }
  }
  const { questions, steps } = stillToDo(assessment, options.ruleset);
  if (questions.length > 0) {
    lines.push('', paint.heading('Questions to answer:'));
    questions.forEach((question, index) => {
      lines.push(
        `  ${index + 1}. ${question.prompt}`,
        `     (${question.fact}; ${describeCitation(question.citation)})`,
      );
    });
  }
  if (steps.length > 0) {
    lines.push('', paint.heading('Outstanding steps (answered, not done yet; take each, then assess again):'));
    steps.forEach((step, index) => {
      lines.push(
        `  ${index + 1}. ${step.title}: answered "${step.answer}".`,
        indent(step.description, 5),
        `     (${step.fact}; ${describeCitation(step.citation)}; keeps ${step.rules.join(', ')} holding)`,
      );
      for (const citation of step.seeAlso) lines.push(`     see also ${describeCitation(citation)}`);
    });
  }
  const named = options.transaction === undefined ? [] : namedEntries(options.transaction, options.ruleset);
  if (named.length > 0) {
    lines.push('', paint.heading('What the findings name (never deciding):'));
    for (const record of named) {
      lines.push(`  • ${record.fact}[${record.index}] (${record.about.join('; ')})`);
      for (const field of record.fields)
        lines.push(`    ${field.title}: ${field.entries.map((entry) => `${entry.label} (${entry.id})`).join('; ')}`);
    }
  }
  if (assessment.notes.length > 0) {
    lines.push('', paint.heading('Notes:'));
    for (const note of assessment.notes)
      lines.push(`  • ${indent(note.text, 4).trimStart()}`, `    ${describeCitation(note.citation)}`);
  }
  lines.push('', paint.heading('Trace (every rule, in order):'));
  for (const step of assessment.trace) {
    lines.push(`  ${MARK[step.result]} ${step.rule} → ${step.outcome}: ${step.title} [${step.citation.pinpoint}]`);
    if (options.fullTrace === true) lines.push(...describeCondition(step.conditions, 6, MARK));
  }
  return `${lines.join('\n')}\n`;
}

function describeCondition(
  condition: ConditionTrace,
  depth: number,
  MARK: Readonly<Record<TruthValue, string>>,
): string[] {
  const pad = ' '.repeat(depth);
  switch (condition.type) {
    case 'fact':
      return [
        `${pad}${MARK[condition.result]} ${condition.fact} ${condition.operator} ` +
          `${JSON.stringify(condition.expected)}${condition.threshold === undefined ? '' : ` (${condition.threshold})`}; ` +
          `actual ${JSON.stringify(condition.actual)}`,
      ];
    case 'all':
    case 'any':
      return [
        `${pad}${MARK[condition.result]} ${condition.type} of:`,
        ...condition.conditions.flatMap((child) => describeCondition(child, depth + 2, MARK)),
      ];
    case 'not':
      return [`${pad}${MARK[condition.result]} not:`, ...describeCondition(condition.condition, depth + 2, MARK)];
    case 'named':
      return [
        `${pad}${MARK[condition.result]} ${condition.title} [${condition.citation.pinpoint}]:`,
        ...describeCondition(condition.condition, depth + 2, MARK),
      ];
  }
}

/** Colouring by meaning; every function is the identity without colours. */
function painter(colors: TextColors | undefined) {
  const plain = (text: string) => text;
  if (colors === undefined || !colors.isColorSupported) {
    return {
      outcome: (_tone: OutcomeTone, text: string) => text,
      truth: (_value: TruthValue, text: string) => text,
      heading: plain,
    };
  }
  const tones: Readonly<Record<OutcomeTone, (text: string) => string>> = {
    stop: (text) => colors.bold(colors.red(text)),
    caution: (text) => colors.bold(colors.yellow(text)),
    clear: (text) => colors.bold(colors.green(text)),
    neutral: (text) => colors.bold(text),
  };
  const truths: Readonly<Record<TruthValue, (text: string) => string>> = {
    true: colors.green,
    false: colors.dim,
    unknown: colors.yellow,
  };
  return {
    outcome: (tone: OutcomeTone, text: string) => tones[tone](text),
    truth: (value: TruthValue, text: string) => truths[value](text),
    heading: (text: string) => colors.bold(text),
  };
}

function indent(text: string, width: number): string {
  return wrap(text, 100 - width)
    .map((line) => ' '.repeat(width) + line)
    .join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line.length > 0 && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line.length === 0 ? word : `${line} ${word}`;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
