import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { artifacts, questionnaireSuite, settled } from './questionnairePage';

const suite = questionnaireSuite();
const open = () => suite.open();

function file(name: string, content: unknown): string {
  const path = join(artifacts, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** Starts a draft: a reference, two countries and one yes. */
async function someAnswers(page: Page): Promise<void> {
  await page.fill('#detail-reference', 'PO-4711');
  await page.fill('fieldset[data-fact="exporter.country"] input[list]', 'France (FR)');
  await page.fill('fieldset[data-fact="destination.country"] input[list]', 'Egypt (EG)');
  await page.check('fieldset[data-fact="item.speciallyDesigned"] input[value=yes]');
  await settled(page);
}

const outcome = (page: Page) => page.getAttribute('[data-testid=outcome]', 'data-outcome');
const saved = async (page: Page) =>
  JSON.parse(
    await page.evaluate(
      "JSON.stringify(JSON.parse(localStorage.getItem('dual-use-rules.questionnaire.draft.v1') ?? 'null')?.draft ?? null)",
    ),
  ) as unknown;

describe('drafts that survive', () => {
  test('a reload offers the draft kept in this browser, and restoring it brings every answer back', async () => {
    const page = await open();
    await someAnswers(page);
    expect(await page.innerText('#draft-status')).toMatch(/^Draft kept in this browser/);
    await page.reload();
    const dialog = page.getByRole('dialog', { name: 'Continue where you left off?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('“PO-4711”, 4 answers');
    // The safe choice has the focus, so Enter or Escape never deletes the draft.
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Restore the draft');
    await page.keyboard.press('Escape');
    await settled(page);
    expect(await page.inputValue('#detail-reference')).toBe('PO-4711');
    expect(await page.inputValue('fieldset[data-fact="destination.country"] input[list]')).toBe('Egypt (EG)');
    expect(await page.isChecked('fieldset[data-fact="item.speciallyDesigned"] input[value=yes]')).toBe(true);
    expect(await outcome(page)).toBe('insufficient_information');

    // "Start a new one" deletes it.
    await page.reload();
    await page.getByRole('button', { name: 'Start a new one' }).click();
    await settled(page);
    expect(await page.inputValue('#detail-reference')).toBe('');
    expect(await saved(page)).toBeNull();
    await page.reload();
    await settled(page);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.close();
  });

  test('"Start over" asks before clearing; keeping the answers changes nothing', async () => {
    const page = await open();
    await someAnswers(page);
    await page.click('#reset');
    const dialog = page.getByRole('dialog', { name: 'Start over?' });
    await dialog.waitFor();
    await page.screenshot({ path: join(artifacts, 'questionnaire-start-over-asks.png') });
    await dialog.getByRole('button', { name: 'Keep my answers' }).click();
    expect(await page.inputValue('#detail-reference')).toBe('PO-4711');
    expect(await saved(page)).toMatchObject({ id: 'PO-4711' });
    await page.click('#reset');
    await page.getByRole('dialog').getByRole('button', { name: 'Clear my answers' }).click();
    await settled(page);
    expect(await page.inputValue('#detail-reference')).toBe('');
    expect(await page.isChecked('fieldset[data-fact="item.speciallyDesigned"] input[value=unknown]')).toBe(true);
    expect(await saved(page)).toBeNull();
    // With nothing to lose, there is nothing to ask.
    await page.click('#reset');
    await settled(page);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.close();
  });

  test('"Load" asks before replacing answers', async () => {
    const page = await open();
    await someAnswers(page);
    const other = file('other-transaction.json', {
      id: 'PO-9',
      date: '2025-03-03',
      exporter: { country: 'DE' },
      destination: { country: 'US' },
    });
    await page.setInputFiles('#load', other);
    await page
      .getByRole('dialog', { name: 'Replace your answers with other-transaction.json?' })
      .getByRole('button', { name: 'Keep my answers' })
      .click();
    expect(await page.inputValue('#detail-reference')).toBe('PO-4711');
    await page.setInputFiles('#load', other);
    await page.getByRole('dialog').getByRole('button', { name: 'Load other-transaction.json' }).click();
    await settled(page);
    expect(await page.inputValue('#detail-reference')).toBe('PO-9');
    expect(await page.isChecked('fieldset[data-fact="item.speciallyDesigned"] input[value=unknown]')).toBe(true);
    await page.close();
  });
});

describe('privacy of the draft', () => {
  test('the page says the draft stays in this browser; unticking "Keep a draft" deletes it and keeps none', async () => {
    const page = await open();
    const note = await page.innerText('#storage-note');
    expect(note).toContain('this browser only (its local storage, on this computer)');
    expect(note).toContain('nothing is sent anywhere');
    // Served over HTTP, the page has its own storage: the note on pages opened from files does not apply.
    expect(await page.isVisible('#file-storage-note')).toBe(false);
    await someAnswers(page);
    expect(await saved(page)).toMatchObject({ id: 'PO-4711' });
    await page.getByRole('checkbox', { name: 'Keep a draft of my answers in this browser' }).uncheck();
    expect(await saved(page)).toBeNull();
    expect(await page.innerText('#draft-status')).toContain('No draft is kept');
    // Later answers are not kept either, and a reload has nothing to offer.
    await page.check('fieldset[data-fact="item.covertSurveillance"] input[value=yes]');
    await settled(page);
    expect(await saved(page)).toBeNull();
    await page.reload();
    await settled(page);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.inputValue('#detail-reference')).toBe('');
    // Ticked again, the page keeps a draft as before.
    await page.fill('#detail-reference', 'PO-4712');
    await page.check('fieldset[data-fact="item.covertSurveillance"] input[value=yes]');
    await settled(page);
    expect(await saved(page)).toMatchObject({ id: 'PO-4712' });
    await page.close();
  });
});

describe('a loaded file with problems is repaired in the form', () => {
  test('a typo key: the question it was meant for offers to take it, and the report buttons enable once the file is valid', async () => {
    const page = await open();
    await page.setInputFiles(
      '#load',
      file('typo-transaction.json', {
        exporter: { country: 'FR' },
        destination: { country: 'EG' },
        item: { speciallyDesinged: true },
      }),
    );
    await settled(page);
    expect(await outcome(page)).toBe('incomplete');
    expect(await page.isDisabled('#download-html')).toBe(true);
    const question = page.locator('fieldset[data-fact="item.speciallyDesigned"]');
    expect(await question.locator('.problems').innerText()).toContain(
      'Did you mean “speciallyDesigned” (Specially designed)?',
    );
    await page.screenshot({ path: join(artifacts, 'questionnaire-typo-file.png') });
    await question.getByRole('button', { name: 'Use it as “speciallyDesigned”' }).click();
    await settled(page);
    expect(await outcome(page)).toBe('insufficient_information');
    expect(await question.locator('input[value=yes]').isChecked()).toBe(true);
    expect(await page.isDisabled('#download-html')).toBe(false);
    expect(await saved(page)).toEqual({
      exporter: { country: 'FR' },
      destination: { country: 'EG' },
      item: { speciallyDesigned: true },
    });
    await page.close();
  });

  test('a value of the wrong type and an unknown catalogue id are fixed where they are shown', async () => {
    const page = await open();
    await page.setInputFiles(
      '#load',
      file('wrong-values.json', {
        date: '2025-03-03',
        exporter: { country: 'FR' },
        destination: { country: 'EG' },
        item: { speciallyDesigned: 'true', capabilities: ['facial-recognitio'] },
        redFlags: ['unusual-payment'],
      }),
    );
    await settled(page);
    await page
      .locator('fieldset[data-fact="item.speciallyDesigned"]')
      .getByRole('button', { name: 'Use “Yes”' })
      .click();
    await settled(page);
    await page
      .locator('fieldset[data-fact="item.capabilities"]')
      .getByRole('button', { name: 'Change it to “Facial recognition”' })
      .click();
    await settled(page);
    await page.locator('fieldset[data-fact="redFlags"]').getByRole('button', { name: 'Remove this entry' }).click();
    await settled(page);
    expect(await outcome(page)).not.toBe('incomplete');
    expect(await page.isChecked('fieldset[data-fact="item.capabilities"] input[value="facial-recognition"]')).toBe(
      true,
    );
    // The red flags are unknown again (not "none of these"): the officer still has to answer them.
    expect(await page.locator('fieldset[data-fact="redFlags"] input:checked').count()).toBe(0);
    await page.close();
  });

  test("a file with an invalid date replaces the previous file's answers, and the message speaks of the export date (D20)", async () => {
    const page = await open();
    await page.setInputFiles(
      '#load',
      file('first.json', {
        date: '2025-03-03',
        exporter: { country: 'FR' },
        destination: { country: 'EG' },
        item: { speciallyDesigned: true, covertSurveillance: true },
      }),
    );
    await settled(page);
    await page.setInputFiles(
      '#load',
      file('bad-date.json', {
        date: '2025-02-30',
        exporter: { country: 'DE' },
        destination: { country: 'US' },
        item: { speciallyDesigned: 'true' },
      }),
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Load bad-date.json' }).click();
    await settled(page);
    expect(await page.inputValue('fieldset[data-fact="exporter.country"] input[list]')).toBe('Germany (DE)');
    expect(await page.isChecked('fieldset[data-fact="item.speciallyDesigned"] input[value=unknown]')).toBe(true);
    expect(await page.isChecked('fieldset[data-fact="item.covertSurveillance"] input[value=unknown]')).toBe(true);
    const result = await page.innerText('#result');
    expect(result).toContain('The export date “2025-02-30” is not a day in the calendar.');
    expect(result).not.toContain('asOf');
    expect(await page.innerText('#detail-date-problem')).toContain('The export date “2025-02-30”');
    // The other problems of the file show too, and the date is fixed in its own field.
    expect(await page.locator('fieldset[data-fact="item.speciallyDesigned"] .problems').innerText()).toContain(
      'where the answer is yes or no',
    );
    await page.fill('#detail-date', '2025-02-28');
    await page.locator('#detail-date').blur();
    await settled(page);
    expect(await page.isVisible('#detail-date-problem')).toBe(false);
    await page.close();
  });

  test("a file dated before any version of the law replaces the previous file's answers too, and says why in the officer's words (D20)", async () => {
    const page = await open();
    await page.setInputFiles(
      '#load',
      file('first-again.json', {
        date: '2025-03-03',
        exporter: { country: 'FR' },
        destination: { country: 'EG' },
        item: { covertSurveillance: true },
      }),
    );
    await settled(page);
    await page.setInputFiles(
      '#load',
      file('too-early.json', { date: '2019-05-01', exporter: { country: 'DE' }, destination: { country: 'US' } }),
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Load too-early.json' }).click();
    await settled(page);
    expect(await page.inputValue('fieldset[data-fact="exporter.country"] input[list]')).toBe('Germany (DE)');
    expect(await page.isChecked('fieldset[data-fact="item.covertSurveillance"] input[value=unknown]')).toBe(true);
    const result = await page.innerText('#result');
    expect(result).toContain('Check the export date');
    expect(result).toContain('in force on 2019-05-01');
    expect(result).not.toContain('asOf');
    expect(await page.isDisabled('#download-html')).toBe(true);
    await page.close();
  });

  test('no script error on any page', () => {
    expect(suite.errors).toEqual([]);
  });
});
