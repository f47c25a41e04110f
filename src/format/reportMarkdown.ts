import type { Assessment, ConditionTrace, TruthValue } from '../types/assessment';
import type { Citation } from '../types/citation';
import { outcomeLabel, TRUTH_MARK } from './describeOutcome';
import { describeValue } from './describeValue';
import { flattenTransaction } from './flattenTransaction';
import { safeUrl } from './html';
import { codeBlock, codeSpan, escapeMarkdown as md, linkDestination } from './markdown';
import type { OverlayInReport } from './overlayConcerns';
import type { ReportContext } from './reportContext';
import { rulesHolding } from './rulesHolding';

/** Renders the decision report as Markdown (GitHub-flavoured) for tickets and pull requests. */
export function renderMarkdownReport(assessment: Assessment, context: ReportContext): string {
  const lines: string[] = [];
  const label = outcomeLabel(assessment.outcome);
  lines.push(
    `# Export decision: ${label}${assessment.transactionId === undefined ? '' : ` — ${md(assessment.transactionId)}`}`,
    '',
  );
  lines.push(`> **${label}.** ${md(assessment.nextSteps)}`);
  if (assessment.possibleOutcomes.length > 1) {
    lines.push(
      '>',
      `> Still possible, depending on the open questions: ` +
        `${assessment.possibleOutcomes.map((outcome) => `**${outcomeLabel(outcome)}**`).join(', ')}.`,
    );
  }
  lines.push('', '| | |', '|---|---|');
  if (assessment.transactionId !== undefined) lines.push(`| Transaction | ${md(assessment.transactionId)} |`);
  lines.push(`| Export date | ${context.date === undefined ? 'not given' : md(context.date)} |`);
  lines.push(`| Exporter → destination | ${md(context.route)} |`);
  if (context.itemDescription !== undefined) lines.push(`| Item | ${md(context.itemDescription)} |`);
  if (context.endUserName !== undefined) lines.push(`| End user | ${md(context.endUserName)} |`);
  lines.push(`| Ruleset | ${rulesetLine(assessment, context.overlays)} |`);
  if (assessment.competentAuthority !== undefined) {
    const { memberState, name, citation } = assessment.competentAuthority;
    lines.push(
      `| Competent authority | ${md(name ?? 'name not confirmed in this ruleset')} ` +
        `(${md(memberState)}); ${citationMarkdown(citation)} |`,
    );
  }
  if (context.generatedAt !== undefined) lines.push(`| Report generated | ${md(context.generatedAt)} |`);
  if (context.record !== undefined) {
    const { id, sha256, signed, keyId } = context.record;
    lines.push(
      `| Decision record | ${codeSpan(id)}, sha256 ${codeSpan(sha256)}; ` +
        `${signed ? `signed with key ${codeSpan(keyId ?? '?')}` : 'not signed'} |`,
    );
  }

  const duties = assessment.certainDuties;
  if (duties !== undefined) {
    const open = assessment.possibleOutcomes.length > 1;
    lines.push('', open ? '## What is already certain' : '## What to do', '');
    if (duties.length === 0)
      lines.push(
        open ? 'Nothing yet: every duty depends on the open questions below.' : 'Nothing the ruleset asks of you.',
      );
    else if (open) lines.push('Whatever the answers to the open questions, you must:', '');
    for (const duty of duties)
      lines.push(
        `- **${md(duty.title)}.** ${md(duty.text)}  `,
        `  ${citationMarkdown(duty.citation)}${seeAlso(duty.seeAlso)}`,
      );
  }

  const { questions, steps } = context.todo;
  lines.push('', '## Open questions', '');
  if (questions.length === 0) lines.push('None: every fact the outcome depends on is known.');
  questions.forEach((question, index) => {
    lines.push(
      `${index + 1}. ${md(question.prompt)}  `,
      `   ${codeSpan(question.fact)} · ${citationMarkdown(question.citation)} · decides ` +
        `${question.rules.map(codeSpan).join(', ')}`,
    );
  });
  if (steps.length > 0) {
    lines.push(
      '',
      '## Outstanding steps',
      '',
      'Answered, and not done yet: these are not open questions but steps still to take. Take each, record it, ' +
        'then assess again.',
      '',
    );
    steps.forEach((step, index) => {
      lines.push(
        `${index + 1}. **${md(step.title)}**: answered “${md(step.answer)}”. ${md(step.description)}  `,
        `   ${codeSpan(step.fact)} · ${citationMarkdown(step.citation)}${seeAlso(step.seeAlso)} · keeps ` +
          `${step.rules.map(codeSpan).join(', ')} holding`,
      );
    });
  }

  if (context.statements.length > 0) {
    lines.push('', '## Stated by the exporter', '');
    lines.push(
      'The assessment uses these statements where the ruleset does not record the law itself. They are the ' +
        "exporter's, with the source it gave.",
      '',
    );
    for (const statement of context.statements)
      lines.push(
        `- **${md(statement.title)}:** ${md(statement.value)}  `,
        `  Source, as stated by the exporter: ${md(statement.source)} · ${codeSpan(statement.fact)}`,
      );
  }

  lines.push('', '## Why: the deciding provisions', '');
  const holding = rulesHolding(assessment);
  if (assessment.obligations.length === 0)
    lines.push(
      holding.steps.length === 0
        ? 'No rule decides yet: the outcome depends on the open questions above.'
        : `No rule decides yet: an answer to the open questions may still lead to ` +
            `${holding.stillPossible.map((outcome) => `**${outcomeLabel(outcome)}**`).join(' or ')}. ` +
            'These rules already hold:\n',
    );
  const deciding = assessment.obligations.length === 0 ? holding.steps : assessment.obligations;
  for (const rule of deciding) {
    lines.push(
      `- **${citationLink(rule.citation)}** — ${md('summary' in rule ? rule.summary : rule.title)}  `,
      `  ${citationMarkdown(rule.citation)}${seeAlso(rule.seeAlso)} · rule ` +
        `${codeSpan(rule.rule)} → ${outcomeLabel(rule.outcome)}`,
    );
  }

  if (context.named.length > 0) {
    lines.push('', '## What the findings name', '');
    lines.push(
      'Indicators and factors support a finding and are kept on file with it; they never raise its knowledge ' +
        "level. Whether a violation is serious is the exporter's judgement, case by case.",
      '',
    );
    for (const record of context.named) {
      lines.push(`- ${codeSpan(`${record.fact}[${record.index}]`)} (${md(record.about.join('; '))})`);
      for (const field of record.fields)
        lines.push(
          `  - ${md(field.title)}: ${field.entries.map((entry) => `${md(entry.label)} ${codeSpan(entry.id)}`).join('; ')}`,
        );
    }
  }

  if (assessment.notes.length > 0) {
    lines.push('', '## Other provisions to note', '');
    for (const note of assessment.notes)
      lines.push(`- ${md(note.text)}  `, `  ${citationMarkdown(note.citation)}${seeAlso(note.seeAlso)}`);
  }

  lines.push('', '## Full reasoning: every rule, in order', '');
  lines.push(
    `${mark('true')} holds, ${mark('false')} does not hold, ${mark('unknown')} depends on facts not known yet.`,
    '',
  );
  for (const step of assessment.trace) {
    lines.push(
      `- ${mark(step.result)} ${codeSpan(step.rule)} → ${outcomeLabel(step.outcome)}: ` +
        `${md(step.title)} (${citationLink(step.citation)})`,
    );
    lines.push(...conditionLines(step.conditions, 1));
  }

  lines.push('', '## The transaction as assessed', '', '| Field | Value |', '|---|---|');
  for (const field of flattenTransaction(context.transaction))
    lines.push(`| ${codeSpan(field.path)} | ${md(field.value)} |`);
  lines.push(
    '',
    '<details><summary>The transaction as JSON</summary>',
    '',
    codeBlock(JSON.stringify(context.transaction, null, 2), 'json'),
    '',
    '</details>',
  );

  const { ruleset } = assessment;
  lines.push(
    '',
    '## Ruleset',
    '',
    `- Id: ${codeSpan(ruleset.id)}`,
    `- Version: ${md(ruleset.version)}`,
    `- sha256: ${codeSpan(ruleset.sha256)}`,
  );
  for (const { overlay, note } of context.overlays)
    lines.push(
      `- Overlay: ${codeSpan(overlay.id)} ${md(overlay.version)}, sha256 ${codeSpan(overlay.sha256)}; ${md(note)}`,
    );
  lines.push('', '_Not legal advice: the official texts and national law prevail. Generated by dual-use-rules._', '');
  return lines.join('\n');
}

