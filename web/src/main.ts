import './styles.css';
import transactionJsonSchema from '../../schemas/transaction.schema.json';
import {
  assess,
  AssessmentError,
  formatReport,
  listRulesets,
  loadRuleset,
  TransactionError,
  type Assessment,
  type CompiledRuleset,
  type Issue,
} from '../../src/index';
import { getAnswer, setAnswer, type Draft } from './answers';
import { h } from './dom';
import { readAnswer, renderQuestion } from './form';
import { questionsOf, type QuestionSpec } from './questions';
import { renderResult, type AnswerIssue, type ResultState } from './result';

/** The transaction fields the form asks outside the ruleset's questions: they identify the transaction in the report. */
const DETAILS = [
  { id: 'detail-reference', path: 'id', label: 'Your reference' },
  { id: 'detail-date', path: 'date', label: 'Export date' },
  { id: 'detail-description', path: 'item.description', label: 'Item description' },
  { id: 'detail-end-user-name', path: 'endUser.name', label: "End user's name" },
] as const;

const GROUP_TITLES: Readonly<Record<string, string>> = {
  activity: 'The activity',
  exporter: 'The exporter',
  destination: 'The destination',
  item: 'The item',
  findings: 'What the exporter knows about the intended use',
  endUser: 'The end user',
  parties: 'Other parties',
  redFlags: 'Red flags',
  dueDiligence: 'Due-diligence steps',
};

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const rulesetSelect = byId<HTMLSelectElement>('ruleset');
const questionsBox = byId<HTMLDivElement>('questions');
const resultBox = byId<HTMLElement>('result');
const rulesetNote = byId<HTMLParagraphElement>('ruleset-note');

let draft: Draft = { date: today() };
let ruleset: CompiledRuleset | undefined;
let questions: QuestionSpec[] = [];
let assessment: Assessment | undefined;
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
      const window = summary.validity.to === null ? `from ${summary.validity.from}` : `${summary.validity.from} to ${summary.validity.to}`;
      group.append(h('option', { value: `${id}|${summary.version}` }, `Version ${summary.version} (${window})`));
    }
    rulesetSelect.append(group);
  }
}

/** The compiled ruleset the picker and the export date select, with the overlays in force on that date. */
function chosenRuleset(): CompiledRuleset {
  const [id, version] = rulesetSelect.value.split('|') as [string, string];
  const asOf = typeof draft.date === 'string' && draft.date !== '' ? draft.date : today();
  return loadRuleset(id, version === 'auto' ? { asOf } : { version, asOf });
}

function renderForm(): void {
  questionsBox.replaceChildren();
  const groups = new Map<string, HTMLElement>();
  for (const spec of questions) {
    let group = groups.get(spec.group);
    if (group === undefined) {
      group = h('section', { class: 'group', 'data-group': spec.group }, h('h2', {}, GROUP_TITLES[spec.group] ?? spec.group));
      groups.set(spec.group, group);
      questionsBox.append(group);
    }
    group.append(renderQuestion(spec, getAnswer(draft, spec.fact)));
  }
}

function renderDetails(): void {
  for (const detail of DETAILS) {
    const value = getAnswer(draft, detail.path);
    byId<HTMLInputElement>(detail.id).value = typeof value === 'string' ? value : '';
  }
}

