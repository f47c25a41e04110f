import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(`${ROOT}${path}`, 'utf8')) as T;

interface Manifest {
  readonly main: string;
  readonly module: string;
  readonly types: string;
  readonly bin: Readonly<Record<string, string>>;
  readonly exports: Readonly<Record<string, unknown>>;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}

interface LockEntry {
  readonly version?: string;
  readonly resolved?: string;
  readonly integrity?: string;
  readonly link?: boolean;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

const manifest = readJson<Manifest>('package.json');
const lock = readJson<{ lockfileVersion: number; packages: Readonly<Record<string, LockEntry>> }>('package-lock.json');

/** Every file path a value of package.json's `exports` names (wildcard patterns left out). */
function exportedFiles(value: unknown): string[] {
  if (typeof value === 'string') return value.includes('*') ? [] : [value.replace(/^\.\//, '')];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(exportedFiles);
}

describe('supply chain', () => {
  test(
    'every dependency is pinned to an exact version, and the lock file holds that version with a ' +
      'sha512 integrity hash',
    () => {
      expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
      const root = lock.packages[''] as LockEntry;
      for (const [section, declared] of [
        ['dependencies', manifest.dependencies],
        ['devDependencies', manifest.devDependencies],
      ] as const) {
        expect(root[section]).toEqual(declared);
        for (const [name, version] of Object.entries(declared)) {
          expect(version, `${name} in ${section}`).toMatch(/^\d+\.\d+\.\d+$/);
          expect(lock.packages[`node_modules/${name}`]?.version, `${name} in package-lock.json`).toBe(version);
        }
      }
    },
  );

  test(
    'every package in the lock file comes from the npm registry with a sha512 integrity hash (no git, ' +
      'file or tarball URLs)',
    () => {
      const entries = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && entry.link !== true);
      expect(entries.length).toBeGreaterThan(0);
      for (const [path, entry] of entries) {
        expect(entry.integrity, path).toMatch(/^sha512-[A-Za-z0-9+/]+={0,2}$/);
        if (entry.resolved !== undefined) expect(entry.resolved, path).toMatch(/^https:\/\/registry\.npmjs\.org\//);
      }
    },
  );

  test(
    'the published package holds only dist/, schemas/, rulesets/ and the docs, and every file ' +
      'package.json points to',
    () => {
      const [packed] = JSON.parse(
        execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }),
      ) as [{ files: { path: string }[] }];
      const files = packed.files.map(({ path }) => path);
      for (const file of files)
        expect(file).toMatch(
          /^(dist\/|schemas\/|rulesets\/|docs\/[^/]+\.md$|docs\/rulesets\/|README\.md$|LICENSE$|package\.json$)/,
        );

      const rulesets = readdirSync(`${ROOT}rulesets`, { recursive: true, encoding: 'utf8' })
        .filter((path) => path.endsWith('.json'))
        .map((path) => `rulesets/${path}`);
      expect(rulesets.length).toBeGreaterThan(0);
      expect(files).toEqual(
        expect.arrayContaining([
          ...rulesets,
          'schemas/ruleset.schema.json',
          'schemas/transaction.schema.json',
          'schemas/assessment.schema.json',
          'schemas/decision-record.schema.json',
          'schemas/question-list.schema.json',
          'schemas/openapi.json',
        ]),
      );
      // The build runs before the tests in CI; a local run without dist/ checks everything but the built entry points.
      if (existsSync(`${ROOT}dist`)) {
        const entryPoints = [
          manifest.main,
          manifest.module,
          manifest.types,
          ...Object.values(manifest.bin),
          ...exportedFiles(manifest.exports),
        ].map((path) => path.replace(/^\.\//, ''));
        expect(files).toEqual(expect.arrayContaining([...new Set(entryPoints)]));
      }
    },
  );
});
