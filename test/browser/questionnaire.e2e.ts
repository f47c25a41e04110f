import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { describe, expect, test } from 'vitest';
import { overlaysInReport } from '../../src/format/overlayConcerns';
import { assess, listQuestions, loadRuleset, OUTCOMES, transactionSchema, type Assessment } from '../../src/index';
import { getAnswer } from '../../web/src/answers';
import { forbidNodeBuiltins } from '../../web/vite.config';
import { loadScenarioFiles, type Scenario } from '../support/scenarios';
import {
  artifacts,
  DETAILS,
  fillIn,
  freePort,
  questionnaireSuite,
  questionsOn,
  root,
  settled,
} from './questionnairePage';

const example = JSON.parse(
  readFileSync(join(root, 'examples', 'notification-tracker-intelligence-agency.json'), 'utf8'),
) as Record<string, unknown>;

const suite = questionnaireSuite();
const open = () => suite.open();
const pageErrors = suite.errors;

/** The transaction fields a ruleset version asks about (a statement's source included), plus the identifying details. */
function coverable(date: string): Set<string> {
  return new Set([
    ...questionsOn(date).flatMap((spec) => (spec.source === undefined ? [spec.fact] : [spec.fact, spec.source.fact])),
    ...Object.keys(DETAILS),
    'date',
  ]);
}

function fieldPaths(value: Record<string, unknown>, asked: ReadonlySet<string>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (asked.has(path)) return [path];
    return child !== null && typeof child === 'object' && !Array.isArray(child)
      ? fieldPaths(child as Record<string, unknown>, asked, path)
      : [`!${path}`];
  });
}

/** The transaction without the fields the form for its date does not ask (they are fields that ruleset version does not read). */
function askedOnly(
  transaction: Record<string, unknown>,
  asked: ReadonlySet<string>,
  prefix = '',
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(transaction)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (asked.has(path)) kept[key] = child;
    else if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
      const inner = askedOnly(child as Record<string, unknown>, asked, path);
      if (Object.keys(inner).length > 0) kept[key] = inner;
    }
  }
  return kept;
}

/**
 * Scenarios to click through (dated, bundled ruleset chosen by date): for each outcome the first scenario whose every
 * field the form asks, and the first scenario under version 1.0.0. Version 1.0.0 asks fewer questions (no red flags,
 * no due-diligence steps: the Regulation alone does not read them), so that scenario keeps only the fields it asks;
 * its expected outcome stands, since the fields left out are ones that version never reads.
 */
function chooseScenarios(): Scenario[] {
  const dated = loadScenarioFiles()
    .filter((file) => file.folder === 'rulesets/eu-2021-821-art5/scenarios')
    .flatMap((file) => file.scenarios)
    .filter((scenario) => scenario.ruleset === undefined && typeof scenario.transaction.date === 'string');
  const chosen = new Map<string, Scenario>();
  for (const scenario of dated) {
    const complete = !fieldPaths(scenario.transaction, coverable(scenario.transaction.date as string)).some((path) =>
      path.startsWith('!'),
    );
    if (complete && !chosen.has(scenario.expect.outcome)) chosen.set(scenario.expect.outcome, scenario);
  }
  const before = dated.find((scenario) => (scenario.transaction.date as string) < '2024-10-16');
  if (before !== undefined)
    chosen.set('version 1.0.0', {
      ...before,
      transaction: askedOnly(before.transaction, coverable(before.transaction.date as string)),
    });
  return [...chosen.values()];
}

async function downloadText(page: Page, button: string): Promise<{ name: string; text: string; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = join(artifacts, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

/** What the page shows: outcome, open questions and outstanding steps (by fact), and deciding rules. */
async function shown(page: Page) {
  const facts = (selector: string) =>
    page.locator(selector).evaluateAll((items) => items.map((item) => item.getAttribute('data-fact')));
  return {
    outcome: await page.getAttribute('[data-testid=outcome]', 'data-outcome'),
    questions: await facts('[data-testid=questions] li[data-fact]'),
    outstanding: await facts('[data-testid=outstanding] li[data-fact]'),
    obligations: await page
      .locator('[data-testid=obligations] li[data-rule]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule'))),
    overlays: await page
      .locator('[data-testid=ruleset] code[data-overlay]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-overlay'))),
  };
}

/**
 * What the page should show for an assessment of `transaction`: a step the transaction answers "No" (a due-diligence
 * step not done) is an outstanding step, and every other question the assessment asks is an open question.
 */
