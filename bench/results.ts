import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const RESULTS = new URL('results.json', import.meta.url);

/**
 * Writes one section of bench/results.json, dated, keeping the others: what a run of a single section
 * (`npm run bench:server`, `npm run bench:cli`) records, while the rest comes from the last full run.
 */
export function refreshResultsSection(section: string, figures: Readonly<Record<string, unknown>>): void {
  const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(
    RESULTS,
    `${JSON.stringify({ ...previous, [section]: { generatedAt: new Date().toISOString(), ...figures } }, null, 2)}\n`,
  );
}
