import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { HostileRulesetCase } from './hostileCase';

/** Loads one case of the hostile corpus: a JSON file (`about`, `refusedWith`, `document`, optional `overlays`) or a generator module. */
export async function loadCase(file: string): Promise<HostileRulesetCase> {
  if (file.endsWith('.ts'))
    return ((await import(pathToFileURL(file).href)) as { default: HostileRulesetCase }).default;
  const text = readFileSync(file, 'utf8');
  // Parsed afresh for each use, as a file arriving from outside would be.
  const parse = () =>
    JSON.parse(text) as {
      about: string;
      refusedWith: HostileRulesetCase['refusedWith'];
      document: unknown;
      overlays?: unknown[];
    };
  const { about, refusedWith, overlays } = parse();
  return {
    about,
    refusedWith,
    document: () => parse().document,
    ...(overlays === undefined ? {} : { overlays: () => parse().overlays ?? [] }),
  };
}
