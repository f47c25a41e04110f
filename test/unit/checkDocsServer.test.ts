import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { serverScript } from '../../scripts/check-docs';
import { scratchFolder } from '../support/scratch';

/** Whether a process is still running: it exists and is not a zombie (dead, waiting to be reaped). */
function running(pid: number): boolean {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return false;
  return !/^State:\s+Z/m.test(readFileSync(status, 'utf8'));
}

describe('docs:check and blocks that start the server', () => {
  test('runs them on a free port instead of 8080', () => {
    const script = 'npx dual-use-rules serve --port 8080 &\ncurl http://127.0.0.1:8080/health\nkill %1';
    const run = serverScript(script, () => 41234);
    expect(run.endsWith('npx dual-use-rules serve --port 41234 &\ncurl http://127.0.0.1:41234/health\nkill %1')).toBe(
      true,
    );
    expect(run).not.toContain('8080');
  });

  test('stops each background job with the processes it started when the block ends (npx leaves its server behind otherwise)', async () => {
    const work = scratchFolder('dur-docs-jobs-');
    const childPid = join(work, 'child.pid');
    // A stand-in for `npx dual-use-rules serve &`: a background process whose child does the serving.
    const parent =
      `const child = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], ` +
      `{ stdio: 'ignore' }); require('node:fs').writeFileSync(${JSON.stringify(childPid)}, String(child.pid)); ` +
      `setInterval(() => {}, 1000);`;
    const script = `node -e ${JSON.stringify(parent)} & # dual-use-rules serve --port 8080\nwhile [ ! -s ${childPid} ]; do sleep 0.1; done`;
    const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', serverScript(script, () => 41234)], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const pid = Number(readFileSync(childPid, 'utf8'));
    const deadline = Date.now() + 5_000;
    while (running(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const left = running(pid);
    if (left) process.kill(pid);
    expect(left, 'the background job’s child process outlived the block').toBe(false);
  });

  test('leaves other blocks as they are, without looking for a port', () => {
    const script = 'npx dual-use-rules assess order.json > 8080.txt';
    expect(
      serverScript(script, () => {
        throw new Error('no port needed');
      }),
    ).toBe(script);
  });
});
