import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DRAFT_KEY } from '../../web/src/draftStorage';
import { launchChromium } from './chromium';
import { artifacts, settled, webConfig } from './questionnairePage';

let context: BrowserContext;
let built: string;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  built = mkdtempSync(join(tmpdir(), 'dur-web-file-'));
  await build({ configFile: webConfig, logLevel: 'warn', build: { outDir: built, emptyOutDir: true } });
  context = await launchChromium();
});

afterAll(async () => {
  await context?.close();
  if (built !== undefined) rmSync(built, { recursive: true, force: true });
});

describe('the questionnaire opened from disk or a file share (file://)', () => {
  test('the build is one self-contained file that loads, takes answers, updates the outcome and keeps the draft', async () => {
    expect(readdirSync(built)).toEqual(['index.html']);
    // Copied on its own into another folder, as onto a share: it needs nothing beside it.
    const share = mkdtempSync(join(tmpdir(), 'dur-share-'));
    const copy = join(share, 'Article 5 questionnaire.html');
    copyFileSync(join(built, 'index.html'), copy);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(copy).href);
    await settled(page);
    expect(await page.locator('fieldset.question').count()).toBeGreaterThan(5);
    expect(await page.getAttribute('[data-testid=outcome]', 'data-outcome')).toBe('incomplete');
    await page.fill('fieldset[data-fact="exporter.country"] input[list]', 'France');
    await page.fill('fieldset[data-fact="destination.country"] input[list]', 'Egypt');
    await settled(page);
    expect(await page.getAttribute('[data-testid=outcome]', 'data-outcome')).toBe('insufficient_information');
    // A listed item decides, whatever else is unknown.
    await page.fill('fieldset[data-fact="item.annexIEntries"] input[type=text]', '5A001.j');
    await settled(page);
    expect(await page.getAttribute('[data-testid=outcome]', 'data-outcome')).toBe('authorisation_required');
    await page.screenshot({ path: join(artifacts, 'questionnaire-file-url.png') });
    // The draft is kept for a page opened from disk too.
    await page.reload();
    await page.getByRole('button', { name: 'Restore the draft' }).click();
    await settled(page);
    expect(await page.getAttribute('[data-testid=outcome]', 'data-outcome')).toBe('authorisation_required');
    expect(problems).toEqual([]);
    expect(
      requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:')),
    ).toEqual([]);
    await page.close();
    rmSync(share, { recursive: true, force: true });
  });

  test('opened from a file, the page warns that Chromium gives every page opened from a file one storage, which it does', async () => {
    const share = mkdtempSync(join(tmpdir(), 'dur-share-'));
    const copy = join(share, 'questionnaire.html');
    copyFileSync(join(built, 'index.html'), copy);
    const page = await context.newPage();
    await page.goto(pathToFileURL(copy).href);
    // The first test's draft is in the same storage: start without it.
    await page.evaluate('localStorage.clear()');
    await page.reload();
    await settled(page);
    expect(await page.isVisible('#file-storage-note')).toBe(true);
    expect(await page.innerText('#file-storage-note')).toContain('every page opened from a file');
    await page.fill('#detail-reference', 'PO-4711');
    await page.fill('fieldset[data-fact="exporter.country"] input[list]', 'France');
    await settled(page);
    // Another page, from another folder, reads the draft: the behaviour the note and the docs describe.
    const elsewhere = mkdtempSync(join(tmpdir(), 'dur-elsewhere-'));
    writeFileSync(join(elsewhere, 'other.html'), '<!doctype html><title>Another local page</title>');
    const other = await context.newPage();
    await other.goto(pathToFileURL(join(elsewhere, 'other.html')).href);
    const draft = (await other.evaluate(`localStorage.getItem(${JSON.stringify(DRAFT_KEY)})`)) as string | null;
    expect(draft).toContain('PO-4711');
    // Unticking "Keep a draft" removes it for them too.
    await page.getByRole('checkbox', { name: 'Keep a draft of my answers in this browser' }).uncheck();
    expect(await other.evaluate(`localStorage.getItem(${JSON.stringify(DRAFT_KEY)})`)).toBeNull();
    await other.close();
    await page.close();
    rmSync(share, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });
});
