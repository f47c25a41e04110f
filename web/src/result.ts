import { outcomeLabel, outcomeTone, TRUTH_MARK } from '../../src/format/describeOutcome';
import type { OverlayInReport } from '../../src/format/overlayConcerns';
import type { Assessment, ConditionTrace, Question, TruthValue } from '../../src/index';
import { citationNode, citationsNode } from './citations';
import { h } from './dom';
import type { Fix, Problem } from './problems';
import type { QuestionSpec } from './questions';

/** What the result panel needs to know about the form: which questions it shows, their answers, the rules' wording. */
export interface ResultContext {
  /** The question the form shows for a fact, if it shows one. */
  question(fact: string): QuestionSpec | undefined;
  /** The draft's answer for a fact (`undefined` = not known). */
  answer(fact: string): unknown;
  /** The steps the exporter takes (the due-diligence steps) answered "No": not done yet. */
  outstandingSteps(): readonly QuestionSpec[];
  /** A rule's summary, in the ruleset's words. */
  ruleSummary(rule: string): string | undefined;
  /** Whether a problem is already shown, with its fixes, next to its field in the form. */
  shownInPlace(problem: Problem): boolean;
  /** The overlays the assessment's ruleset composes, each with whether it concerns this exporter (as the reports say). */
  overlays(assessment: Assessment): readonly OverlayInReport[];
}

/** What the result panel shows: an assessment, or why there is none yet. */
export type ResultState =
  | { readonly kind: 'assessed'; readonly assessment: Assessment }
  | { readonly kind: 'incomplete'; readonly problems: readonly Problem[] }
  | { readonly kind: 'error'; readonly message: string };

/** What the panel's buttons do: go to a question, or apply a fix. */
export interface ResultActions {
  onQuestion(fact: string): void;
  onFix(fix: Fix): void;
}

/** Renders the live result: outcome, open questions, outstanding steps, deciding provisions, notes and the trace. */
export function renderResult(state: ResultState, context: ResultContext, actions: ResultActions): HTMLElement {
  const root = renderState(state, context, actions);
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-fact]'))
    button.addEventListener('click', () => actions.onQuestion(button.dataset.fact as string));
  return root;
}

/** The fix buttons of a problem. */
export function fixButtons(problem: Problem, onFix: (fix: Fix) => void): HTMLElement | null {
  if (problem.fixes.length === 0) return null;
  return h(
    'span',
    { class: 'fixes' },
    problem.fixes.map((fix) => {
      const button = h('button', { type: 'button', class: 'fix' }, fix.label);
      button.addEventListener('click', () => onFix(fix));
      return button;
    }),
  );
}

function renderState(state: ResultState, context: ResultContext, actions: ResultActions): HTMLElement {
  if (state.kind === 'error') {
    return h(
      'div',
      { class: 'result' },
      h(
        'section',
        { class: 'outcome tone-caution', 'data-testid': 'outcome', 'data-outcome': 'error' },
        h('h2', {}, 'Cannot assess'),
        h('p', {}, state.message),
      ),
    );
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
          state.problems.map((problem) => {
            const target =
              problem.fact !== undefined && context.question(problem.fact) !== undefined
                ? problem.fact
                : problem.detail;
            return h(
              'li',
              { 'data-path': problem.path.join('.') },
              target === undefined
                ? problem.label
                : h('button', { type: 'button', class: 'link', 'data-fact': target }, problem.label),
              `: ${problem.message}`,
              context.shownInPlace(problem) ? null : [' ', fixButtons(problem, actions.onFix)],
            );
          }),
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
      {
        class: `outcome tone-${outcomeTone(assessment.outcome)}`,
        'data-testid': 'outcome',
        'data-outcome': assessment.outcome,
      },
      h('h2', {}, outcomeLabel(assessment.outcome)),
      h('p', { class: 'next' }, assessment.nextSteps),
      assessment.possibleOutcomes.length > 1
        ? h(
            'p',
            { class: 'possible' },
            'Still possible: ',
            assessment.possibleOutcomes.map(outcomeLabel).join(', '),
            '.',
          )
        : null,
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
    openQuestions(assessment, context),
    outstandingSteps(context),
    why(assessment, context),
    assessment.notes.length === 0
      ? null
      : h(
          'section',
          { class: 'notes' },
          h('h3', {}, 'Also note'),
          h(
            'ul',
            {},
            assessment.notes.map((note) =>
              h('li', { 'data-note': note.id }, note.text, h('br'), citationsNode(note.citation, note.seeAlso)),
            ),
          ),
        ),
    h(
      'section',
      { class: 'trace', 'data-testid': 'trace' },
      h('h3', {}, 'Reasoning: every rule, in order'),
      assessment.trace.map((step) =>
        h(
          'details',
          { class: 'rule', 'data-rule': step.rule, 'data-result': step.result },
          // The citation links sit below the summary: a link inside the control that folds the details is a nested interactive control.
          h(
            'summary',
            {},
            mark(step.result),
            ' ',
            h('code', {}, step.rule),
            ` → ${outcomeLabel(step.outcome)}: ${step.title}`,
          ),
          h('p', { class: 'rule-cite' }, citationsNode(step.citation, step.seeAlso)),
          h('ul', { class: 'tree' }, condition(step.conditions)),
        ),
      ),
    ),
    h(
      'p',
      { class: 'ruleset', 'data-testid': 'ruleset' },
      'Ruleset ',
      h('code', {}, assessment.ruleset.id),
      ` ${assessment.ruleset.version}`,
      // Only the overlays that concern this exporter (or may: its member state is not known yet); the downloaded
      // report names every composed overlay, for replay.
      context
        .overlays(assessment)
        .filter(({ concerns }) => concerns !== 'no')
        .map(({ overlay, concerns, note }) => [
          ' + ',
          h('code', { 'data-overlay': overlay.id, ...(concerns === 'may' ? { title: note } : {}) }, overlay.id),
          ` ${overlay.version}${concerns === 'may' ? ' (may apply)' : ''}`,
        ]),
      ` · sha256 ${assessment.ruleset.sha256.slice(0, 16)}…`,
    ),
  );
}

