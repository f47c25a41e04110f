import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // One build for both library entries, split into shared chunks, so `dual-use-rules/testing` works on rulesets
    // compiled by the main entry (a second copy of the compiler would not recognise them).
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    splitting: true,
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    entry: { cli: 'src/cli/main.ts', 'batch-worker': 'src/batch/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
