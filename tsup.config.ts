import { defineConfig, type Options } from 'tsup';

// zod is bundled, tree-shaken, rather than imported from node_modules: its ESM build is about a hundred modules
// (every locale among them) that cost ~90 ms to load, half of the package's import time. It stays a pinned
// dependency: the type declarations import its types, and `npm audit` keeps seeing it. Import it as
// `import * as z from 'zod'`: through `import { z }` the bundle keeps all of zod (measured: a 1.5 MB chunk instead of
// 0.9 MB, and an import of ~135 ms instead of ~80 ms).
const BUNDLED = ['zod'];

// No source maps in the package. With the sources they embed (zod, the generated ruleset text, the compiler) they were
// 10.9 of the package's 20.6 MB; without them they would point to files the package does not ship. The built code is
// readable without them: unminified, with the sources' names, each module headed by its source file (`// src/assess.ts`).
const SOURCEMAP = false;

/**
 * The command line and its batch worker. The CLI tests bundle the sources with the same options
 * (test/support/buildPackage.ts).
 */
export const CLI_BUILD: Options = {
  entry: { cli: 'src/cli/main.ts', 'batch-worker': 'src/cli/batch/worker.ts' },
  format: ['esm'],
  // Each command's action is a dynamic import (src/cli/commands/): split into chunks, the library is loaded only by
  // a command that runs, so `--version`, `--help` and usage errors start without it.
  splitting: true,
  sourcemap: SOURCEMAP,
  target: 'node20',
  platform: 'node',
  banner: { js: '#!/usr/bin/env node' },
  noExternal: BUNDLED,
};

/**
 * The library: one build for both entries, split into shared chunks, so `dual-use-rules/testing` works on rulesets
 * compiled by the main entry (a second copy of the compiler would not recognise them). The supply-chain tests build
 * the sources with the same options (test/support/buildPackage.ts).
 */
export const LIBRARY_BUILD: Options = {
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  splitting: true,
  dts: true,
  sourcemap: SOURCEMAP,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  noExternal: BUNDLED,
};

export default defineConfig([LIBRARY_BUILD, CLI_BUILD]);
