// Preloaded with `node --import`, it registers itself as a module hook (run again in the hooks thread) that appends
// the URL of every module the process loads, one a line, to the file named by RECORD_LOADED_MODULES.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import process from 'node:process';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url, { data: process.env.RECORD_LOADED_MODULES });

let record = '';

/** Receives the file to record in from `register`. */
export function initialize(file) {
  record = file;
}

/** Records each module's URL before it is loaded. */
export function load(url, context, nextLoad) {
  appendFileSync(record, `${url}\n`);
  return nextLoad(url, context);
}