/** Whether the draft gives entries for a list the assessment still asks: one of them is incomplete (e.g. a finding without its knowledge level). */
function hasIncompleteEntries(question: Question, context: ResultContext): boolean {
  const answer = context.answer(question.fact);
  return Array.isArray(answer) && answer.length > 0;
}

/**
 * The questions the assessment asks, except the steps answered "No": those are outstanding steps, not questions. A
 * question asked although answered (a list with an entry left incomplete) says so.
 */
function openQuestions(assessment: Assessment, context: ResultContext): HTMLElement {
  const steps = new Set(context.outstandingSteps().map((step) => step.fact));
  const open = assessment.questions.filter((question) => !steps.has(question.fact));
  return h(
    'section',
    { class: 'open-questions', 'data-testid': 'questions' },
    h('h3', {}, `Open questions (${open.length})`),
    open.length === 0
      ? h('p', { class: 'empty' }, 'None: every fact the outcome depends on is known.')
      : [
          h(
            'p',
            { class: 'hint' },
            'Only questions whose answer can change the outcome are listed. Answering one may bring up further questions.',
          ),
          h(
            'ol',
            {},
            open.map((question) =>
              h(
                'li',
                { 'data-fact': question.fact },
                context.question(question.fact) === undefined
                  ? question.prompt
                  : h('button', { type: 'button', class: 'link', 'data-fact': question.fact }, question.prompt),
                hasIncompleteEntries(question, context)
                  ? h('em', {}, ' Some of the entries given are incomplete.')
                  : null,
                ' ',
                citationNode(question.citation),
              ),
            ),
          ),
        ],
  );
}

/** The steps answered "No" (a due-diligence step not done yet): answers, not questions, and each still to be done. */
function outstandingSteps(context: ResultContext): HTMLElement | null {
  const steps = context.outstandingSteps();
  if (steps.length === 0) return null;
  return h(
    'section',
    { class: 'outstanding', 'data-testid': 'outstanding' },
    h('h3', {}, `Outstanding steps (${steps.length})`),
    h('p', { class: 'hint' }, 'Answered “No”: each is a step not done yet. Complete it, then change the answer.'),
    h(
      'ol',
      {},
      steps.map((step) =>
        h(
          'li',
          { 'data-fact': step.fact },
          h('strong', {}, step.title),
          ' — answered “No”. ',
          step.help ?? step.prompt,
          ' ',
          citationsNode(step.citation, step.seeAlso),
          ' ',
          h(
            'button',
            { type: 'button', class: 'link', 'data-fact': step.fact, 'aria-label': `Change the answer: ${step.title}` },
            'Change the answer',
          ),
        ),
      ),
    ),
  );
}

/** The rules that decide; while none does, the rules that already hold, so "Why" never reads as if nothing applied. */
function why(assessment: Assessment, context: ResultContext): HTMLElement {
  if (assessment.obligations.length > 0) {
    return h(
      'section',
      { class: 'obligations', 'data-testid': 'obligations' },
      h('h3', {}, 'Why'),
      h(
        'ul',
        {},
        assessment.obligations.map((obligation) =>
          h(
            'li',
            { 'data-rule': obligation.rule },
            obligation.summary,
            h('br'),
            citationsNode(obligation.citation, obligation.seeAlso),
          ),
        ),
      ),
    );
  }
  const holding = assessment.trace.filter((step) => step.result === 'true');
  return h(
    'section',
    { class: 'obligations', 'data-testid': 'obligations' },
    h('h3', {}, 'Why'),
    holding.length === 0
      ? h('p', { class: 'empty' }, 'No rule decides yet: the outcome depends on the open questions.')
      : [
          h(
            'p',
            {},
            `No rule decides yet: an answer to the open questions may still lead to ${
              assessment.possibleOutcomes
                .filter((outcome) => !holding.some((step) => step.outcome === outcome))
                .map(outcomeLabel)
                .join(' or ') || 'another outcome'
            }. These rules already hold:`,
          ),
          h(
            'ul',
            {},
            holding.map((step) =>
              h(
                'li',
                { 'data-holding-rule': step.rule },
                h('strong', {}, step.title),
                ` → ${outcomeLabel(step.outcome)}. `,
                context.ruleSummary(step.rule) ?? '',
                h('br'),
                citationsNode(step.citation, step.seeAlso),
              ),
            ),
          ),
        ],
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
      return h(
        'li',
        {},
        mark(trace.result),
        ` ${trace.type} of:`,
        h('ul', { class: 'tree' }, trace.conditions.map(condition)),
      );
    case 'not':
      return h('li', {}, mark(trace.result), ' not:', h('ul', { class: 'tree' }, condition(trace.condition)));
    case 'named':
      return h(
        'li',
        {},
        mark(trace.result),
        ` ${trace.title} `,
        citationNode(trace.citation),
        h('ul', { class: 'tree' }, condition(trace.condition)),
      );
  }
}
