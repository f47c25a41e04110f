import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { loadRuleset } from '../../src/index';
import { getAnswer } from '../../web/src/answers';
import { SEARCHABLE_FROM } from '../../web/src/options';
import { questionnaireOf, type AnswerOption, type QuestionSpec } from '../../web/src/questions';
import { launchChromium } from './chromium';

export const root = new URL('../..', import.meta.url).pathname;
export const artifacts = join(root, 'test-artifacts');
export const webConfig = join(root, 'web', 'vite.config.ts');

/** Transaction fields the form asks besides the ruleset's questions. */
export const DETAILS: Readonly<Record<string, string>> = {
  id: '#detail-reference',
  'item.description': '#detail-description',
  'endUser.name': '#detail-end-user-name',
};

/** The questionnaire as `npm run build:web` builds it, in a folder of its own, served by `vite preview`. */
export interface BuiltQuestionnaire {
  /** The folder holding the build (its `index.html` is the whole questionnaire). */
  readonly dir: string;
  /** The page served over HTTP on localhost. */
  readonly url: string;
  close(): Promise<void>;
}

export async function buildQuestionnaire(): Promise<BuiltQuestionnaire> {
  const dir = mkdtempSync(join(tmpdir(), 'dur-web-'));
  await build({ configFile: webConfig, logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    configFile: webConfig,
    logLevel: 'warn',
    build: { outDir: dir },
    preview: { port: await freePort(), strictPort: true },
  });
  return {
    dir,
    url: server.resolvedUrls?.local[0] ?? '',
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The questionnaire built and served, and a Chromium to open it in, for the tests of one file. */
export interface QuestionnaireSuite {
  readonly context: BrowserContext;
  readonly url: string;
  /** The script errors of every page opened with `open`. */
  readonly errors: string[];
  /** Opens the questionnaire in a new tab (see `openQuestionnaire`). */
  open(keepDraft?: boolean): Promise<Page>;
}

/** Builds and serves the questionnaire and starts Chromium before the file's tests, and closes both after them. */
export function questionnaireSuite(): QuestionnaireSuite {
  let context: BrowserContext | undefined;
  let built: BuiltQuestionnaire | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    built = await buildQuestionnaire();
    context = await launchChromium();
  });
  afterAll(async () => {
    await context?.close();
    await built?.close();
  });
  const ready = () => {
    if (context === undefined || built === undefined)
      throw new Error('The questionnaire suite is used before its beforeAll ran.');
    return { context, built };
  };
  return {
    get context() {
      return ready().context;
    },
    get url() {
      return ready().built.url;
    },
    errors,
    open: (keepDraft = false) => openQuestionnaire(ready().context, ready().built.url, errors, keepDraft),
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, 'localhost', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/**
 * Opens the questionnaire in a new tab, collecting script errors into `errors`, and waits for its first result. The
 * draft another test left in the browser's storage is removed first (`keepDraft` leaves it), so each test starts on
 * an empty form without the offer to restore.
 */
export async function openQuestionnaire(
  context: BrowserContext,
  url: string,
  errors: string[],
  keepDraft = false,
): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  if (!keepDraft) {
    await page.evaluate('localStorage.clear()');
    await page.reload();
  }
  await settled(page);
  return page;
}

/** Waits until the page has shown the result of the latest answer. */
export async function settled(page: Page): Promise<void> {
  await page.waitForSelector('#result[aria-busy="false"]');
}

/** The questions the form asks on a date (all of them, shown or hidden), in the order it shows them: section by section. */
export function questionsOn(date: string): QuestionSpec[] {
  const { sections, questions } = questionnaireOf(loadRuleset('eu-2021-821-art5', { asOf: date }));
  return sections.flatMap((section) => questions.filter((spec) => spec.section === section.id));
}

function labelOf(options: readonly AnswerOption[] | undefined, value: string): string {
  return options?.find((option) => option.value === value)?.label ?? value;
}

/**
 * Answers one question by clicking (or typing) as a person would; `source` is a statement's source (see
 * `QuestionSpec.source`), typed beside it.
 */
export async function answer(page: Page, spec: QuestionSpec, value: unknown, source?: unknown): Promise<void> {
  const fieldset = page.locator(`fieldset[data-fact="${spec.fact}"]`);
  // What the form shows follows the assessment of the answers so far.
  await settled(page);
  if (typeof source === 'string') {
    if (!(await fieldset.isVisible())) throw new Error(`${spec.fact} is hidden, but the transaction gives its source.`);
    await fieldset.locator('textarea[data-source]').fill(source);
  }
  if (!(await fieldset.isVisible())) {
    // A question the form hides cannot matter yet: a person leaves it, and a value for it would be a test error.
    if (value === undefined || value === null) return;
    throw new Error(`${spec.fact} is hidden, but the transaction answers it (${JSON.stringify(value)}).`);
  }
  switch (spec.kind) {
    case 'boolean':
      await fieldset
        .locator(`input[type=radio][value="${value === true ? 'yes' : value === false ? 'no' : 'unknown'}"]`)
        .check();
      return;
    case 'choice':
      if (value === undefined && spec.default !== undefined) return;
      if ((await fieldset.locator('[data-choice=radios]').count()) > 0)
        await fieldset.locator(`input[type=radio][value="${typeof value === 'string' ? value : ''}"]`).check();
      else if ((spec.options?.length ?? 0) >= SEARCHABLE_FROM)
        await fieldset.locator('input[list]').fill(typeof value === 'string' ? labelOf(spec.options, value) : '');
      else await fieldset.locator('select').selectOption(typeof value === 'string' ? value : '');
      return;
    case 'multi':
      if (!Array.isArray(value)) return;
      if (value.length === 0) await fieldset.locator('input[value="__none__"]').check();
      for (const entry of value as string[]) await fieldset.locator(`input[type=checkbox][value="${entry}"]`).check();
      return;
    case 'list':
      if (!Array.isArray(value)) return;
      if (value.length === 0) await fieldset.locator('input[type=radio][value="none"]').check();
      else await fieldset.locator('input[type=text]').fill((value as string[]).join(', '));
      return;
    case 'records':
      if (!Array.isArray(value)) return;
      if (value.length === 0) await fieldset.locator('input[type=radio][value="none"]').check();
      for (const [index, record] of (value as Record<string, unknown>[]).entries()) {
        await fieldset.getByRole('button', { name: 'Add one' }).click();
        const row = fieldset.locator('li.record').nth(index);
        for (const field of spec.fields ?? []) {
          const fieldValue = record[field.name];
          const control = row.locator(`[data-field="${field.name}"]`);
          if (field.kind === 'multi' && Array.isArray(fieldValue)) {
            if (!(await control.locator('details').getAttribute('open'))) await control.locator('summary').click();
            for (const chosen of fieldValue as string[])
              await control.locator(`input[type=checkbox][value="${chosen}"]`).check();
            continue;
          }
          if (typeof fieldValue !== 'string') continue;
          if (field.options === undefined) await control.fill(fieldValue);
          else if (field.scale !== undefined) await control.locator(`input[type=radio][value="${fieldValue}"]`).check();
          else if (field.options.length >= SEARCHABLE_FROM)
            await control.locator('input[list]').fill(labelOf(field.options, fieldValue));
          else await control.selectOption(fieldValue);
        }
      }
      return;
    case 'number':
    case 'text':
      if (value !== undefined && value !== null) await fieldset.locator('input').fill(String(value));
      return;
  }
}

/** Fills the questionnaire with a transaction: the date first (it selects the ruleset and so the questions), then every question. */
export async function fillIn(page: Page, transaction: Record<string, unknown>): Promise<void> {
  await page.fill('#detail-date', transaction.date as string);
  await settled(page);
  const specs = questionsOn(transaction.date as string);
  for (const [path, selector] of Object.entries(DETAILS)) {
    const value = getAnswer(transaction, path);
    // A detail the ruleset asks as a question is answered there (below).
    if (typeof value === 'string' && !specs.some((spec) => spec.fact === path)) await page.fill(selector, value);
  }
  for (const spec of specs)
    await answer(
      page,
      spec,
      getAnswer(transaction, spec.fact),
      spec.source === undefined ? undefined : getAnswer(transaction, spec.source.fact),
    );
  await settled(page);
}

/** axe-core's script, injected into a page by the tests (never fetched: the package is a pinned devDependency). */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core finding, as much of it as a failure message needs. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/** Runs axe-core on the page (WCAG 2.x A and AA rules and axe's best practices) and returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate("'axe' in window"))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
    result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => JSON.stringify(node.target)) })))`)) as AxeViolation[];
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** How far the page reaches past the window's right edge, in CSS pixels (0 when nothing overflows sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
}
