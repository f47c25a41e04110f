import type { Assessment, ConditionTrace, TruthValue } from '../../src/index';
import { outcomeLabel, outcomeTone, TRUTH_MARK } from '../../src/format/describeOutcome';
import { citationNode, citationsNode } from './citations';
import { h } from './dom';

/** A problem with the answers, tied to the question that fixes it when there is one. */
export interface AnswerIssue {
  readonly fact?: string;
  readonly label: string;
  readonly message: string;
}

/** What the result panel shows: an assessment, or why there is none yet. */
export type ResultState =
  | { readonly kind: 'assessed'; readonly assessment: Assessment }
  | { readonly kind: 'incomplete'; readonly issues: readonly AnswerIssue[] }
  | { readonly kind: 'error'; readonly message: string };

/** Renders the live result: outcome, open questions, deciding provisions, notes and the trace. Buttons naming a fact call `onQuestion`. */
export function renderResult(state: ResultState, onQuestion: (fact: string) => void): HTMLElement {
  const root = renderState(state);
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-fact]')) button.addEventListener('click', () => onQuestion(button.dataset.fact as string));
  return root;
}

function renderState(state: ResultState): HTMLElement {
  if (state.kind === 'error') {
    return h('div', { class: 'result' }, h('section', { class: 'outcome tone-caution', 'data-testid': 'outcome', 'data-outcome': 'error' }, h('h2', {}, 'Cannot assess'), h('p', {}, state.message)));
  }
  if (state.kind === 'incomplete') {
    return h(
      'div',
      { class: 'result' },
      h(
        'section',
        { class: 'outcome tone-neutral', 'data-testid': 'outcome', 'data-outcome': 'incomplete' },
        h('h2', {}, 'Not assessed yet'),
        h('p', {}, 'Complete or correct these answers to see the outcome:'),
        h(
          'ul',
          { class: 'issues' },
          state.issues.map((issue) =>
            h('li', {}, issue.fact === undefined ? issue.label : h('button', { type: 'button', class: 'link', 'data-fact': issue.fact }, issue.label), `: ${issue.message}`),
          ),
        ),
      ),
    );
  }
  const { assessment } = state;
  return h(
    'div',
    { class: 'result' },
    h(
      'section',
      { class: `outcome tone-${outcomeTone(assessment.outcome)}`, 'data-testid': 'outcome', 'data-outcome': assessment.outcome },
      h('h2', {}, outcomeLabel(assessment.outcome)),
      h('p', { class: 'next' }, assessment.nextSteps),
      assessment.possibleOutcomes.length > 1 ? h('p', { class: 'possible' }, 'Still possible: ', assessment.possibleOutcomes.map(outcomeLabel).join(', '), '.') : null,
      assessment.competentAuthority === undefined
        ? null
        : h(
            'p',
            { class: 'authority' },
            'Competent authority: ',
            h('strong', {}, assessment.competentAuthority.name ?? 'name not confirmed in this ruleset'),
            ` (${assessment.competentAuthority.memberState}) `,
            citationNode(assessment.competentAuthority.citation),
          ),
    ),
    h(
      'section',
      { class: 'open-questions', 'data-testid': 'questions' },
      h('h3', {}, `Open questions (${assessment.questions.length})`),
      assessment.questions.length === 0
        ? h('p', { class: 'empty' }, 'None: every fact the outcome depends on is known.')
        : h(
            'ol',
            {},
            assessment.questions.map((question) =>
              h('li', { 'data-fact': question.fact }, h('button', { type: 'button', class: 'link', 'data-fact': question.fact }, question.prompt), ' ', citationNode(question.citation)),
            ),
          ),
    ),
    h(
      'section',
      { class: 'obligations', 'data-testid': 'obligations' },
      h('h3', {}, 'Why'),
      assessment.obligations.length === 0
        ? h('p', { class: 'empty' }, 'No rule decides yet: the outcome depends on the open questions.')
        : h('ul', {}, assessment.obligations.map((obligation) => h('li', { 'data-rule': obligation.rule }, obligation.summary, h('br'), citationsNode(obligation.citation, obligation.seeAlso)))),
    ),
    assessment.notes.length === 0
      ? null
      : h('section', { class: 'notes' }, h('h3', {}, 'Also note'), h('ul', {}, assessment.notes.map((note) => h('li', { 'data-note': note.id }, note.text, h('br'), citationsNode(note.citation, note.seeAlso))))),
    h(
      'section',
      { class: 'trace', 'data-testid': 'trace' },
      h('h3', {}, 'Reasoning: every rule, in order'),
      assessment.trace.map((step) =>
        h(
          'details',
          { class: 'rule', 'data-rule': step.rule, 'data-result': step.result },
          h('summary', {}, mark(step.result), ' ', h('code', {}, step.rule), ` → ${outcomeLabel(step.outcome)}: ${step.title} `, citationNode(step.citation)),
          h('ul', { class: 'tree' }, condition(step.conditions)),
        ),
      ),
    ),
    h(
      'p',
      { class: 'ruleset' },
      'Ruleset ',
      h('code', {}, assessment.ruleset.id),
      ` ${assessment.ruleset.version}`,
      assessment.ruleset.overlays.map((overlay) => [' + ', h('code', {}, overlay.id), ` ${overlay.version}`]),
      ` · sha256 ${assessment.ruleset.sha256.slice(0, 16)}…`,
    ),
  );
}

function mark(value: TruthValue): HTMLElement {
  return h('span', { class: `t t-${value}` }, `${TRUTH_MARK[value]} ${value}`);
}

function condition(trace: ConditionTrace): HTMLElement {
  switch (trace.type) {
    case 'fact':
      return h(
        'li',
        { class: 'condition', 'data-result': trace.result },
        mark(trace.result),
        ' ',
        h('code', {}, trace.fact),
        ` ${trace.operator} `,
        h('code', {}, JSON.stringify(trace.expected)),
        trace.threshold === undefined ? null : ` (${trace.threshold})`,
        '; actual ',
        h('code', {}, trace.actual === null ? 'unknown' : JSON.stringify(trace.actual)),
      );
    case 'all':
    case 'any':
      return h('li', {}, mark(trace.result), ` ${trace.type} of:`, h('ul', { class: 'tree' }, trace.conditions.map(condition)));
    case 'not':
      return h('li', {}, mark(trace.result), ' not:', h('ul', { class: 'tree' }, condition(trace.condition)));
    case 'named':
      return h('li', {}, mark(trace.result), ` ${trace.title} `, citationNode(trace.citation), h('ul', { class: 'tree' }, condition(trace.condition)));
  }
}
