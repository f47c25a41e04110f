import { Worker } from 'node:worker_threads';
import type { WorkerReport } from './compileWorker';

/** What happened to one case in the worker: its report, or that it ran past the deadline or out of memory. */
export type Outcome =
  WorkerReport | { readonly file: string; readonly result: 'hung' | 'worker_died'; readonly error?: string };

function startWorker(): Worker {
  const entry = new URL('./compileWorker.ts', import.meta.url).href;
  // The worker loads the TypeScript sources through tsx (resolved from the working directory, the repository root).
  const bootstrap =
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return ` + `import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
}

/**
 * Compiles each case in a worker thread, one at a time, so that a hang or a runaway allocation cannot take the test
 * process with it: past `deadlineMs` (a hang guard, not a performance claim) the worker is terminated and the
 * remaining cases go to a fresh one.
 */
export async function compileEachInWorker(files: readonly string[], deadlineMs: number): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  let worker: { readonly thread: Worker; next: (outcome: Outcome) => void } | undefined;
  for (const file of files) {
    if (worker === undefined) {
      const started: { readonly thread: Worker; next: (outcome: Outcome) => void } = {
        thread: startWorker(),
        next: () => undefined,
      };
      started.thread.on('message', (report: WorkerReport) => started.next(report));
      started.thread.on('error', (error) => started.next({ file, result: 'worker_died', error: String(error) }));
      started.thread.on('exit', (code) => started.next({ file, result: 'worker_died', error: `exit code ${code}` }));
      worker = started;
    }
    const current = worker;
    const outcome = await new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => resolve({ file, result: 'hung' }), deadlineMs);
      current.next = (value) => {
        clearTimeout(timer);
        current.next = () => undefined;
        resolve(value.result === 'worker_died' ? { ...value, file } : value);
      };
      current.thread.postMessage(file);
    });
    outcomes.set(file, outcome);
    if (outcome.result === 'hung' || outcome.result === 'worker_died') {
      current.next = () => undefined;
      await current.thread.terminate();
      worker = undefined;
    }
  }
  await worker?.thread.terminate();
  return outcomes;
}
