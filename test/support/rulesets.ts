import { readFileSync } from 'node:fs';
import { loadRuleset, type CompiledRuleset } from '../../src/index';

/** Reads a JSON file relative to the repository root. */
export function readJsonFile(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as unknown;
}

/** The compositions of the bundled Article 5 ruleset that a date can select: each version, with and without the German overlay. */
export const SHIPPED_COMPOSITIONS: readonly {
  readonly name: string;
  readonly asOf: string;
  readonly ruleset: () => CompiledRuleset;
}[] = [
  { name: '1.0.0 (2023)', asOf: '2023-05-10', ruleset: () => loadRuleset('eu-2021-821-art5', { asOf: '2023-05-10' }) },
  {
    name: '1.0.0 + de-awv-9-4 (2024-08)',
    asOf: '2024-08-01',
    ruleset: () => loadRuleset('eu-2021-821-art5', { asOf: '2024-08-01' }),
  },
  {
    name: '2.0.0 + de-awv-9-4 (2025)',
    asOf: '2025-01-10',
    ruleset: () => loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' }),
  },
];
