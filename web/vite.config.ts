import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { singleFile } from './singleFile';

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * Fails the build (and the dev server) when anything reachable from the questionnaire imports a Node.js built-in:
 * the library's main entry must bundle for the browser, and Vite would otherwise replace such an import with an
 * empty stub that breaks only at run time.
 */
export function forbidNodeBuiltins(): Plugin {
  return {
    name: 'forbid-node-builtins',
    enforce: 'pre',
    resolveId(source, importer) {
      if (NODE_BUILTINS.has(source)) {
        throw new Error(
          `"${source}" is a Node.js built-in, imported by ${importer ?? 'an entry'}: the browser questionnaire cannot use it.`,
        );
      }
      return null;
    },
  };
}

/**
 * The browser questionnaire: one self-contained `dist/index.html` that runs the library itself, with no server logic.
 * It opens from a web server, from disk or from a file share alike (see `singleFile`).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [forbidNodeBuiltins(), singleFile()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // One script to write into the page: the rules engine, imported on demand by the library, comes along.
    modulePreload: false,
    rolldownOptions: { output: { codeSplitting: false } },
  },
  server: { host: 'localhost', port: 5173 },
  preview: { host: 'localhost', port: 4173 },
});
