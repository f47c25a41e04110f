import { spawn, type ChildProcess } from 'node:child_process';
import { inject } from 'vitest';

/** What a CLI run printed and how it exited. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const root = new URL('../..', import.meta.url).pathname;

/** The CLI bundled from the current sources once for this test run, by the global setup `test/support/buildPackage.ts`. */
export function cliPath(): string {
  return inject('cliPath');
}

/**
 * Runs `dual-use-rules` with `args` in a child process and collects its output. Colours are off unless `env` turns them on
 * (NO_COLOR and FORCE_COLOR are cleared first, so the test decides).
 */
export async function runCli(
  args: readonly string[],
  options: { readonly input?: string | Buffer; readonly env?: NodeJS.ProcessEnv; readonly cwd?: string } = {},
): Promise<CliResult> {
  const path = cliPath();
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env };
  const child = spawn(process.execPath, [path, ...args], { env, cwd: options.cwd ?? root, stdio: 'pipe' });
  child.stdin.end(options.input ?? '');
  return collect(child);
}

/** What a child process writes to its standard output and error (whichever are pipes), and its exit code. */
export function collect(child: ChildProcess): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs a bash script with `$CLI` set to the command (bundled as for `runCli`), for pipes, redirections, `ulimit` and
 * the like. Colours are off unless `env` turns them on.
 */
export async function runShell(
  script: string,
  options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv; readonly timeout?: number } = {},
): Promise<CliResult> {
  const path = cliPath();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '',
    FORCE_COLOR: '',
    CLI: `${process.execPath} ${path}`,
    ...options.env,
  };
  return collect(
    spawn('bash', ['-c', script], {
      env,
      cwd: options.cwd ?? root,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    }),
  );
}
