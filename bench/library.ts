import { existsSync } from 'node:fs';

/** The package's main entry, as built (`dist/index.js`), typed from its source. */
export type Library = typeof import('../src/index');
/** The package's `dual-use-rules/testing` entry, as built. */
export type TestingKit = typeof import('../src/testing/index');

/** Where the built package lives; the benchmark measures what users import, not the TypeScript sources. */
export const DIST = new URL('../dist/', import.meta.url);

/** Imports the built package (`npm run bench` builds it first). */
export async function loadLibrary(): Promise<{ readonly lib: Library; readonly testing: TestingKit }> {
  const entry = new URL('index.js', DIST);
  if (!existsSync(entry)) throw new Error('dist/index.js is missing: run `npm run build` (npm run bench does it).');
  const lib = (await import(entry.href)) as Library;
  const testing = (await import(new URL('testing.js', DIST).href)) as TestingKit;
  return { lib, testing };
}
