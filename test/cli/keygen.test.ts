import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runShell } from '../support/cli';
import { scratchFolder } from '../support/scratch';

// D15 (hardening review, December 2026): `keygen --force` kept the old file's mode (a 0644 .key stayed
// world-readable) and followed symbolic links (the private key went wherever the link pointed). A failed write left an
// empty .key that then blocked the next keygen.

const work = scratchFolder('dur-keygen-');

/** A fresh folder for one test, and a way to run a script in it. */
function folder(name: string) {
  const dir = join(work, name);
  mkdirSync(dir);
  return { dir, sh: (script: string) => runShell(script, { cwd: dir }) };
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe.concurrent('keygen writes its keys with exact permissions, never through a link, and whole', () => {
  test('--force over a world-readable key: the private key is 0600, the public key 0644', async () => {
    const { dir, sh } = folder('modes');
    writeFileSync(join(dir, 'weak.key'), 'old');
    writeFileSync(join(dir, 'weak.pub'), 'old');
    const result = await sh('chmod 644 weak.key && chmod 600 weak.pub && $CLI keygen --out weak --force');
    expect(result.code).toBe(0);
    expect(mode(join(dir, 'weak.key'))).toBe(0o600);
    expect(mode(join(dir, 'weak.pub'))).toBe(0o644);
    expect(readFileSync(join(dir, 'weak.key'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(readFileSync(join(dir, 'weak.pub'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  test('whatever the umask: 0600 and 0644', async () => {
    const { dir, sh } = folder('umask');
    expect((await sh('umask 000 && $CLI keygen --out open')).code).toBe(0);
    expect((await sh('umask 077 && $CLI keygen --out closed')).code).toBe(0);
    expect([mode(join(dir, 'open.key')), mode(join(dir, 'open.pub'))]).toEqual([0o600, 0o644]);
    expect([mode(join(dir, 'closed.key')), mode(join(dir, 'closed.pub'))]).toEqual([0o600, 0o644]);
  });

  test('--force does not write through a symbolic link: it refuses, and the link and its target are untouched', async () => {
    const { dir, sh } = folder('links');
    writeFileSync(join(dir, 'shared.txt'), 'shared notes\n');
    const result = await sh(
      'ln -s elsewhere.txt link.key && ln -s shared.txt link.pub && chmod 644 shared.txt && ' +
        '$CLI keygen --out link --force',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/link\.key is a symbolic link/);
    expect(result.stderr).not.toMatch(/Internal error|\n\s+at /);
    expect(readdirSync(dir).sort()).toEqual(['link.key', 'link.pub', 'shared.txt']);
    expect(lstatSync(join(dir, 'link.key')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.key'))).toBe('elsewhere.txt');
    expect(readFileSync(join(dir, 'shared.txt'), 'utf8')).toBe('shared notes\n');
  });

  test('a write that fails leaves no key file behind, so the next keygen needs no --force', async () => {
    const { dir, sh } = folder('failing');
    const failed = await sh("trap '' XFSZ; ulimit -f 0; $CLI keygen --out k");
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/Cannot write k\.(key|pub): file too large/);
    expect(readdirSync(dir)).toEqual([]);
    expect((await sh('$CLI keygen --out k')).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['k.key', 'k.pub']);
  });
});
