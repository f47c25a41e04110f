import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assess, createRulesetRegistry, loadRuleset, replay, RulesetError } from '../../../src/index';
import { createWorkspace, type CommandResult } from './cliHarness';

const root = new URL('../../..', import.meta.url).pathname;

/** The `sh` blocks of a doc page, in order, each with the exit status a `<!-- lifecycle-test: exit=N -->` line before it expects. */
function shellBlocks(page: string): { readonly script: string; readonly exit: number }[] {
  const text = readFileSync(join(root, page), 'utf8');
  return [...text.matchAll(/(?:<!-- lifecycle-test: exit=(\d+) -->\n)?```sh\n([\s\S]*?)```/g)].map((match) => ({
    script: match[2] as string,
    exit: Number(match[1] ?? 0),
  }));
}

describe('docs/ruleset-lifecycle.md: every command works as written', () => {
  let workspace: ReturnType<typeof createWorkspace>;
  const results: CommandResult[] = [];
  const blocks = shellBlocks('docs/ruleset-lifecycle.md');

  beforeAll(async () => {
    workspace = createWorkspace();
    for (const block of blocks) results.push(workspace.run(block.script));
  }, 600_000);
  afterAll(() => workspace?.dispose());

  test('each block exits as the page says', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(9);
    blocks.forEach((block, index) => {
      const result = results[index] as CommandResult;
      expect({ script: block.script, status: result.status, stderr: result.stderr }).toEqual({
        script: block.script,
        status: block.exit,
        stderr: expect.any(String),
      });
    });
  });

  test('the steps say what the page says they say', () => {
    const output = (fragment: string) =>
      results.find((_, index) => blocks[index]?.script.includes(fragment)) as CommandResult;
    expect(output('dual-use-rules validate my-ruleset.json').stdout).toContain('valid (eu-2021-821-art5 2.3.3');
    expect(output('dual-use-rules verify my-ruleset.json').stdout).toMatch(
      /Verified eu-2021-821-art5 2\.3\.3 .* signed with key [0-9a-f]{16}/,
    );
    expect(output('tampered.json').stderr).toContain('has changed since it was signed');
    // One step on the command line: assess verifies what it reads, and refuses the tampered copy.
    expect(output('assess --ruleset my-ruleset.json --public-key').stdout).toMatch(/^Outcome: NO OBLIGATION/);
    expect(output('assess --ruleset my-ruleset.json --public-key').stderr).toBe('');
    expect(output('assess --ruleset tampered.json').stderr).toMatch(/^Refusing tampered\.json: it is not verified\./);
    expect(output('assess --ruleset tampered.json').stdout).toBe('');
    expect(readFileSync(join(workspace.dir, 'assessed.jsonl'), 'utf8')).toMatch(/"version":"2\.3\.3"/);
    expect(output('--expect expected-changes.json').stdout).toContain(
      'Every outcome change is listed in the expected-changes file.',
    );
    expect(output('--expect incomplete-changes.json').stderr).toMatch(
      /Outcome changes not in incomplete-changes\.json: enhanced_due_diligence → no_obligation/,
    );
  });

  test('the diff of the two shipped versions reports the guidelines’ due-diligence change as JSON', () => {
    const { diff } = JSON.parse(readFileSync(join(workspace.dir, 'guidelines-diff.json'), 'utf8')) as {
      diff: { changes: { before: string; after: string; count: number }[] };
    };
    expect(diff.changes).toContainEqual(
      expect.objectContaining({ before: 'no_obligation', after: 'insufficient_information' }),
    );
  });

  test('the TypeScript of step 6 works on the files the commands made', async () => {
    const readJson = (file: string) => JSON.parse(readFileSync(join(workspace.dir, file), 'utf8')) as unknown;
    const registry = createRulesetRegistry({
      publicKeys: [readFileSync(join(workspace.dir, 'compliance.pub'), 'utf8')],
    });
    // The signature says 2.3.3 replaces 2.3.2 (sign --replaces), so register needs no replaces of its own.
    registry.register(readJson('my-ruleset.json'), { signatures: [readJson('my-ruleset.json.sig')] });
    const order = readJson('order.json');
    const assessment = await assess(order, { ruleset: registry.select(order) });
    const shipped = loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' });
    expect(assessment.ruleset).toMatchObject({ id: 'eu-2021-821-art5', version: '2.3.3', overlays: shipped.overlays });
    // The weight-1 red flag no longer reaches the raised score: nothing else calls for action.
    expect(assessment.outcome).toBe('no_obligation');
    expect((await replay(assessment, order, { registry })).matches).toBe(true);
    // Keys configured: the tampered copy is refused.
    expect(() =>
      createRulesetRegistry({ publicKeys: [readFileSync(join(workspace.dir, 'compliance.pub'), 'utf8')] }).register(
        readJson('tampered.json'),
        { signatures: [readJson('tampered.json.sig')] },
      ),
    ).toThrow(RulesetError);
  });
});
