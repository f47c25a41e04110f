import { defineConfig } from 'vitest/config';

/** End-to-end tests of the browser questionnaire in headless Chromium: `npm run test:browser` (a separate step of .ci/run). */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/browser/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
