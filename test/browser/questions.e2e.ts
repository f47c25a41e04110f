import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { createRulesetRegistry, listQuestions, type AnswerValue, type QuestionDefinition } from '../../src/index';
import { SEARCHABLE_FROM } from '../../web/src/options';
import { artifacts, DETAILS, questionnaireSuite, settled } from './questionnairePage';

const suite = questionnaireSuite();
const open = () => suite.open();

/** Each bundled composition (a base version with the overlays in force), as a date selects it. */
const compositions = createRulesetRegistry()
  .compositions()
  .map((composition) => {
    const overlays = composition.overlays.map((overlay) => ` + ${overlay.id} ${overlay.version}`).join('');
    return [`${composition.id} ${composition.version}${overlays}`, composition] as const;
  });

/** Whether a control offers every value: a search field lists them all as suggestions, other controls by value. */
async function expectOffered(control: Locator, values: readonly AnswerValue[], what: string): Promise<void> {
  if (values.length >= SEARCHABLE_FROM && (await control.locator('input[list]').count()) > 0) {
    expect(await control.locator('datalist option').count(), what).toBe(values.length);
    return;
  }
  for (const { value } of values)
    expect(
      await control.locator(`option[value="${value}"], input[value="${value}"]`).count(),
      `${what}: ${value}`,
    ).toBe(1);
}

/** The parts of a question the form shows: its prompt, its citation, a control for each allowed value. */
async function expectAsked(page: Page, question: QuestionDefinition): Promise<void> {
  const fieldset = page.locator(`fieldset.question[data-fact="${question.fact}"]`);
  expect(await fieldset.count(), question.fact).toBe(1);
  expect(await fieldset.locator('.prompt').textContent(), question.fact).toBe(question.prompt);
  expect(await fieldset.locator('.question-cite').textContent(), question.fact).toContain(question.citation.pinpoint);
  expect(await fieldset.locator('input, select, textarea').count(), question.fact).toBeGreaterThan(0);
  if (question.values !== undefined) await expectOffered(fieldset, question.values, question.fact);
  if (question.source !== undefined)
    expect(await fieldset.locator(`textarea[data-source="${question.source.path.join('.')}"]`).count()).toBe(1);
  if (question.fields === undefined) return;
  // A repeatable answer: a new entry has a control for every field, offering its values.
  await fieldset.getByRole('button', { name: 'Add one' }).click();
  const row = fieldset.locator('li.record').last();
  for (const field of question.fields) {
    const control = row.locator(`[data-field="${field.name}"]`);
    expect(await control.count(), `${question.fact}.${field.name}`).toBe(1);
    if (field.values !== undefined) await expectOffered(control, field.values, `${question.fact}.${field.name}`);
  }
  await row.getByRole('button', { name: 'Remove this entry' }).click();
}

describe('the questionnaire asks what the library asks', () => {
  test.each(compositions)(
    '%s: every question listQuestions lists has its control in the form, and the form asks nothing else',
    async (_, composition) => {
      const page = await open();
      await page.fill('#detail-date', composition.validity.from);
      await settled(page);
      const ruleset = composition.load();
      const { questions, sections } = listQuestions(ruleset);
      expect(await page.innerText('#ruleset-note')).toContain(
        composition.overlays.length === 0 ? 'No national overlay' : composition.overlays[0]?.id,
      );
      const onPage = await page
        .locator('fieldset.question')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-fact')));
      const answerable = questions.filter((question) => question.path !== undefined);
      expect(onPage).toEqual(
        sections.flatMap((section) =>
          answerable.filter((question) => question.section === section.id).map((question) => question.fact),
        ),
      );
      expect(
        await page.locator('section.group[data-section] > h2').allTextContents(),
        "the sections, in the library's order",
      ).toEqual(sections.map((section) => section.title));
      // One control per transaction field: a detail the ruleset asks as a question is asked there only.
      for (const [path, selector] of Object.entries(DETAILS))
        expect(await page.isVisible(selector), `${path} as a detail field`).toBe(
          !answerable.some((question) => question.fact === path),
        );
      for (const question of questions) {
        if (question.path === undefined) {
          // No transaction field answers it: a fact the ruleset derives from its own data (a member state's record),
          // which a ruleset version or an organisation's overlay states, never the exporter's transaction.
          expect(ruleset.document.facts?.[question.fact]?.derive, question.fact).toBeDefined();
          continue;
        }
        await expectAsked(page, question);
      }
      await page.close();
    },
  );
});

