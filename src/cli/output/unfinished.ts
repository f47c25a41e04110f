/** How to abandon each output file not yet complete (its temporary file is removed). */
const unfinished = new Set<() => void>();

/** Records an output file not yet complete, with how to abandon it; `finished` forgets it. */
export function trackUnfinished(abort: () => void): { readonly finished: () => void } {
  unfinished.add(abort);
  return { finished: () => unfinished.delete(abort) };
}

/** Abandons every output file not yet complete: their temporary files are removed. */
export function abortUnfinished(): void {
  for (const abort of [...unfinished]) abort();
}
