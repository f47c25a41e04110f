import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

/**
 * A scratch folder for one test file, under node_modules/.cache so that what runs in it resolves the installed
 * packages (the bundled CLI does); removed after the file's tests. Call it at the top of the file.
 */
export function scratchFolder(prefix: string): string {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const folder = mkdtempSync(join(cache, prefix));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
