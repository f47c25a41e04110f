import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { codeBlocks, documentationFiles, shellScript } from '../../scripts/check-docs';
import { INPUT_FACTS } from '../../src/transaction/inputFacts';

const root = new URL('../..', import.meta.url).pathname;

describe('the documentation', () => {
  test('the writing-rulesets guide lists exactly the transaction fields a ruleset may read, with their types', () => {
    const guide = readFileSync(join(root, 'docs', 'writing-rulesets.md'), 'utf8');
    const table = guide.split('<!-- input-facts:start -->')[1]?.split('<!-- input-facts:end -->')[0] ?? '';
    const rows = [...table.matchAll(/^\| `([^`]+)` \| (\w+) \| (yes)? *\|/gm)].map((match) => [
      match[1],
      match[2],
      match[3] === 'yes',
    ]);
    expect(rows).toEqual([...INPUT_FACTS].map(([path, fact]) => [path, fact.type, fact.catalogueBound]));
  });

  test('every relative link in README.md and docs/*.md points to a file that exists', () => {
    const broken: string[] = [];
    for (const file of documentationFiles()) {
      const text = readFileSync(join(root, file), 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = (match[1] ?? '').split('#')[0] ?? '';
        if (target === '' || /^[a-z]+:/.test(target)) continue;
        if (!existsSync(join(root, dirname(file), target))) broken.push(`${file}: ${match[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('the docs check leaves CI steps to .ci/run, and a command marked `# exits N` must exit with N', () => {
    const run = (code: string) => {
      const { script, skipped } = shellScript(
        { file: 'x.md', line: 1, language: 'sh', code },
        (command) => command === 'npm ci',
      );
      return { skipped, status: spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script]).status };
    };
    expect(run('npm ci\ntrue')).toEqual({ skipped: ['npm ci'], status: 0 });
    expect(run("sh -c 'exit 2'   # exits 2: shown failing on purpose\ntrue").status).toBe(0);
    expect(run("sh -c 'exit 3'   # exits 2").status).not.toBe(0);
    expect(run('true   # exits 2').status).not.toBe(0);
    expect(run('false\ntrue').status).not.toBe(0);
  });

  test('shell examples are marked as such, so the docs check runs them', () => {
    const unmarked = codeBlocks().filter(
      (block) => block.language === '' && /^(npm|npx|node|dual-use-rules|cat) /m.test(block.code),
    );
    expect(unmarked.map((block) => `${block.file}:${block.line}`)).toEqual([]);
  });
});

describe('the API reference', () => {
  const program = ts.createProgram([join(root, 'src', 'index.ts')], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    resolveJsonModule: true,
    strict: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(join(root, 'src', 'index.ts'));
  const exports =
    index === undefined
      ? []
      : checker
          .getExportsOfModule(checker.getSymbolAtLocation(index) as ts.Symbol)
          .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol));

  test('every export has a doc comment', () => {
    expect(exports.length).toBeGreaterThan(30);
    const undocumented = exports
      .filter((symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() === '')
      .map((symbol) => symbol.getName());
    expect(undocumented).toEqual([]);
  });

  test.each([
    'assess',
    'assessMany',
    'compileRuleset',
    'loadRuleset',
    'listRulesets',
    'formatReport',
    'listQuestions',
    'createDecisionRecord',
    'signDecisionRecord',
    'verifyDecisionRecord',
  ])('%s has an @example', (name) => {
    const symbol = exports.find((candidate) => candidate.getName() === name);
    expect(symbol?.getJsDocTags().some((tag) => tag.name === 'example')).toBe(true);
  });
});
