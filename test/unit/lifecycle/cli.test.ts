import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { minimalRuleset } from '../../support/minimalRuleset';
import { createWorkspace } from './cliHarness';

describe('CLI: keygen, sign, verify, validate, diff at their edges', () => {
  let workspace: ReturnType<typeof createWorkspace>;
  beforeAll(async () => {
    workspace = createWorkspace();
    const shadowed = minimalRuleset() as unknown as { rules: unknown[] };
    const cite = { source: 'reg', pinpoint: 'Art. 1', confidence: 'verified' };
    shadowed.rules.push({
      id: 'shadowed',
      title: 'Shadowed',
      summary: 'Never decides.',
      outcome: 'no_obligation',
      citation: cite,
      when: { fact: 'exporter.informedByAuthority', operator: 'equal', value: true },
    });
    writeFileSync(join(workspace.dir, 'minimal.json'), JSON.stringify(minimalRuleset()));
    writeFileSync(join(workspace.dir, 'shadowed.json'), JSON.stringify(shadowed));
  }, 120_000);
  afterAll(() => workspace?.dispose());

  test('keygen refuses to overwrite keys without --force', () => {
    expect(workspace.run('dual-use-rules keygen --out k').status).toBe(0);
    const again = workspace.run('dual-use-rules keygen --out k');
    expect([again.status, again.stderr]).toEqual([2, 'k.key exists; use --force to replace it.\n']);
    expect(workspace.run('dual-use-rules keygen --out k --force').status).toBe(0);
  });

  test('verify refuses an unsigned ruleset, and sign refuses an invalid one', () => {
    workspace.run('dual-use-rules keygen --out v');
    const unsigned = workspace.run('dual-use-rules verify minimal.json --public-key v.pub');
    expect(unsigned.status).toBe(2);
    expect(unsigned.stderr).toMatch(/has no signature, and public keys are configured/);
    writeFileSync(join(workspace.dir, 'broken.json'), JSON.stringify({ ...minimalRuleset(), rules: 'none' }));
    const broken = workspace.run('dual-use-rules sign broken.json --key v.key');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/\/rules/);
    expect(workspace.run('test ! -e broken.json.sig').status).toBe(0);
  });

  test('validate prints warnings with their paths, and --strict makes them fail', () => {
    const clean = workspace.run('dual-use-rules validate minimal.json');
    expect([clean.status, clean.stdout]).toEqual([0, expect.stringContaining('No warnings.')]);
    const lenient = workspace.run('dual-use-rules validate shadowed.json');
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toMatch(/\/rules\/2: Rule "shadowed" can never decide .* \[unreachable_rule\]/);
    expect(workspace.run('dual-use-rules validate shadowed.json --strict').status).toBe(2);
    const json = JSON.parse(workspace.run('dual-use-rules validate shadowed.json --json').stdout) as {
      warnings: { code: string; path: unknown[] }[];
    };
    expect(json.warnings).toEqual([expect.objectContaining({ code: 'unreachable_rule', path: ['rules', 2] })]);
  });

  test('diff checks its arguments and reports rulesets that decide the same as equal', () => {
    expect(workspace.run('dual-use-rules diff minimal.json minimal.json --runs zero').status).toBe(2);
    const same = workspace.run('dual-use-rules diff minimal.json minimal.json --runs 50');
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('No outcome changes.');
    expect(same.stdout).toContain('No static changes.');
    writeFileSync(join(workspace.dir, 'expect.json'), '{"changes":[{"before":"nope"}]}');
    const badExpect = workspace.run('dual-use-rules diff minimal.json minimal.json --runs 50 --expect expect.json');
    expect(badExpect.status).toBe(2);
    expect(badExpect.stderr).toContain('/changes/0/before');
  });
});
