import { parentPort } from 'node:worker_threads';
import { compileRuleset, RulesetError } from '../../../src/index';
import { loadCase } from './loadCase';

/** What compiling one case did, as the worker reports it. */
export type WorkerReport =
  | {
      readonly file: string;
      readonly result: 'refused';
      readonly issues: readonly { code: string; path: readonly (string | number)[] }[];
      readonly milliseconds: number;
    }
  | { readonly file: string; readonly result: 'compiled'; readonly milliseconds: number }
  | { readonly file: string; readonly result: 'crashed'; readonly error: string; readonly milliseconds: number };

// Compiles each case it is sent and reports what happened; the test process watches the clock and memory.
parentPort?.on('message', (file: string) => {
  void (async () => {
    const hostile = await loadCase(file);
    const document = hostile.document();
    const overlays = hostile.overlays?.();
    const start = performance.now();
    let report: WorkerReport;
    try {
      compileRuleset(document, overlays === undefined ? {} : { overlays });
      report = { file, result: 'compiled', milliseconds: performance.now() - start };
    } catch (error) {
      const milliseconds = performance.now() - start;
      report =
        error instanceof RulesetError
          ? {
              file,
              result: 'refused',
              issues: error.issues.slice(0, 5_000).map(({ code, path }) => ({ code, path })),
              milliseconds,
            }
          : {
              file,
              result: 'crashed',
              error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
              milliseconds,
            };
    }
    parentPort?.postMessage(report);
  })();
});