function conditionLines(condition: ConditionTrace, depth: number): string[] {
  const pad = '  '.repeat(depth);
  switch (condition.type) {
    case 'fact':
      return [
        `${pad}- ${mark(condition.result)} ${codeSpan(condition.fact)} ${condition.operator} ` +
          `${codeSpan(describeValue(condition.expected))}${condition.threshold === undefined ? '' : ` (threshold ${codeSpan(condition.threshold)})`}; ` +
          `actual ${codeSpan(describeValue(condition.actual))}`,
      ];
    case 'all':
    case 'any':
      return [
        `${pad}- ${mark(condition.result)} ${condition.type} of:`,
        ...condition.conditions.flatMap((child) => conditionLines(child, depth + 1)),
      ];
    case 'not':
      return [`${pad}- ${mark(condition.result)} not:`, ...conditionLines(condition.condition, depth + 1)];
    case 'named':
      return [
        `${pad}- ${mark(condition.result)} ${md(condition.title)} (${citationLink(condition.citation)}):`,
        ...conditionLines(condition.condition, depth + 1),
      ];
  }
}

/** The base and the overlays that concern this exporter (or may: then saying so). */
function rulesetLine(assessment: Assessment, overlays: readonly OverlayInReport[]): string {
  const { ruleset } = assessment;
  return [
    `${codeSpan(ruleset.id)} ${md(ruleset.version)}`,
    ...overlays
      .filter(({ concerns }) => concerns !== 'no')
      .map(
        ({ overlay, concerns, note }) =>
          `${codeSpan(overlay.id)} ${md(overlay.version)}${concerns === 'may' ? ` (${md(note)})` : ''}`,
      ),
  ].join(' + ');
}

function mark(value: TruthValue): string {
  return `${TRUTH_MARK[value]} ${value}`;
}

function citationLink(citation: Citation): string {
  const text = md(`${citation.instrument}, ${citation.pinpoint}`);
  const url = safeUrl(citation.url);
  return url === undefined ? text : `[${text}](${linkDestination(url)})`;
}

function citationMarkdown(citation: Citation): string {
  const quote = citation.quote === undefined ? '' : ` “${md(citation.quote)}”`;
  const note = citation.note === undefined ? '' : ` — ${md(citation.note)}`;
  return (
    `${citationLink(citation)} (${citation.binding ? 'binding' : 'guidance'}; ` +
    `${citation.confidence})${quote}${note}`
  );
}

function seeAlso(citations: readonly Citation[]): string {
  return citations.length === 0 ? '' : `; see also ${citations.map(citationMarkdown).join('; ')}`;
}
