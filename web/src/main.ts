import './styles.css';
import { overlaysInReport } from '../../src/format/overlayConcerns';
import {
  assess,
  AssessmentError,
  formatReport,
  listRulesets,
  loadRuleset,
  TransactionError,
  type Assessment,
  type CompiledRuleset,
} from '../../src/index';
import { getAnswer, setAnswer, type Draft } from './answers';
import { ask } from './dialog';
import { h } from './dom';
import { describeDraft, discardDraft, hasAnswers, readDraft, saveDraft, type KeyValueStore } from './draftStorage';
import { readAnswers, renderQuestion } from './form';
import { DETAILS, describeProblems, exportDateProblem, type Fix, type Problem } from './problems';
import { questionnaireOf, type Questionnaire, type QuestionSpec } from './questions';
import { hiddenFacts, holdsAnswer, unusedAnswers } from './relevance';
import { fixButtons, renderResult, type ResultContext, type ResultState } from './result';
import { TouchedFields } from './touched';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const rulesetSelect = byId<HTMLSelectElement>('ruleset');
const questionsBox = byId<HTMLDivElement>('questions');
const resultBox = byId<HTMLElement>('result');
const rulesetNote = byId<HTMLParagraphElement>('ruleset-note');
const draftStatus = byId<HTMLParagraphElement>('draft-status');
const keepDraftBox = byId<HTMLInputElement>('keep-draft');

/** The browser's local storage, when the page may use it (a browser may refuse it, e.g. by policy for file:// pages). */
const store: KeyValueStore | undefined = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();

let draft: Draft = { date: today() };
let ruleset: CompiledRuleset | undefined;
let questionnaire: Questionnaire = { sections: [], questions: [], unanswerable: [] };
let questions: readonly QuestionSpec[] = [];
let hidden = new Set<string>();
/** The facts the latest assessment asks: always shown, whatever `showWhen` says. */
let asked: ReadonlySet<string> = new Set();
let assessment: Assessment | undefined;
let problems: readonly Problem[] = [];
const touched = new TouchedFields();
/** Until the officer has answered the offer to restore a kept draft, nothing is saved over it. */
let keepStoredDraft = false;
let run = 0;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The ruleset picker: for each base ruleset, "the version in force on the export date", then each version. */
function fillRulesetPicker(): void {
  const bases = listRulesets().filter((summary) => summary.kind === 'base' && summary.selectable);
  for (const id of [...new Set(bases.map((summary) => summary.id))]) {
    const group = h('optgroup', { label: id });
    group.append(h('option', { value: `${id}|auto` }, 'The version in force on the export date'));
    for (const summary of bases.filter((candidate) => candidate.id === id)) {
      const window =
        summary.validity.to === null
          ? `from ${summary.validity.from}`
          : `${summary.validity.from} to ${summary.validity.to}`;
      group.append(h('option', { value: `${id}|${summary.version}` }, `Version ${summary.version} (${window})`));
    }
    rulesetSelect.append(group);
  }
}

/**
 * The ruleset the picker and the export date select, with the overlays in force on that date; `asOf` is the draft's
 * date when it is a real date. When that fails (no version in force on the date), `fallback` is the version the
 * form can still show its questions from, and `error` says why there is no assessment.
 */
