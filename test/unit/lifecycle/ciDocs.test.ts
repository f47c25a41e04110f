import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const page = readFileSync(join(root, 'docs/ci-property-testing.md'), 'utf8');

/** The code block a `<!-- ci-test: name -->` line introduces. */
function block(name: string): string {
  const match = new RegExp(`<!-- ci-test: ${name} -->\\n\`\`\`ts\\n([\\s\\S]*?)\`\`\``).exec(page);
  if (match === null) throw new Error(`docs/ci-property-testing.md has no block marked ${name}`);
  return match[1] as string;
}

describe('docs/ci-property-testing.md', () => {
  test('the vitest example is three lines of code besides its imports, and runs as written', async () => {
    const code = block('invariants');
    const statements = code.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('import '));
    expect(statements.length).toBeLessThanOrEqual(3);
    // Run it with the package names pointing at this repository's sources, a `test` that runs its body at once, and
    // fewer runs: the 10,000-transaction check of the same ruleset is test/property/lifecycle/invariants.prop.test.ts.
    expect(code).toContain('runs: 10_000');
    const dir = join(root, 'node_modules', '.cache', `dur-ci-docs-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const ran: string[] = [];
    (globalThis as { __ranDocTest?: (name: string, body: () => void) => void }).__ranDocTest = (name, body) => {
      body();
      ran.push(name);
    };
    writeFileSync(
      join(dir, 'vitest-shim.ts'),
      'export const test = (name: string, body: () => void) => (globalThis as any).__ranDocTest(name, body);\n',
    );
    const source = code
      .replace("from 'vitest'", `from ${JSON.stringify(join(dir, 'vitest-shim.ts'))}`)
      .replace("from 'dual-use-rules/testing'", `from ${JSON.stringify(join(root, 'src/testing/index.ts'))}`)
      .replace("from 'dual-use-rules'", `from ${JSON.stringify(join(root, 'src/index.ts'))}`)
      .replace('runs: 10_000', 'runs: 300');
    writeFileSync(join(dir, 'example.ts'), source);
    try {
      await import(join(dir, 'example.ts'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(ran).toEqual(['the ruleset keeps its invariants']);
  }, 120_000);
});