/** Re-selects the ruleset (the date may have moved to another version) and re-assesses; the form is rebuilt only when the ruleset changed. */
async function update(): Promise<void> {
  const current = ++run;
  resultBox.setAttribute('aria-busy', 'true');
  let next: CompiledRuleset;
  try {
    next = chosenRuleset();
  } catch (error) {
    show({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (next !== ruleset) {
    ruleset = next;
    questions = questionsOf(next, transactionJsonSchema);
    renderForm();
    rulesetNote.textContent = `${next.title}. ${next.overlays.length === 0 ? 'No national overlay' : `With ${next.overlays.map((overlay) => `${overlay.id} ${overlay.version}`).join(', ')}`} in force on this date.`;
  }
  try {
    const result = await assess(draft, { ruleset: next });
    if (current !== run) return;
    assessment = result;
    show({ kind: 'assessed', assessment: result });
  } catch (error) {
    if (current !== run) return;
    assessment = undefined;
    if (error instanceof TransactionError) show({ kind: 'incomplete', issues: error.issues.map(describeIssue) });
    else if (error instanceof AssessmentError) show({ kind: 'error', message: error.message });
    else show({ kind: 'error', message: `Internal error (please report it): ${error instanceof Error ? error.message : String(error)}` });
  }
}

/**
 * Ties a validation issue to the question that fixes it: the question for that field, the entry of a repeatable
 * answer, or, for a missing section (e.g. `exporter`), its first required question.
 */
function describeIssue(issue: Issue): AnswerIssue {
  const dotted = issue.path.filter((segment) => typeof segment === 'string').join('.');
  const spec =
    questions.find((candidate) => candidate.fact === dotted || dotted.startsWith(`${candidate.fact}.`)) ??
    questions.find((candidate) => candidate.required && candidate.fact.startsWith(`${dotted}.`));
  const detail = DETAILS.find((candidate) => candidate.path === dotted);
  if (spec === undefined) return { label: detail === undefined ? (dotted === '' ? 'The transaction' : dotted) : detail.label, message: issue.message };
  const index = issue.path.find((segment) => typeof segment === 'number');
  const within = spec.fact === dotted ? '' : dotted.slice(spec.fact.length + 1);
  const where = [index === undefined ? '' : `entry ${index + 1}`, within].filter((part) => part !== '').join(', ');
  return { fact: spec.fact, label: where === '' ? spec.title : `${spec.title} (${where})`, message: issue.message };
}

function show(state: ResultState): void {
  resultBox.replaceChildren(renderResult(state, focusQuestion));
  resultBox.setAttribute('aria-busy', 'false');
  for (const button of document.querySelectorAll<HTMLButtonElement>('.download')) button.disabled = button.dataset.needs === 'assessment' && assessment === undefined;
  const asked = new Set(state.kind === 'assessed' ? state.assessment.questions.map((question) => question.fact) : []);
  const issues = new Map<string, string>();
  if (state.kind === 'incomplete') {
    for (const issue of state.issues) if (issue.fact !== undefined) issues.set(issue.fact, [issues.get(issue.fact), `${issue.label}: ${issue.message}`].filter(Boolean).join(' '));
  }
  for (const fieldset of questionsBox.querySelectorAll<HTMLFieldSetElement>('fieldset.question')) {
    const fact = fieldset.dataset.fact as string;
    fieldset.classList.toggle('asked', asked.has(fact));
    const issue = fieldset.querySelector<HTMLParagraphElement>('.issue');
    if (issue !== null) {
      issue.hidden = !issues.has(fact);
      issue.textContent = issues.get(fact) ?? '';
    }
  }
  const answered = questions.filter((spec) => getAnswer(draft, spec.fact) !== undefined).length;
  byId('progress').textContent = `${answered} of ${questions.length} questions answered`;
}

function focusQuestion(fact: string): void {
  const fieldset = questionsBox.querySelector<HTMLElement>(`fieldset[data-fact="${CSS.escape(fact)}"]`) ?? document.querySelector<HTMLElement>(`[data-path="${CSS.escape(fact)}"]`);
  if (fieldset === null) return;
  fieldset.scrollIntoView({ behavior: 'smooth', block: 'center' });
  fieldset.querySelector<HTMLElement>('input, select')?.focus({ preventScroll: true });
  fieldset.classList.add('flash');
  setTimeout(() => fieldset.classList.remove('flash'), 1200);
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

function onAnswer(event: Event): void {
  const fieldset = (event.target as HTMLElement).closest<HTMLFieldSetElement>('fieldset.question');
  const spec = questions.find((candidate) => candidate.fact === fieldset?.dataset.fact);
  if (fieldset === null || spec === undefined) return;
  draft = setAnswer(draft, spec.fact, readAnswer(fieldset, spec));
  void update();
}

for (const detail of DETAILS) {
  byId<HTMLInputElement>(detail.id).addEventListener('input', (event) => {
    const value = (event.target as HTMLInputElement).value;
    draft = setAnswer(draft, detail.path, value.trim() === '' ? undefined : value);
    void update();
  });
}

rulesetSelect.addEventListener('change', () => void update());

byId<HTMLButtonElement>('download-html').addEventListener('click', () => {
  if (assessment !== undefined) download(`${fileStem()}-decision.html`, 'text/html', formatReport(assessment, draft, { format: 'html', generatedAt: new Date().toISOString() }));
});
byId<HTMLButtonElement>('download-md').addEventListener('click', () => {
  if (assessment !== undefined) download(`${fileStem()}-decision.md`, 'text/markdown', formatReport(assessment, draft, { format: 'md', generatedAt: new Date().toISOString() }));
});
byId<HTMLButtonElement>('download-json').addEventListener('click', () => download(`${fileStem()}.json`, 'application/json', `${JSON.stringify(draft, null, 2)}\n`));

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
  loadDraft(parsed as Draft);
});

byId<HTMLButtonElement>('reset').addEventListener('click', () => loadDraft({ date: today() }));

function loadDraft(next: Draft): void {
  draft = next;
  ruleset = undefined;
  renderDetails();
  void update();
}

fillRulesetPicker();
renderDetails();
void update();