function expected(assessment: Assessment, transaction: Record<string, unknown>) {
  const ruleset = loadRuleset('eu-2021-821-art5', { asOf: transaction.date as string });
  const { sections, questions } = listQuestions(ruleset);
  const steps = new Set(sections.filter((section) => section.steps).map((section) => section.id));
  const outstanding = questions
    .filter((question) => steps.has(question.section ?? '') && getAnswer(transaction, question.fact) === false)
    .map((question) => question.fact);
  return {
    outcome: assessment.outcome,
    questions: assessment.questions.map((question) => question.fact).filter((fact) => !outstanding.includes(fact)),
    outstanding,
    obligations: assessment.obligations.map((obligation) => obligation.rule),
    // The ruleset line names the overlays the downloaded reports say concern this exporter, or may.
    overlays: overlaysInReport(assessment, ruleset.overlayScopes, ruleset.document.authority?.memberStateFact)
      .filter(({ concerns }) => concerns !== 'no')
      .map(({ overlay }) => overlay.id),
  };
}

describe('browser questionnaire', () => {
  const scenarios = chooseScenarios();

  test('covers every outcome with scenarios it can express', () => {
    expect(new Set(scenarios.map((scenario) => scenario.expect.outcome))).toEqual(new Set(OUTCOMES));
    expect(scenarios.some((scenario) => (scenario.transaction.date as string) < '2024-10-16')).toBe(true);
  });

  /**
   * Scenarios whose answers are the law layer's inputs (issue 17): a part of a member state outside the customs
   * territory, a finding's seriousness indicators and factors, an end user of another kind, parties, the military
   * list, and the national Art. 5(3) position stated with its source.
   */
  const lawLayer = [
    'Heligoland is outside the customs territory although it is German',
    'Livigno is outside the customs territory: an export, with nothing found',
    'Positive knowledge with indicators and seriousness factors',
    'An end user of another kind: a non-governmental organisation',
    'A consignee in a country under EU restrictive measures on monitoring equipment',
    'An item on a military list is not a dual-use item: Article 5 does not apply',
    'Grounds for suspicion where the exporter states there is no national rule',
    'W6 where the exporter states that a national Art. 5(3) rule applies',
  ].map((name) => {
    const scenario = loadScenarioFiles()
      .flatMap((file) => file.scenarios)
      .find((candidate) => candidate.name === name);
    if (scenario === undefined) throw new Error(`No scenario named "${name}"`);
    return scenario;
  });

  test.each([...scenarios, ...lawLayer].map((scenario) => [scenario.name, scenario] as const))(
    'answering by clicking, %s: the page shows what assess() decides',
    async (name, scenario) => {
      const page = await open();
      await fillIn(page, scenario.transaction);
      // The transaction the clicks produced is the scenario's transaction.
      const saved = JSON.parse((await downloadText(page, '#download-json')).text) as unknown;
      expect(transactionSchema.parse(saved)).toEqual(transactionSchema.parse(scenario.transaction));
      const assessment = await assess(scenario.transaction);
      expect(assessment.outcome, 'the scenario, decided from the law').toBe(scenario.expect.outcome);
      const onPage = await shown(page);
      expect(onPage).toEqual(expected(assessment, scenario.transaction));
      // The German overlay (AWV § 9(4), for exporters in Germany) is named for a German exporter and for no exporter
      // established in another member state.
      const authority = assessment.competentAuthority?.memberState;
      if (authority === 'DE') expect(onPage.overlays).toContain('de-awv-9-4');
      else if (authority !== undefined) expect(onPage.overlays).not.toContain('de-awv-9-4');
      await page.screenshot({
        path: join(artifacts, `questionnaire-${name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}.png`),
      });
      await page.close();
    },
  );

  test('the walk-through checks both sides of the overlay rule: a German exporter and one of another member state', async () => {
    const authorities = await Promise.all(
      [...scenarios, ...lawLayer].map(async (scenario) => (await assess(scenario.transaction)).competentAuthority),
    );
    const memberStates = authorities.map((authority) => authority?.memberState);
    expect(memberStates).toContain('DE');
    expect(memberStates.some((memberState) => memberState !== undefined && memberState !== 'DE')).toBe(true);
  });

  test('a saved transaction loads back; the HTML report it downloads shows a <script> description as text, never runs it', async () => {
    const hostile = {
      ...example,
      item: {
        ...(example.item as object),
        description: 'Tracker <script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">',
      },
    };
    const file = join(artifacts, 'hostile-transaction.json');
    writeFileSync(file, JSON.stringify(hostile, null, 2));
    const page = await open();
    await page.setInputFiles('#load', file);
    await settled(page);
    await expect.poll(() => page.inputValue('#detail-description')).toBe(hostile.item.description);
    expect(await page.isChecked('fieldset[data-fact="item.speciallyDesigned"] input[value="yes"]')).toBe(true);
    const assessment = await assess(hostile);
    expect(await shown(page)).toEqual(expected(assessment, hostile));
    expect(JSON.parse((await downloadText(page, '#download-json')).text)).toEqual(hostile);

    const report = await downloadText(page, '#download-html');
    expect(report.name).toBe('W6-hidden-gps-tracker-decision.html');
    const markdown = await downloadText(page, '#download-md');
    // The example's national Art. 5(3) position is not known, so notification or authorisation (issue 17).
    expect(markdown.text.split('\n')[0]).toBe('# Export decision: Insufficient information — W6-hidden-gps-tracker');

    const reportPage = await suite.context.newPage();
    await reportPage.goto(`file://${report.path}`);
    expect(await reportPage.getAttribute('h1[data-outcome]', 'data-outcome')).toBe(assessment.outcome);
    expect(await reportPage.textContent('#item-description')).toBe(hostile.item.description);
    expect(await reportPage.locator('#item-description *').count()).toBe(0);
    expect(await reportPage.locator('script, img').count()).toBe(0);
    expect(await reportPage.evaluate('window.__pwned')).toBeUndefined();
    // On paper the collapsed trace opens, so the printed record holds every condition.
    const condition = reportPage.locator('details.rule[data-result="false"] li.condition').first();
    expect(await condition.isVisible()).toBe(false);
    await reportPage.emulateMedia({ media: 'print' });
    expect(await condition.isVisible()).toBe(true);
    await reportPage.emulateMedia({ media: 'screen' });
    await reportPage.screenshot({ path: join(artifacts, 'decision-report.png'), fullPage: true });
    await reportPage.close();
    await page.close();
  });

  test('an open question links to the form, and an unanswered required field is shown, not guessed', async () => {
    const page = await open();
    expect(await page.getAttribute('[data-testid=outcome]', 'data-outcome')).toBe('incomplete');
    await page.click('#result button[data-fact="exporter.country"]');
    await expect
      .poll(() => page.evaluate("document.activeElement?.closest('fieldset')?.getAttribute('data-fact')"))
      .toBe('exporter.country');
    await page.fill('fieldset[data-fact="exporter.country"] input', 'Germany');
    await page.fill('fieldset[data-fact="destination.country"] input', 'EG');
    await settled(page);
    // Nothing is known about the item or the end use: Article 5 cannot be decided, and the page asks.
    expect(await page.getAttribute('[data-testid=outcome]', 'data-outcome')).toBe('insufficient_information');
    expect(await page.locator('fieldset.question.asked').count()).toBeGreaterThan(0);
    await page.close();
  });

  test('no script error on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('the library in the browser', () => {
  test('the published main entry (dist/index.js) bundles for the browser without Node.js built-ins and assesses there', async () => {
    const entry = join(root, 'dist', 'index.js');
    if (!existsSync(entry))
      throw new Error('dist/index.js is missing: run `npm run build` first (.ci/run builds before this step).');
    const source = mkdtempSync(join(tmpdir(), 'dur-dist-check-'));
    const out = join(source, 'out');
    writeFileSync(
      join(source, 'index.html'),
      '<!doctype html><meta charset="utf-8"><script type="module" src="./main.js"></script>',
    );
    writeFileSync(
      join(source, 'main.js'),
      `import * as library from ${JSON.stringify(entry)};\nwindow.library = library;\n`,
    );
    await build({
      root: source,
      configFile: false,
      logLevel: 'warn',
      base: './',
      plugins: [forbidNodeBuiltins()],
      build: { outDir: out, emptyOutDir: true, target: 'es2022' },
    });
    const page = await suite.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route('http://library.test/**', (route) =>
      route.fulfill({ path: join(out, new URL(route.request().url()).pathname) }),
    );
    await page.goto('http://library.test/index.html');
    await page.waitForFunction("'library' in window");
    const outcome = await page.evaluate(async (transaction) => {
      const library = (globalThis as unknown as { library: typeof import('../../src/index') }).library;
      return (await library.assess(transaction)).outcome;
    }, example);
    expect(outcome).toBe((await assess(example)).outcome);
    await page.close();
    rmSync(source, { recursive: true, force: true });
  });

  test('`npm run web` serves the questionnaire on localhost', async () => {
    const port = await freePort();
    const child = spawn('npm', ['run', 'web', '--', '--port', String(port), '--strictPort'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`npm run web did not start: ${output}`)), 60_000);
        const listen = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes(`http://localhost:${port}/`)) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on('data', listen);
        child.stderr.on('data', listen);
        child.on('exit', (code) => reject(new Error(`npm run web exited with ${code}: ${output}`)));
      });
      const page = await suite.context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(`http://localhost:${port}/`);
      await settled(page);
      expect(await page.locator('#ruleset option').count()).toBeGreaterThan(1);
      expect(await page.locator('fieldset.question').count()).toBeGreaterThan(5);
      await page.close();
    } finally {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    }
  });
});
