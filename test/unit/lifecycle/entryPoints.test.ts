import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every module reachable from an entry through value imports (`import type` is erased and does not count). */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(root, entry)];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const [, typeOnly, specifier] = match as unknown as [string, string | undefined, string];
      if (typeOnly !== undefined) continue;
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      const target = resolve(dirname(file), specifier);
      const candidates = [`${target}.ts`, resolve(target, 'index.ts'), target];
      const found = candidates.find((candidate) => existsSync(candidate) && !candidate.endsWith('/'));
      if (found !== undefined && found.endsWith('.ts')) pending.push(found);
    }
  }
  return { files, packages };
}

describe('entry points', () => {
  test('the main entry, which browsers bundle, imports neither fast-check nor any node: module', () => {
    const { files, packages } = importGraph('src/index.ts');
    expect(files.size).toBeGreaterThan(20);
    expect([...packages].filter((name) => name === 'fast-check' || name.startsWith('node:'))).toEqual([]);
    expect([...files].some((file) => file.includes('/src/testing/'))).toBe(false);
  });

  test('dual-use-rules/testing is built from src/testing/index.ts and declared in package.json', () => {
    const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
      dependencies: Record<string, string>;
    };
    expect(manifest.exports['./testing']).toEqual({
      import: { types: './dist/testing.d.ts', default: './dist/testing.js' },
      require: { types: './dist/testing.d.cts', default: './dist/testing.cjs' },
    });
    // The testing kit and the CLI's diff import fast-check at run time, so it is a dependency, not a devDependency.
    expect(manifest.dependencies['fast-check']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readFileSync(resolve(root, 'tsup.config.ts'), 'utf8')).toContain("testing: 'src/testing/index.ts'");
    expect(importGraph('src/testing/index.ts').packages).toContain('fast-check');
  });
});
