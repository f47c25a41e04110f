import type { Assessment, Question } from '../types/assessment';
import { citationHtml, citationLink, joinHtml, seeAlsoHtml } from './citationHtml';
import { outcomeLabel } from './describeOutcome';
import { html, type SafeHtml } from './html';
import type { OutstandingStep } from './outstandingSteps';
import { rulesHolding } from './rulesHolding';

/** The HTML report's sections on what is still to do and why: open questions, outstanding steps, the deciding rules. */
export function questionsSection(questions: readonly Question[]): SafeHtml {
  return html`<section id="questions">
<h2>Open questions</h2>
${
  questions.length === 0
    ? html`<p class="empty">None: every fact the outcome depends on is known.</p>`
    : html`<p>Find out the following, then assess again. Each answer can change the outcome.</p>
<ol class="questions">
${questions.map(
  (question) => html`<li data-fact="${question.fact}">${question.prompt}<br>
<span class="citation"><code>${question.fact}</code> · ${citationHtml(question.citation)} · decides ${codes(question.rules)}</span></li>
`,
)}
</ol>`
}
</section>`;
}

/** The steps answered and not taken (e.g. a due-diligence step answered "No"): answers, each still to be done. */
export function outstandingSection(steps: readonly OutstandingStep[]): SafeHtml | '' {
  if (steps.length === 0) return '';
  return html`<section id="outstanding-steps">
<h2>Outstanding steps</h2>
<p>Answered, and not done yet: these are not open questions but steps still to take. Take each, record it, then assess again.</p>
<ol class="steps">
${steps.map(
  (
    step,
  ) => html`<li data-fact="${step.fact}"><strong>${step.title}</strong>: answered “${step.answer}”. ${step.description}<br>
<span class="citation"><code>${step.fact}</code> · ${citationHtml(step.citation)}${seeAlsoHtml(step.seeAlso)} · keeps ${codes(step.rules)} holding</span></li>
`,
)}
</ol>
</section>`;
}

/** The deciding provisions; while none decides, the rules that already hold, so "Why" never reads as if nothing applied. */
export function whySection(assessment: Assessment): SafeHtml {
  const { obligations } = assessment;
  if (obligations.length > 0)
    return html`<section id="obligations">
<h2>Why: the deciding provisions</h2>
<ul class="obligations">
${obligations.map(
  (
    obligation,
  ) => html`<li data-rule="${obligation.rule}"><strong>${citationLink(obligation.citation)}</strong> — ${obligation.summary}<br>
<span class="citation">${citationHtml(obligation.citation)}${seeAlsoHtml(obligation.seeAlso)} · rule <code>${obligation.rule}</code> → ${outcomeLabel(obligation.outcome)}</span></li>
`,
)}
</ul>
</section>`;
  const holding = rulesHolding(assessment);
  return html`<section id="obligations">
<h2>Why: the deciding provisions</h2>
${
  holding.steps.length === 0
    ? html`<p class="empty">No rule decides yet: the outcome depends on the open questions above.</p>`
    : html`<p>No rule decides yet: an answer to the open questions may still lead to ${joinHtml(
        holding.stillPossible.map((outcome) => html`<strong>${outcomeLabel(outcome)}</strong>`),
        ' or ',
      )}. These rules already hold:</p>
<ul class="obligations">
${holding.steps.map(
  (
    step,
  ) => html`<li data-holding-rule="${step.rule}"><strong>${citationLink(step.citation)}</strong> — ${step.title}<br>
<span class="citation">${citationHtml(step.citation)}${seeAlsoHtml(step.seeAlso)} · rule <code>${step.rule}</code> → ${outcomeLabel(step.outcome)}</span></li>
`,
)}
</ul>`
}
</section>`;
}

function codes(ids: readonly string[]): SafeHtml {
  return joinHtml(
    ids.map((id) => html`<code>${id}</code>`),
    ', ',
  );
}
