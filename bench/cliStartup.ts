/**
 * The command line's start-up: `dual-use-rules --version` and one `assess` of a bundled example, each a whole process
 * of the built command (`node dist/cli.js`, output discarded), against `node -e 0` measured in the same rounds: Node's
 * own start, which no change to the package can remove. Part of `npm run bench`; `npm run bench:cli` runs only this
 * section and updates the `cliStartup` entry of bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIST } from './library';
import { refreshResultsSection } from './results';
import { median, significant } from './timing';

/** The example `assess` reads: bundled with the package's docs, assessed with the bundled ruleset in force on its date. */
const EXAMPLE = 'examples/notification-tracker-intelligence-agency.json';

/** The processes timed, each as argument lists for `node`. */
const COMMANDS = {
  node: ['-e', '0'],
  version: [fileURLToPath(new URL('cli.js', DIST)), '--version'],
  assess: [fileURLToPath(new URL('cli.js', DIST)), 'assess', EXAMPLE],
} as const;

type CommandName = keyof typeof COMMANDS;

/** What `measureCliStartup` reports: medians in milliseconds, and each command's as a multiple of `node -e 0`. */
export interface CliStartupResults {
  readonly rounds: number;
  readonly example: string;
  readonly wallMs: Readonly<Record<CommandName, number>>;
  readonly ratioToNode: { readonly version: number; readonly assess: number };
  readonly runsMs: Readonly<Record<CommandName, readonly number[]>>;
}

/**
 * Times each command as a whole process, `rounds` times, in an order that rotates from round to round so that machine
 * noise falls on all of them alike; the figure is the median wall time.
 */
export function measureCliStartup(options: {
  readonly quick: boolean;
  readonly log: (message: string) => void;
}): CliStartupResults {
  const rounds = options.quick ? 5 : 15;
  options.log(`CLI start-up, ${rounds} rounds…`);
  if (!existsSync(new URL('cli.js', DIST)))
    throw new Error('dist/cli.js is missing: run `npm run build` (npm run bench does it).');
  const names = Object.keys(COMMANDS) as CommandName[];
  const runs: Record<CommandName, number[]> = { node: [], version: [], assess: [] };
  const root = fileURLToPath(new URL('..', import.meta.url));
  for (let round = 0; round < rounds; round++) {
    for (let offset = 0; offset < names.length; offset++) {
      const name = names[(round + offset) % names.length] as CommandName;
      const start = performance.now();
      const result = spawnSync(process.execPath, COMMANDS[name], { cwd: root, stdio: 'ignore' });
      runs[name].push(performance.now() - start);
      if (result.status !== 0) throw new Error(`node ${COMMANDS[name].join(' ')} exited with ${result.status}.`);
    }
  }
  const wallMs = { node: median(runs.node), version: median(runs.version), assess: median(runs.assess) };
  return {
    rounds,
    example: EXAMPLE,
    wallMs: {
      node: significant(wallMs.node),
      version: significant(wallMs.version),
      assess: significant(wallMs.assess),
    },
    ratioToNode: {
      version: significant(wallMs.version / wallMs.node),
      assess: significant(wallMs.assess / wallMs.node),
    },
    runsMs: {
      node: runs.node.map((value) => significant(value)),
      version: runs.version.map((value) => significant(value)),
      assess: runs.assess.map((value) => significant(value)),
    },
  };
}

/** The figures as Markdown rows, for the report and for docs/performance.md. */
export function describeCliStartup(results: CliStartupResults): string {
  const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    row(['process', 'wall ms (median)', '× node -e 0']),
    row(['---', '---:', '---:']),
    row(['`node -e 0`', results.wallMs.node, 1]),
    row(['`dual-use-rules --version`', results.wallMs.version, results.ratioToNode.version]),
    row([`\`dual-use-rules assess ${results.example}\``, results.wallMs.assess, results.ratioToNode.assess]),
  ].join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const quick = process.argv.includes('--quick');
  const results = measureCliStartup({ quick, log: (message) => process.stderr.write(`${message}\n`) });
  process.stdout.write(`\n${describeCliStartup(results)}\n\n${JSON.stringify(results, null, 2)}\n`);
  refreshResultsSection('cliStartup', { quick, ...results });
}
