import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateSigningKeys } from '../../src/generateSigningKeys';
import { loadRuleset } from '../../src/index';
import { signRuleset } from '../../src/signRuleset';
import { runCli } from '../support/cli';
import { scratchFolder } from '../support/scratch';

// D8 (hardening review, December 2026): `assess --overlay X` without `--ruleset` ignored X without a word, even a file
// that does not exist. Now X is composed onto the bundled ruleset in force on the transaction's date (with the bundled
// overlays in force then), verified like any ruleset file, and a missing file is an error.

const root = new URL('../..', import.meta.url).pathname;
const example = JSON.parse(
  readFileSync(join(root, 'examples/notification-tracker-intelligence-agency.json'), 'utf8'),
) as Record<string, unknown>;
/** A note for French exporters: the example's exporter is French. */
const overlay = {
  id: 'fr-test-note',
  version: '1.0.0',
  kind: 'overlay',
  extends: 'eu-2021-821-art5',
  appliesTo: { memberStates: ['FR'] },
  title: 'A test overlay: a note for French exporters',
  validity: { from: '2024-01-01', to: null },
  sources: { 'x-test': { title: 'Test source', instrument: 'Test instrument', binding: false } },
  notes: [
    {
      id: 'fr-test-note.french-exporter',
      text: 'A note for French exporters.',
      citation: { source: 'x-test', pinpoint: 'Art. 1', confidence: 'interpretation' },
      when: { fact: 'exporter.country', operator: 'equal', value: 'FR' },
    },
  ],
};
const keys = generateSigningKeys();
const work = scratchFolder('dur-overlay-');

beforeAll(() => {
  writeFileSync(join(work, 'fr-note.json'), JSON.stringify(overlay));
  writeFileSync(join(work, 'fr-note.json.sig'), JSON.stringify(signRuleset(overlay, keys.privateKey)));
  writeFileSync(join(work, 'approver.pub'), keys.publicKey);
  writeFileSync(join(work, 'order.json'), JSON.stringify(example));
  writeFileSync(join(work, 'old-order.json'), JSON.stringify({ ...example, date: '2023-05-10' }));
});

const run = (args: readonly string[]) => runCli(args, { cwd: work, env: { DUAL_USE_RULES_PUBLIC_KEYS: '' } });

describe.concurrent('assess --overlay without --ruleset', () => {
  test('composes the overlay onto the bundled ruleset in force on the date, with the bundled overlays', async () => {
    const result = await run(['assess', '--json', '--overlay', 'fr-note.json', 'order.json']);
    expect(result.code).toBe(0);
    const assessment = JSON.parse(result.stdout) as {
      ruleset: { id: string; version: string; overlays: { id: string }[] };
      notes: { id: string }[];
    };
    const inForce = loadRuleset('eu-2021-821-art5', { asOf: example['date'] as string });
    expect(assessment.ruleset).toMatchObject({ id: inForce.id, version: inForce.version });
    expect(assessment.ruleset.overlays.map((entry) => entry.id)).toEqual([
      ...inForce.overlays.map((entry) => entry.id),
      'fr-test-note',
    ]);
    expect(assessment.notes.map((note) => note.id)).toContain('fr-test-note.french-exporter');
    expect(result.stderr).toMatch(/fr-note\.json was not verified/);
  });

  test('a missing overlay file is an error', async () => {
    const result = await run(['assess', '--overlay', 'missing/overlay.json', 'order.json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Cannot read missing\/overlay\.json: no such file or folder/);
  });

  test('an overlay not in force on the transaction’s date is an error, not left out', async () => {
    const result = await run(['assess', '--overlay', 'fr-note.json', 'old-order.json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/not on 2023-05-10/);
  });

  test('with a public key the overlay is verified', async () => {
    const [signed, unsigned] = await Promise.all([
      run(['assess', '--overlay', 'fr-note.json', '--public-key', 'approver.pub', 'order.json']),
      run(['assess', '--overlay', 'order.json', '--public-key', 'approver.pub', 'order.json']),
    ]);
    expect([signed.code, signed.stderr]).toEqual([0, '']);
    expect(unsigned.code).toBe(2);
    expect(unsigned.stderr).toMatch(/Refusing order\.json: it is not verified/);
  });
});
