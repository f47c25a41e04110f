import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getAnswer } from '../../web/src/answers';
import { launchChromium } from './chromium';
import {
  answer,
  artifacts,
  horizontalOverflow,
  questionnaireSuite,
  questionsOn,
  root,
  seriousViolations,
  settled,
  type AxeViolation,
} from './questionnairePage';

/**
 * The walk-through of the usability review (§4.2): a French exporter, an Egyptian end user, an item that meets the
 * definition, grounds for suspicion from due diligence, and the mitigation step not done yet.
 */
const example = JSON.parse(
  readFileSync(join(root, 'examples', 'notification-tracker-intelligence-agency.json'), 'utf8'),
) as Record<string, unknown>;
const walkThrough: Record<string, unknown> = {
  ...example,
  id: 'PO-4711',
  exporter: { country: 'FR', informedByAuthority: false },
  destination: { country: 'EG' },
  endUser: { name: 'Ministry of Interior', type: 'government-security' },
  findings: [
    {
      concern: 'internal-repression',
      knowledge: 'grounds-for-suspicion',
      source: 'due-diligence',
      indicators: ['ir-arbitrary-detention', 'ir-end-user-prior-use'],
      factors: ['sf-systematic-pattern'],
    },
  ],
  // Grounds for suspicion make the national Art. 5(3) position matter: stated here with its source.
  nationalLaw: { suspicionRule: { position: 'none', source: 'Answer of the SBDU, e-mail of 3 March 2025' } },
  dueDiligence: { itemReview: true, capabilityReview: true, stakeholderReview: true, mitigationPlan: false },
};

const suite = questionnaireSuite();
/** For the downloaded report, whose Content-Security-Policy (rightly) refuses every script, axe-core's included. */
let reportContext: BrowserContext;

beforeAll(async () => {
  reportContext = await launchChromium({ bypassCSP: true });
});

afterAll(async () => {
  await reportContext?.close();
});

/** What a step found: axe-core's serious and critical violations, and how far the page overflows sideways. */
interface StepCheck {
  readonly step: string;
  readonly violations: readonly AxeViolation[];
  readonly overflow: number;
}

async function check(page: Page, step: string, checks: StepCheck[]): Promise<void> {
  await settled(page);
  checks.push({ step, violations: await seriousViolations(page), overflow: await horizontalOverflow(page) });
}

