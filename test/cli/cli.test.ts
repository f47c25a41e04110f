import { describe, expect, test } from 'vitest';
import { listRulesets } from '../../src/index';
import { runCli } from '../support/cli';

describe.concurrent('dual-use-rules', () => {
  test('--help on the program and on every command shows examples (exit 0)', async () => {
    const root = await runCli(['--help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('Examples:');
    const commands = [...root.stdout.split('Commands:')[1]!.matchAll(/^ {2}([a-z]+)\b/gm)]
      .map((match) => match[1]!)
      .filter((name) => name !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['assess', 'rulesets']));
    for (const command of commands) {
      const help = await runCli([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toMatch(/Examples:\n {2}\$ dual-use-rules /);
    }
  });

  test('an unknown command or option is a user error (exit 2)', async () => {
    const [command, option] = await Promise.all([runCli(['asses', 'order.json']), runCli(['rulesets', '--colour'])]);
    expect(command.stderr).toMatch(/unknown command 'asses'/);
    expect(command.code).toBe(2);
    expect(option.stderr).toMatch(/unknown option '--colour'/);
    expect(option.code).toBe(2);
  });
});

describe.concurrent('dual-use-rules rulesets', () => {
  test(
    'lists every bundled ruleset with its version and validity window, marking those in force on ' + '--as-of',
    async () => {
      const result = await runCli(['rulesets', '--as-of', '2024-06-01']);
      expect(result.code).toBe(0);
      const rows = result.stdout.split('\n');
      for (const ruleset of listRulesets()) {
        const window =
          ruleset.validity.to === null
            ? `from ${ruleset.validity.from}`
            : `${ruleset.validity.from} to ${ruleset.validity.to}`;
        const row = rows.find((line) =>
          new RegExp(` ${ruleset.id}\\s+${ruleset.version.replace(/\./g, '\\.')}\\s`).test(line),
        );
        expect(row, `${ruleset.id} ${ruleset.version}`).toBeDefined();
        expect(row).toContain(window);
      }
      // On 1 June 2024 only the first legal period's law applies, and a date selects its latest correction 1.2.0, not the
      // 1.0.0 and 1.1.0 it replaced; 2.x starts with the guidelines (16 October 2024), the German overlay on 23 July 2024.
      const marked = rows
        .filter((line) => line.startsWith('*  '))
        .map((line) => line.split(/\s+/).slice(1, 3).join(' '));
      expect(marked).toEqual(['eu-2021-821-art5 1.2.0']);
      expect(rows.find((line) => line.includes(' 1.0.0 ') && line.includes('eu-2021-821-art5'))).toContain(
        'replaced by 1.1.0',
      );
      expect(result.stdout).toContain('* in force on 2024-06-01');
    },
  );

  test('--format json prints listRulesets()', async () => {
    const result = await runCli(['rulesets', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(listRulesets());
  });

  test('a malformed --as-of is a user error', async () => {
    const result = await runCli(['rulesets', '--as-of', '1 June 2024']);
    expect(result.stderr).toMatch(/--as-of must be a date written YYYY-MM-DD/);
    expect(result.code).toBe(2);
  });
});
