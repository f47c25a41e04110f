import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/cli';
import { scratchFolder } from '../support/scratch';

const root = new URL('../..', import.meta.url).pathname;
const work = scratchFolder('dur-test-command-');

interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    const known = ENTITIES[entity];
    if (known === undefined) throw new Error(`Unknown entity &${entity};`);
    return known;
  });

/**
 * A strict parser of the XML subset JUnit files use (a declaration, elements, attributes in double quotes, text), so
 * that the test does not trust the writer: it refuses a raw `<` or `&` in text, a character XML 1.0 cannot hold, an
 * unclosed or mismatched element, and anything after the root.
 */
function parseXml(xml: string): XmlElement {
  const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.exec(xml);
  if (forbidden !== null) throw new Error(`A character XML cannot hold at ${forbidden.index}`);
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (rest.length > 0) {
    const text = /^[^<]*/.exec(rest)?.[0] ?? '';
    if (/&(?!(#x[0-9a-f]+|#[0-9]+|[a-z]+);)/i.test(text)) throw new Error(`A raw & in ${text}`);
    if (text.trim() !== '') {
      const parent = stack.at(-1);
      if (parent === undefined) throw new Error('Text outside the root');
      parent.text += decode(text);
    }
    rest = rest.slice(text.length);
    if (rest.length === 0) break;
    const close = /^<\/([A-Za-z]+)>/.exec(rest);
    if (close !== null) {
      if (stack.pop()?.name !== close[1]) throw new Error(`Mismatched </${close[1]}>`);
      rest = rest.slice(close[0].length);
      continue;
    }
    const open = /^<([A-Za-z]+)((?:\s+[A-Za-z]+="[^"<]*")*)\s*(\/?)>/.exec(rest);
    if (open === null) throw new Error(`Not well-formed at: ${rest.slice(0, 40)}`);
    if (root !== undefined && stack.length === 0) throw new Error('A second root element');
    const attributes: Record<string, string> = {};
    for (const [, name, value] of (open[2] ?? '').matchAll(/([A-Za-z]+)="([^"]*)"/g)) {
      if (/&(?!(#x[0-9a-f]+|#[0-9]+|[a-z]+);)/i.test(value as string)) throw new Error(`A raw & in ${value}`);
      attributes[name as string] = decode(value as string);
    }
    const element: XmlElement = { name: open[1] as string, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(element);
    root ??= element;
    if (open[3] !== '/') stack.push(element);
    rest = rest.slice(open[0].length);
  }
  if (root === undefined || stack.length > 0) throw new Error('An unclosed element');
  return root;
}

describe('dual-use-rules test', () => {
  test('the bundled scenarios pass against the bundled rulesets: exit 0', async () => {
    const result = await runCli(['test', 'rulesets/eu-2021-821-art5/scenarios', 'rulesets/de-awv-9-4/scenarios'], {
      cwd: root,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^\d+ scenario runs: (\d+) passed, 0 failed\n$/);
    expect(result.code).toBe(0);
  });

  test('a broken scenario fails with a readable diff of the outcome and the deciding rules: exit 1', async () => {
    const result = await runCli(['test', 'test/fixtures/scenarios/broken.json'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL test/fixtures/scenarios/broken.json › W1 with a wrong expectation');
    // The name's control characters are escapes on the terminal.
    expect(result.stdout).toContain('\\x1b[31m');
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain(
      '  outcome\n    - expected: "no_obligation"\n    + actual:   "authorisation_required"\n' +
        '  deciding rules of the actual outcome: art-3-1.listed-item (Regulation (EU) 2021/821, Art. 3(1))\n' +
        '  decidingRules\n    - expected: ["art-5-1.informed-by-authority"]\n    + actual:   ["art-3-1.listed-item"]\n',
    );
    expect(result.stdout).toMatch(/2 scenario runs: 1 passed, 1 failed\n$/);
  });

  test('--junit writes JUnit XML that a strict parser reads back: suites, cases, the failure and its diff', async () => {
    const file = join(work, 'results', 'junit.xml');
    const result = await runCli(['test', 'test/fixtures/scenarios/broken.json', '--junit', file], { cwd: root });
    expect(result.code).toBe(1);
    const suites = parseXml(readFileSync(file, 'utf8'));
    expect(suites.name).toBe('testsuites');
    expect(suites.attributes).toMatchObject({ tests: '2', failures: '1', errors: '0' });
    const [suite] = suites.children;
    expect(suites.children).toHaveLength(1);
    expect(suite?.attributes).toMatchObject({ name: 'test/fixtures/scenarios/broken.json', tests: '2', failures: '1' });
    const [passing, failing] = suite?.children ?? [];
    expect(passing?.children).toEqual([]);
    expect(failing?.attributes['name']).toContain('W1 with a wrong expectation <&> "\\x1b[31m" \u202e');
    const [failure] = failing?.children ?? [];
    expect(failure?.name).toBe('failure');
    expect(failure?.attributes['message']).toBe('outcome, decidingRules');
    expect(failure?.text).toContain('    - expected: "no_obligation"\n    + actual:   "authorisation_required"');
  });

  test('--coverage --format json: per rule whether the scenarios saw it true, false and unknown', async () => {
    const result = await runCli(['test', 'test/fixtures/scenarios/broken.json', '--coverage', '--format', 'json'], {
      cwd: root,
    });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      passed: number;
      failed: number;
      failures: { mismatches: { check: string }[] }[];
      coverage: Record<string, { true: boolean; false: boolean; unknown: boolean }>;
    };
    expect([report.passed, report.failed]).toEqual([1, 1]);
    expect(report.failures[0]?.mismatches.map((mismatch) => mismatch.check)).toEqual(['outcome', 'decidingRules']);
    // Both runs are of a listed item: the listed-item rule holds, and the authority's information is not in question.
    expect(report.coverage['art-3-1.listed-item']).toEqual({ true: true, false: false, unknown: false });
    expect(Object.keys(report.coverage).length).toBeGreaterThan(10);
  });

  test.each([
    [['test', 'no-such-folder'], /Cannot read no-such-folder/],
    [['test', 'package.json'], /package\.json is not a scenario file[^]*\/scenarios: /],
  ])('a usage error (%j) exits 2', async (args, message) => {
    const result = await runCli(args, { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  test('a scenario file written from a hostile name escapes in JUnit what XML cannot hold', async () => {
    const file = join(work, 'hostile.json');
    const scenario = JSON.parse(readFileSync(join(root, 'test/fixtures/scenarios/broken.json'), 'utf8')) as {
      scenarios: { name: string }[];
    };
    const [first] = scenario.scenarios;
    writeFileSync(file, JSON.stringify({ scenarios: [{ ...first, name: 'nul \u0000 bell \u0007 ]]> \ud800 end' }] }));
    const junit = join(work, 'hostile.xml');
    const result = await runCli(['test', file, '--junit', junit], { cwd: root });
    expect(result.code).toBe(0);
    const parsed = parseXml(readFileSync(junit, 'utf8'));
    expect(parsed.children[0]?.children[0]?.attributes['name']).toContain('nul \\x00 bell \\x07 ]]> \\ud800 end');
  });
});