/** Walks through the questionnaire section by section, checking every step; the steps are the same at each width. */
async function walk(page: Page, width: string): Promise<StepCheck[]> {
  const checks: StepCheck[] = [];
  await check(page, 'start', checks);
  await page.fill('#detail-date', walkThrough.date as string);
  await page.fill('#detail-reference', walkThrough.id as string);
  await page.fill('#detail-description', (walkThrough.item as { description: string }).description);
  await check(page, 'the transaction', checks);
  const specs = questionsOn(walkThrough.date as string);
  for (const section of [...new Set(specs.map((spec) => spec.section))]) {
    for (const spec of specs.filter((candidate) => candidate.section === section))
      await answer(
        page,
        spec,
        getAnswer(walkThrough, spec.fact),
        spec.source === undefined ? undefined : getAnswer(walkThrough, spec.source.fact),
      );
    await check(page, `section ${section} answered`, checks);
  }
  // The result: every rule's reasoning unfolded, as an officer checking it would.
  for (const rule of await page.locator('#result details.rule').all())
    await rule.evaluate((element) => element.setAttribute('open', ''));
  await check(page, 'result with the reasoning open', checks);
  await page.screenshot({ path: join(artifacts, `questionnaire-${width}.png`), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-html')]);
  const reportPath = join(artifacts, `walk-through-${width}-decision.html`);
  await download.saveAs(reportPath);
  const report = await reportContext.newPage();
  await report.setViewportSize(page.viewportSize() ?? { width: 1400, height: 1000 });
  await report.goto(`file://${reportPath}`);
  checks.push({
    step: 'report view',
    violations: await seriousViolations(report),
    overflow: await horizontalOverflow(report),
  });
  await report.screenshot({ path: join(artifacts, `decision-report-${width}.png`), fullPage: true });
  await report.close();

  await page.click('#reset');
  await page.getByRole('dialog').waitFor();
  checks.push({
    step: '"Start over" asks',
    violations: await seriousViolations(page),
    overflow: await horizontalOverflow(page),
  });
  await page.getByRole('button', { name: 'Keep my answers' }).click();
  await page.reload();
  await page.getByRole('dialog').waitFor();
  checks.push({
    step: 'the offer to restore the draft',
    violations: await seriousViolations(page),
    overflow: await horizontalOverflow(page),
  });
  await page.getByRole('button', { name: 'Restore the draft' }).click();
  await settled(page);
  return checks;
}

describe('accessibility and small screens', () => {
  test.each([
    ['desktop', { width: 1400, height: 1000 }],
    ['phone', { width: 390, height: 844 }],
  ] as const)(
    'axe-core finds no serious or critical violation on any step of a full walk-through, and nothing overflows sideways (%s)',
    async (width, viewport) => {
      const page = await suite.open();
      await page.setViewportSize(viewport);
      const checks = await walk(page, width);
      // The steps, with what each found, for the report of the run.
      console.log(
        `${width}: ${checks.map((entry) => `${entry.step}: ${entry.violations.length} serious/critical, overflow ${entry.overflow}px`).join('; ')}`,
      );
      expect(checks.map((entry) => entry.step)).toContain('report view');
      expect(checks.length).toBeGreaterThanOrEqual(12);
      expect(checks.filter((entry) => entry.violations.length > 0)).toEqual([]);
      expect(checks.filter((entry) => entry.overflow > 0)).toEqual([]);
      await page.close();
    },
  );

  test('a skip link leads past the form to the questions and to the result; every pick-list has an accessible name', async () => {
    const page = await suite.open();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to the questions');
    expect(await page.locator('.skip-link').first().isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.activeElement.closest('fieldset')?.dataset.fact")).toBe('activity');
    await page.focus('.skip-link[href="#result-panel"]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('result-panel');

    // The six pick-lists the usability review found unnamed (the items' location shows for an exporter outside the EU).
    await page.fill('fieldset[data-fact="exporter.country"] input[list]', 'Switzerland');
    await settled(page);
    const specs = questionsOn('2025-03-03');
    for (const fact of [
      'activity',
      'exporter.country',
      'exporter.itemsLocatedIn',
      'destination.country',
      'endUser.type',
      'endUser.country',
    ]) {
      const title = specs.find((spec) => spec.fact === fact)?.title ?? fact;
      const named = page.getByRole('combobox', { name: title });
      expect(await named.count(), fact).toBe(1);
      expect(await named.evaluate((element) => element.closest('fieldset')?.getAttribute('data-fact')), fact).toBe(
        fact,
      );
    }
    await page.close();
  });

  test('a problem appears next to a field only after the officer acted on it', async () => {
    const page = await suite.open();
    // A fresh form: the result lists what is missing, but no field raises an error.
    expect(await page.locator('#result [data-outcome="incomplete"] li').count()).toBeGreaterThan(0);
    expect(await page.locator('fieldset.question .problems .issue').count()).toBe(0);
    // Adding a finding does not accuse its empty fields; choosing and then clearing the concern does.
    const findings = page.locator('fieldset[data-fact="findings"]');
    await findings.getByRole('button', { name: 'Add one' }).click();
    await settled(page);
    expect(await findings.locator('.problems .issue').count()).toBe(0);
    await findings.locator('select[data-field="concern"]').selectOption('internal-repression');
    await findings.locator('select[data-field="concern"]').selectOption('');
    await settled(page);
    await expect
      .poll(() => findings.locator('.problems .issue').allInnerTexts())
      .toEqual([expect.stringMatching(/entry 1, Concern.*Required/)]);
    // A half-typed country is not taken as an answer, and says so once the officer leaves the field.
    const destination = page.locator('fieldset[data-fact="destination.country"] input[list]');
    await destination.fill('Egy');
    await destination.blur();
    await expect
      .poll(() => page.locator('fieldset[data-fact="destination.country"] .search-mismatch').innerText())
      .toContain('“Egy” is not in the list');
    await destination.fill('Egypt');
    await destination.blur();
    expect(await page.locator('fieldset[data-fact="destination.country"] .search-mismatch').isVisible()).toBe(false);
    await page.close();
  });

  test("the knowledge levels are explained next to the choice, with the citation; the items' location is asked only of exporters outside the EU", async () => {
    const page = await suite.open();
    const findings = page.locator('fieldset[data-fact="findings"]');
    await findings.getByRole('button', { name: 'Add one' }).click();
    const knowledge = findings.locator('[data-field="knowledge"]');
    for (const level of ['Mere possibility', 'Grounds for suspicion', 'Positive knowledge']) {
      const radio = knowledge.getByRole('radio', { name: level });
      expect(await radio.isVisible(), level).toBe(true);
      // The level's meaning is on screen and is the radio's description, not a tooltip.
      const description = await radio.getAttribute('aria-describedby');
      expect(description, level).toBeTruthy();
      expect((await page.locator(`[id="${description}"]`).innerText()).length, level).toBeGreaterThan(10);
    }
    // The guidelines' reading of "aware" and the Regulation's provisions it explains.
    const cited = await knowledge.locator('.scale-cite').innerText();
    expect(cited).toContain('Recommendation (EU) 2024/2659, Section 1.2.6');
    expect(cited).toContain('Regulation (EU) 2021/821, Art. 5(2)');

    const located = page.locator('fieldset[data-fact="exporter.itemsLocatedIn"]');
    expect(await located.isVisible()).toBe(false);
    const exporter = page.locator('fieldset[data-fact="exporter.country"] input[list]');
    await exporter.fill('France');
    await settled(page);
    expect(await located.isVisible()).toBe(false);
    await exporter.fill('Switzerland');
    await settled(page);
    expect(await located.isVisible()).toBe(true);
    await page.close();
  });

  test('a "No" on a due-diligence step is an outstanding step with what it is and its citation, not an open question; "Why" shows the rules that hold', async () => {
    const page = await suite.open();
    const specs = questionsOn(walkThrough.date as string);
    await page.fill('#detail-date', walkThrough.date as string);
    await settled(page);
    // A mere possibility, so that the national Art. 5(3) position cannot matter and the authority is the one question.
    const authorityUnknown = {
      ...walkThrough,
      exporter: { country: 'FR' },
      findings: [{ concern: 'internal-repression', knowledge: 'mere-possibility', source: 'due-diligence' }],
      nationalLaw: undefined,
    };
    for (const spec of specs) await answer(page, spec, getAnswer(authorityUnknown, spec.fact));
    await settled(page);
    const facts = (selector: string) =>
      page.locator(selector).evaluateAll((items) => items.map((item) => item.getAttribute('data-fact')));
    // Undecided while the authority question is open: no rule decides, but "Why" names the rules that already hold.
    expect(await facts('[data-testid=questions] li[data-fact]')).toEqual(['exporter.informedByAuthority']);
    expect(
      await page
        .locator('[data-testid=obligations] [data-holding-rule]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-holding-rule'))),
    ).toContain('guidelines-3.due-diligence-outstanding');
    expect(await page.innerText('[data-testid=obligations]')).toContain('may still lead to Authorisation required');
    expect(await page.locator('#result').innerText()).toContain('Answering one may bring up further questions.');

    // Decided: the "No" is a step to complete, with what the step is and its citation, and is not asked again.
    await page.check('fieldset[data-fact="exporter.informedByAuthority"] input[value=no]');
    await settled(page);
    expect(await page.getAttribute('[data-testid=outcome]', 'data-outcome')).toBe('insufficient_information');
    expect(await facts('[data-testid=questions] li[data-fact]')).not.toContain('dueDiligence.mitigationPlan');
    expect(await facts('[data-testid=outstanding] li[data-fact]')).toEqual(['dueDiligence.mitigationPlan']);
    const step = await page.locator('[data-testid=outstanding] li').innerText();
    expect(step).toContain('Mitigation planned — answered “No”.');
    expect(step).toContain('Section 3.4');
    expect(await page.locator('fieldset[data-fact="dueDiligence.mitigationPlan"]').getAttribute('class')).toContain(
      'outstanding',
    );
    await page.locator('[data-testid=outstanding]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'questionnaire-outstanding-step.png') });
    await page.close();
  });

  test('no script error on any page', () => {
    expect(suite.errors).toEqual([]);
  });
});