describe('questions that cannot matter for this exporter wait', () => {
  /** An EU exporter of a cyber-surveillance item to Egypt, every definition element and the authority answered. */
  async function exporterOfSurveillanceItem(page: Page): Promise<void> {
    await page.fill('#detail-date', '2025-06-30');
    await settled(page);
    await page.fill('fieldset[data-fact="exporter.country"] input[list]', 'France (FR)');
    await page.fill('fieldset[data-fact="destination.country"] input[list]', 'Egypt (EG)');
    await page.check('fieldset[data-fact="exporter.informedByAuthority"] input[value=no]');
    await page.check('fieldset[data-fact="item.annexIEntries"] input[value=none]');
    await page.check('fieldset[data-fact="item.militaryList"] input[value=no]');
    for (const element of ['speciallyDesigned', 'covertSurveillance', 'naturalPersons', 'dataProcessing', 'ictSystems'])
      await page.check(`fieldset[data-fact="item.${element}"] input[value=yes]`);
    await settled(page);
  }

  const outcome = (page: Page) => page.getAttribute('[data-testid=outcome]', 'data-outcome');
  const openQuestions = (page: Page) =>
    page
      .locator('[data-testid=questions] li[data-fact]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-fact')));

  test('the national Art. 5(3) position: asked where the library asks it, in plain words with its citation, and answered with its source', async () => {
    const page = await open();
    const position = page.locator('fieldset[data-fact="nationalLaw.suspicionRule.position"]');
    expect(await position.isVisible()).toBe(false);
    await exporterOfSurveillanceItem(page);
    const findings = page.locator('fieldset[data-fact="findings"]');
    await findings.getByRole('button', { name: 'Add one' }).click();
    await findings.locator('select[data-field="concern"]').selectOption('internal-repression');
    const knowledge = findings.locator('[data-field="knowledge"]');
    await knowledge.getByRole('radio', { name: 'Mere possibility' }).check();
    await settled(page);
    // A mere possibility: the national rule cannot matter.
    expect(await position.isVisible()).toBe(false);
    await knowledge.getByRole('radio', { name: 'Grounds for suspicion' }).check();
    await settled(page);
    expect(await position.isVisible()).toBe(true);
    expect(await openQuestions(page)).toContain('nationalLaw.suspicionRule.position');
    expect(await page.locator('section.group[data-section="nationalLaw"]').isVisible()).toBe(true);
    // Each position explained in plain words beside it, and the provision cited.
    for (const name of ['A national rule applies', 'No national rule']) {
      const described = await position.getByRole('radio', { name }).getAttribute('aria-describedby');
      expect((await page.locator(`[id="${described}"]`).innerText()).length, name).toBeGreaterThan(30);
    }
    expect(await position.locator('.question-cite').innerText()).toContain('Art. 5(3)');
    await position.screenshot({ path: join(artifacts, 'questionnaire-national-position.png') });

    // A position without its source is not a valid transaction: the form says what to give, in place.
    await position.getByRole('radio', { name: 'No national rule' }).check();
    await settled(page);
    expect(await outcome(page)).toBe('incomplete');
    expect(await position.locator('.problems').innerText()).toContain('Source of this statement');
    expect(await page.isDisabled('#download-html')).toBe(true);
    const source = 'Answer of the SBDU to our request, e-mail of 3 March 2025';
    await position.getByRole('textbox', { name: 'Source of this statement' }).fill(source);
    await settled(page);
    expect(await outcome(page)).not.toBe('incomplete');
    expect(await openQuestions(page)).not.toContain('nationalLaw.suspicionRule.position');
    expect(await position.locator('.problems').innerText()).toBe('');
    // The report shows the statement with its source, as stated by the exporter.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-md')]);
    const reportPath = join(artifacts, 'national-position-decision.md');
    await download.saveAs(reportPath);
    expect(readFileSync(reportPath, 'utf8')).toContain(source);

    // Back to "don't know", and to a mere possibility: it waits again.
    await position.getByRole('radio', { name: "Don't know" }).check();
    await position.getByRole('textbox', { name: 'Source of this statement' }).fill('');
    await knowledge.getByRole('radio', { name: 'Mere possibility' }).check();
    await settled(page);
    expect(await position.isVisible()).toBe(false);
    await page.close();
  });

  test('whether a refused end-use statement has since been obtained: asked only once a refusal is reported', async () => {
    const page = await open();
    await exporterOfSurveillanceItem(page);
    const obtained = page.locator('fieldset[data-fact="dueDiligence.endUseStatementObtained"]');
    const refused = page.locator('fieldset[data-fact="redFlags"] input[value="refused-end-use-information"]');
    // While the red flags are not answered, a refusal may be among them, and the question is asked.
    expect(await obtained.isVisible()).toBe(true);
    await page.check('fieldset[data-fact="redFlags"] input[value="__none__"]');
    await settled(page);
    expect(await obtained.isVisible()).toBe(false);
    await refused.check();
    await settled(page);
    expect(await obtained.isVisible()).toBe(true);
    expect(await openQuestions(page)).toContain('dueDiligence.endUseStatementObtained');
    // Still refused: the review of the parties cannot be completed (Guidelines Section 3.3), whatever else is answered.
    await obtained.locator('input[value=no]').check();
    await settled(page);
    expect(await outcome(page)).toBe('insufficient_information');
    expect(await openQuestions(page)).not.toContain('dueDiligence.endUseStatementObtained');
    // An answer given is never hidden, even once no refusal is reported; the result then says that the "no" alone
    // does not hold the export (2.3.1), but only once the red flags are answered (none), not while they are unknown.
    const note = page.locator('li[data-note="note.end-use-statement-without-refusal"]');
    await refused.uncheck();
    await settled(page);
    expect(await obtained.isVisible()).toBe(true);
    expect(await note.count()).toBe(0);
    await page.check('fieldset[data-fact="redFlags"] input[value="__none__"]');
    await settled(page);
    expect(await obtained.isVisible()).toBe(true);
    expect(await note.count()).toBe(1);
    await page.close();
  });

  test("a part of the destination country outside the customs territory: asked only for a country the ruleset's catalogue says has one", async () => {
    const page = await open();
    await exporterOfSurveillanceItem(page);
    const outside = page.locator('fieldset[data-fact="destination.outsideCustomsTerritory"]');
    const destination = page.locator('fieldset[data-fact="destination.country"] input[list]');
    expect(await outside.isVisible()).toBe(false);
    for (const [country, shown] of [
      ['Germany (DE)', true],
      ['Belgium (BE)', false],
      ['Spain (ES)', true],
      ['Switzerland (CH)', false],
    ] as const) {
      await destination.fill(country);
      await settled(page);
      expect(await outside.isVisible(), country).toBe(shown);
    }
    await destination.fill('Germany (DE)');
    await settled(page);
    expect(await openQuestions(page)).toContain('destination.outsideCustomsTerritory');
    // Heligoland: the export leaves the customs territory, so Article 5 applies.
    await outside.locator('input[value=yes]').check();
    await settled(page);
    expect(await outcome(page)).not.toBe('not_applicable');
    await outside.locator('input[value=no]').check();
    await settled(page);
    expect(await outcome(page)).toBe('not_applicable');
    // An answer given is never hidden, whatever the destination becomes.
    await destination.fill('Belgium (BE)');
    await settled(page);
    expect(await outside.isVisible()).toBe(true);
    await page.close();
  });

  test('no script error on any page', () => {
    expect(suite.errors).toEqual([]);
  });
});