function chooseRuleset(asOf: string | undefined): { readonly ruleset: CompiledRuleset; readonly error?: string } {
  const [id, version] = rulesetSelect.value.split('|') as [string, string];
  const pinned = version === 'auto' ? {} : { version };
  try {
    return { ruleset: loadRuleset(id, { ...pinned, asOf: asOf ?? today() }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ruleset: ruleset ?? loadRuleset(id, pinned), error: `Check the export date: ${message}` };
  }
}

/** Builds the form: the sections `listQuestions` gives, in order, each with its questions. */
function renderForm(): void {
  questionsBox.replaceChildren();
  for (const section of questionnaire.sections) {
    const titleId = `section-${section.id}`;
    questionsBox.append(
      h(
        'section',
        { class: 'group', 'data-section': section.id, 'aria-labelledby': titleId },
        h('h2', { id: titleId }, section.title),
        questions.filter((spec) => spec.section === section.id).map((spec) => renderQuestion(spec, draft)),
      ),
    );
  }
  refreshVisibility();
}

/**
 * Hides the questions that may wait until they matter (see `hiddenFacts`: never one that holds an answer or that the
 * assessment asks); a section whose questions are all hidden is hidden too.
 */
function refreshVisibility(): void {
  hidden = hiddenFacts(questions, draft, asked);
  for (const fieldset of questionsBox.querySelectorAll<HTMLFieldSetElement>('fieldset.question'))
    fieldset.hidden = hidden.has(fieldset.dataset.fact as string);
  for (const group of questionsBox.querySelectorAll<HTMLElement>('section.group')) {
    group.hidden = [...group.querySelectorAll<HTMLFieldSetElement>('fieldset.question')].every(
      (fieldset) => fieldset.hidden,
    );
  }
}

function visibleQuestion(fact: string): QuestionSpec | undefined {
  const spec = questions.find((candidate) => candidate.fact === fact);
  return spec === undefined || hidden.has(fact) ? undefined : spec;
}

/** Switches to the questions of another ruleset. */
function useQuestions(next: CompiledRuleset): void {
  questionnaire = questionnaireOf(next);
  questions = questionnaire.questions;
  showDetails();
}

/**
 * Hides a detail field that the ruleset asks as a question (the end user's name, from Article 5 2.2.0): it is answered
 * there, with its help and citation, so the form has one control per transaction field.
 */
function showDetails(): void {
  for (const detail of DETAILS) {
    const field = byId<HTMLInputElement>(detail.id).closest<HTMLElement>('.field');
    if (field !== null) field.hidden = questions.some((question) => question.fact === detail.path);
  }
}

function renderDetails(): void {
  for (const detail of DETAILS) {
    const value = getAnswer(draft, detail.path);
    byId<HTMLInputElement>(detail.id).value = typeof value === 'string' ? value : '';
  }
}

/**
 * Re-selects the ruleset (the date may have moved to another version) and re-assesses. The form is rebuilt when the
 * ruleset changed or `rebuild` asks (a loaded file or a fix changed answers behind the controls): a failure to pick
 * a ruleset or a bad date never leaves another draft's answers on screen.
 */
async function update(rebuild = false): Promise<void> {
  const current = ++run;
  resultBox.setAttribute('aria-busy', 'true');
  const dateProblem = exportDateProblem(draft.date);
  const chosen = chooseRuleset(dateProblem === undefined && typeof draft.date === 'string' ? draft.date : undefined);
  if (rebuild || chosen.ruleset !== ruleset) {
    ruleset = chosen.ruleset;
    useQuestions(chosen.ruleset);
    renderForm();
    rulesetNote.textContent = `${chosen.ruleset.title}. ${describeOverlays(chosen.ruleset)} in force on this date.`;
  }
  if (chosen.error !== undefined && dateProblem === undefined) {
    assessment = undefined;
    problems = [];
    show({ kind: 'error', message: chosen.error });
    return;
  }
  try {
    // With a bad date, the rest of the answers are still checked (against the ruleset in force today), so every
    // problem shows at once; there is no outcome until the date is right.
    const withoutDate = { ...draft };
    delete withoutDate.date;
    const result = await assess(dateProblem === undefined ? draft : withoutDate, { ruleset: chosen.ruleset });
    if (current !== run) return;
    if (dateProblem !== undefined) {
      assessment = undefined;
      problems = [dateProblem];
      show({ kind: 'incomplete', problems });
      return;
    }
    assessment = result;
    problems = [];
    show({ kind: 'assessed', assessment: result });
  } catch (error) {
    if (current !== run) return;
    assessment = undefined;
    if (error instanceof TransactionError) {
      problems = [
        ...(dateProblem === undefined ? [] : [dateProblem]),
        ...describeProblems(error.issues, draft, questions),
      ];
      show({ kind: 'incomplete', problems });
    } else if (error instanceof AssessmentError) {
      problems = [];
      show({ kind: 'error', message: error.message });
    } else {
      problems = [];
      show({
        kind: 'error',
        message: `Internal error (please report it): ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
}

const resultContext: ResultContext = {
  question: visibleQuestion,
  answer: (fact) => getAnswer(draft, fact),
  outstandingSteps: () => questions.filter(isOutstandingStep),
  ruleSummary: (rule) => ruleset?.document.rules?.find((candidate) => candidate.id === rule)?.summary,
  shownInPlace: (problem) =>
    problem.fact !== undefined && visibleQuestion(problem.fact) !== undefined && touched.shows(problem),
  overlays: (assessed) =>
    overlaysInReport(assessed, ruleset?.overlayScopes, ruleset?.document.authority?.memberStateFact),
};

/** The national overlays a ruleset composes, each with the member states whose exporters it concerns. */
function describeOverlays(composed: CompiledRuleset): string {
  if (composed.overlayScopes.length === 0) return 'No national overlay';
  const named = composed.overlayScopes.map(
    (scope) =>
      `${scope.id} ${scope.version}` +
      (scope.appliesTo === undefined ? '' : ` (for exporters in ${scope.appliesTo.memberStates.join(', ')})`),
  );
  return `With ${named.join(', ')}`;
}

/** A question of a steps section (the due-diligence steps) answered "No": a step not done yet. */
function isOutstandingStep(spec: QuestionSpec): boolean {
  return (
    questionnaire.sections.some((section) => section.id === spec.section && section.steps) &&
    getAnswer(draft, spec.fact) === false
  );
}

function show(state: ResultState): void {
  asked = new Set(state.kind === 'assessed' ? state.assessment.questions.map((question) => question.fact) : []);
  refreshVisibility();
  resultBox.replaceChildren(
    renderResult(state, resultContext, { onQuestion: focusQuestion, onFix: (fix) => applyFix(fix) }),
  );
  resultBox.setAttribute('aria-busy', 'false');
  for (const button of document.querySelectorAll<HTMLButtonElement>('.download'))
    button.disabled = button.dataset.needs === 'assessment' && assessment === undefined;
  const unused = unusedAnswers(questions, draft);
  for (const fieldset of questionsBox.querySelectorAll<HTMLFieldSetElement>('fieldset.question')) {
    const fact = fieldset.dataset.fact as string;
    const spec = questions.find((candidate) => candidate.fact === fact);
    const outstanding = spec !== undefined && isOutstandingStep(spec);
    fieldset.classList.toggle('asked', asked.has(fact) && !outstanding);
    fieldset.classList.toggle('outstanding', outstanding);
    const note = fieldset.querySelector<HTMLElement>('.status-note');
    if (note !== null) {
      note.hidden = !unused.has(fact);
      note.textContent = unused.has(fact)
        ? "This answer cannot matter for this exporter; set it to “Don't know” to leave it out."
        : '';
    }
    renderProblemsInPlace(fieldset, fact);
  }
  const dateProblem = problems.find(
    (problem) => problem.detail === 'date' && problem.fact === undefined && touched.shows(problem),
  );
  const dateBox = byId<HTMLParagraphElement>('detail-date-problem');
  dateBox.hidden = dateProblem === undefined;
  dateBox.textContent = dateProblem?.message ?? '';
  byId('detail-date').setAttribute('aria-invalid', dateProblem === undefined ? 'false' : 'true');
  const shown = questions.filter((spec) => visibleQuestion(spec.fact) !== undefined);
  const answered = shown.filter((spec) => holdsAnswer(spec, draft)).length;
  byId('progress').textContent = `${answered} of ${shown.length} questions answered`;
}

/** The problems of one question, with their fixes, next to it: a missing answer only once the officer acted on it. */
function renderProblemsInPlace(fieldset: HTMLFieldSetElement, fact: string): void {
  const box = fieldset.querySelector<HTMLElement>('.problems');
  if (box === null) return;
  const own = problems.filter((problem) => problem.fact === fact && touched.shows(problem));
  // Leave the box alone when nothing changed, so a screen reader does not hear the same problem after every answer.
  const signature = own.map((problem) => `${problem.path.join('.')}|${problem.message}`).join('\n');
  if (box.dataset.signature === signature) return;
  box.dataset.signature = signature;
  box.replaceChildren(
    ...own.map((problem) =>
      h(
        'p',
        { class: 'issue' },
        own.length > 1 || problem.label !== questions.find((spec) => spec.fact === fact)?.title
          ? `${problem.label}: `
          : '',
        problem.message,
        ' ',
        fixButtons(problem, (fix) => applyFix(fix, fact)),
      ),
    ),
  );
  fieldset.classList.toggle('has-problem', own.length > 0);
}

/**
 * Applies a fix chosen next to a question (`fact`) or in the result panel, keeps the draft, and shows the form as the
 * fixed draft reads; focus returns to where the fix was chosen, since its button is gone.
 */
function applyFix(fix: Fix, fact?: string): void {
  draft = fix.apply(draft);
  keep();
  renderDetails();
  void update(true).then(() => {
    const fieldset =
      fact === undefined ? null : questionsBox.querySelector<HTMLElement>(`fieldset[data-fact="${CSS.escape(fact)}"]`);
    (fieldset?.querySelector<HTMLElement>('input, select') ?? byId('result-panel')).focus();
  });
}

function focusQuestion(fact: string): void {
  const fieldset =
    questionsBox.querySelector<HTMLElement>(`fieldset[data-fact="${CSS.escape(fact)}"]`) ??
    document.querySelector<HTMLElement>(`[data-path="${CSS.escape(fact)}"]`);
  if (fieldset === null) return;
  fieldset.scrollIntoView({ behavior: 'smooth', block: 'center' });
  (fieldset.matches('input, select, textarea')
    ? fieldset
    : fieldset.querySelector<HTMLElement>('input, select')
  )?.focus({ preventScroll: true });
  fieldset.classList.add('flash');
  setTimeout(() => fieldset.classList.remove('flash'), 1200);
}

/** Keeps the draft in this browser, and says so (or that the browser does not allow it). */
function keep(): void {
  if (keepStoredDraft || !keepDraftBox.checked) return;
  const saved = saveDraft(store, draft, rulesetSelect.value, new Date());
  draftStatus.textContent = !saved
    ? 'This browser does not let the page keep a draft: save the transaction (JSON) to keep your answers.'
    : hasAnswers(draft)
      ? `Draft kept in this browser at ${new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}.`
      : '';
}

function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileStem(): string {
  const id = typeof draft.id === 'string' ? draft.id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') : '';
  return id === '' ? 'transaction' : id;
}

byId<HTMLFormElement>('questionnaire').addEventListener('submit', (event) => event.preventDefault());
questionsBox.addEventListener('change', onAnswer);
questionsBox.addEventListener('input', onAnswer);
questionsBox.addEventListener('entry-removed', (event) => {
  const fact = (event.target as HTMLElement).closest<HTMLElement>('fieldset.question')?.dataset.fact;
  if (fact !== undefined) touched.removeEntry(fact, (event as CustomEvent<{ index: number }>).detail.index);
});

function onAnswer(event: Event): void {
  const target = event.target as HTMLElement;
  const fieldset = target.closest<HTMLFieldSetElement>('fieldset.question');
  const spec = questions.find((candidate) => candidate.fact === fieldset?.dataset.fact);
  if (fieldset === null || spec === undefined) return;
  if (event.type === 'change') {
    const row = target.closest('li.record');
    const field = target.closest<HTMLElement>('[data-field]')?.dataset.field;
    if (row !== null && field !== undefined && row.parentElement !== null)
      touched.touch(spec.fact, { index: [...row.parentElement.children].indexOf(row), field });
    else touched.touch(spec.fact);
  }
  for (const [path, value] of readAnswers(fieldset, spec)) draft = setAnswer(draft, path, value);
  keep();
  void update();
}

for (const detail of DETAILS) {
  const input = byId<HTMLInputElement>(detail.id);
  input.addEventListener('input', () => {
    draft = setAnswer(draft, detail.path, input.value.trim() === '' ? undefined : input.value);
    keep();
    void update();
  });
  input.addEventListener('change', () => {
    touched.touchDetail(detail.path);
    void update();
  });
}

rulesetSelect.addEventListener('change', () => {
  keep();
  void update();
});

byId<HTMLButtonElement>('download-html').addEventListener('click', () => {
  if (assessment !== undefined)
    download(
      `${fileStem()}-decision.html`,
      'text/html',
      formatReport(assessment, draft, { format: 'html', generatedAt: new Date().toISOString() }),
    );
});
byId<HTMLButtonElement>('download-md').addEventListener('click', () => {
  if (assessment !== undefined)
    download(
      `${fileStem()}-decision.md`,
      'text/markdown',
      formatReport(assessment, draft, { format: 'md', generatedAt: new Date().toISOString() }),
    );
});
byId<HTMLButtonElement>('download-json').addEventListener('click', () =>
  download(`${fileStem()}.json`, 'application/json', `${JSON.stringify(draft, null, 2)}\n`),
);

/** Asks before answers are discarded; true when there is nothing to lose or the officer agrees. */
async function mayDiscard(title: string, consequence: string, confirm: string): Promise<boolean> {
  if (!hasAnswers(draft)) return true;
  return ask(
    title,
    [
      h('p', {}, consequence),
      h(
        'p',
        {},
        'They are not kept anywhere else unless you saved the transaction (JSON). To keep them, choose “Keep my answers”, then “Save transaction (JSON)”.',
      ),
    ],
    [
      { label: 'Keep my answers', value: false, safe: true },
      { label: confirm, value: true },
    ],
  );
}

byId<HTMLInputElement>('load').addEventListener('change', async (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  if (file === undefined) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch (error) {
    show({ kind: 'error', message: `${file.name} is not valid JSON: ${(error as Error).message}` });
    return;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    show({ kind: 'error', message: `${file.name} does not hold a transaction (a JSON object).` });
    return;
  }
  if (
    !(await mayDiscard(
      `Replace your answers with ${file.name}?`,
      `Loading ${file.name} replaces every answer in the form.`,
      `Load ${file.name}`,
    ))
  )
    return;
  loadDraft(parsed as Draft);
  keep();
});

byId<HTMLButtonElement>('reset').addEventListener('click', async () => {
  if (
    !(await mayDiscard(
      'Start over?',
      'Starting over clears every answer in the form and deletes the draft kept in this browser.',
      'Clear my answers',
    ))
  )
    return;
  loadDraft({ date: today() });
  discardDraft(store);
  draftStatus.textContent = '';
});

/** Shows another draft: a loaded file, a restored draft, or a fresh start; what it gives counts as acted on. */
function loadDraft(next: Draft): void {
  draft = next;
  touched.clear();
  renderDetails();
  const dateProblem = exportDateProblem(draft.date);
  ruleset = chooseRuleset(dateProblem === undefined && typeof draft.date === 'string' ? draft.date : undefined).ruleset;
  useQuestions(ruleset);
  asked = new Set();
  touched.touchDraft(draft, questions);
  void update(true);
}

/** On return, offers the draft kept from last time. */
async function offerStoredDraft(): Promise<void> {
  const stored = readDraft(store);
  if (stored === undefined) return;
  keepStoredDraft = true;
  const restore = await ask(
    'Continue where you left off?',
    [
      h('p', {}, `A draft from your last visit is kept in this browser: ${describeDraft(stored)}.`),
      h('p', {}, 'Starting a new one deletes it.'),
    ],
    [
      { label: 'Restore the draft', value: true, safe: true },
      { label: 'Start a new one', value: false },
    ],
  );
  keepStoredDraft = false;
  if (!restore) {
    discardDraft(store);
    return;
  }
  if (stored.ruleset !== undefined && [...rulesetSelect.options].some((option) => option.value === stored.ruleset))
    rulesetSelect.value = stored.ruleset;
  loadDraft(stored.draft);
  keep();
}

keepDraftBox.addEventListener('change', () => {
  if (keepDraftBox.checked) {
    keep();
    return;
  }
  discardDraft(store);
  draftStatus.textContent =
    'No draft is kept: the one in this browser is deleted. Your answers stay on this page until you close or reload it.';
});
// Pages opened from files may share one storage (see the note): say so where it applies.
byId('file-storage-note').hidden = location.protocol !== 'file:';

fillRulesetPicker();
renderDetails();
void update().then(offerStoredDraft);
