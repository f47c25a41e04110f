import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium; `.ci/run` installs it (`apt-get install -y chromium`) when it is missing. */
export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts headless Chromium with a fresh profile (its own --user-data-dir) and the flags CI uses. `bypassCSP` lets a
 * test inject its own script (axe-core) into a page whose Content-Security-Policy forbids scripts, e.g. the report.
 */
export async function launchChromium(options: { readonly bypassCSP?: boolean } = {}): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium), as .ci/run does.`,
    );
  const profile = mkdtempSync(join(tmpdir(), 'dur-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
    bypassCSP: options.bypassCSP === true,
  });
}
