import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, inject, test } from 'vitest';
import * as z from 'zod';
import { loadRuleset } from '../../src/index';
import { completeTransactionArbitrary, vocabularyOf } from '../../src/testing/arbitraries';

// The library built from the current sources for this run with the package build's options, as dist/ would hold it
// (test/support/buildPackage.ts).
const DIST = pathToFileURL(`${inject('libraryDir')}/`);

describe('zod is bundled into the build (tsup.config.ts), and the exported schema still works with the zod users install', () => {
  test('no built file loads zod at run time (its ~100 modules would double the import time)', () => {
    const files = readdirSync(DIST).filter((file) => /\.(c?js)$/.test(file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = readFileSync(new URL(file, DIST), 'utf8');
      expect(code, file).not.toMatch(
        /from\s*["']zod(\/[^"']*)?["']|require\(\s*["']zod(\/[^"']*)?["']\s*\)|import\(\s*["']zod/,
      );
    }
  });

  test(
    'the built transactionSchema is a ZodType to the dependency zod, composes with it, and parses and ' +
      'rejects alike',
    async () => {
      const { transactionSchema } = (await import(new URL('index.js', DIST).href)) as typeof import('../../src/index');
      expect(transactionSchema instanceof z.ZodType).toBe(true);
      const batch = z.array(transactionSchema).min(1);
      const [transaction] = fc.sample(
        completeTransactionArbitrary(vocabularyOf(loadRuleset('eu-2021-821-art5', { asOf: '2025-06-30' })), {
          date: '2025-06-30',
        }),
        { numRuns: 1, seed: 7 },
      );
      expect(batch.safeParse([transaction]).success).toBe(true);
      const result = batch.safeParse([{ ...(transaction as object), unexpectedKey: true }]);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual([0]);
    },
  );
});
