import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateSigningKeys } from '../../src/generateSigningKeys';
import { signRuleset } from '../../src/signRuleset';
import { cliPath, runCli } from '../support/cli';
import { expectDocumentedResponse } from '../support/openapi';
import { jsonBody, rawResponses, request } from '../support/server';

const root = new URL('../..', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'dur-serve-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const example = readFileSync(join(root, 'examples/notification-tracker-intelligence-agency.json'), 'utf8');

/** A running `dual-use-rules serve`, with what it logged so far. */
interface Served {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly log: () => string;
  readonly exited: Promise<number | null>;
}

/** Starts `dual-use-rules serve --port 0 …` and waits until it listens (or fails if it exits first). */
async function serve(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, [cliPath(), 'serve', '--port', '0', ...args], {
    cwd: root,
    env: { ...process.env, DUAL_USE_RULES_PUBLIC_KEYS: '', ...env },
    stdio: 'pipe',
  });
  // Registered first, so a server that never listens is not left running either.
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      const listening = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(stderr)?.[1];
      if (listening !== undefined) resolve(listening);
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}:\n${stderr}`)));
  });
  return { child, url, log: () => stderr, exited };
}

describe('dual-use-rules serve', () => {
  test('serves on a free port, and on SIGTERM finishes the request in flight, then exits 0', async () => {
    const server = await serve([]);
    expect((await request(server.url, '/health')).status).toBe(200);
    const assessed = await request(server.url, '/assess', { ...jsonBody(JSON.parse(example)) });
    expect(assessed.json()).toMatchObject({ outcome: 'insufficient_information' });

    // A batch whose body is still arriving when SIGTERM comes.
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8').on('data', (text: string) => (received += text));
    const line = `${JSON.stringify(JSON.parse(example))}\n`;
    const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
    socket.write(
      'POST /assess/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n' +
        `Connection: close\r\n\r\n${chunk(line)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.child.exitCode).toBeNull();
    socket.end(`${chunk(line)}0\r\n\r\n`);
    expect(await server.exited).toBe(0);
    const [batch] = rawResponses(received);
    expect(batch?.status).toBe(200);
    expectDocumentedResponse('POST', '/assess/batch', 200, batch?.headers['content-type'] ?? null, batch?.body ?? '');
    expect(batch?.body.match(/"outcome":"insufficient_information"/g)).toHaveLength(2);

    const log = server
      .log()
      .trim()
      .split('\n')
      .map((entry) => JSON.parse(entry) as { msg: string; route?: string; status?: number });
    expect(log.map((entry) => entry.msg)).toEqual(
      expect.arrayContaining([
        'Server listening at ' + server.url,
        'request',
        'shutting down: finishing the requests in flight',
        'stopped',
      ]),
    );
    expect(log.find((entry) => entry.route === '/assess/batch')).toMatchObject({ status: 200 });
    expect(server.log()).not.toContain('W6-hidden-gps-tracker');
  });

  test('refuses to start when a --public-key is given and the ruleset is tampered with or unsigned', async () => {
    const keys = await runCli(['keygen', '--out', join(folder, 'signing')]);
    expect(keys.code).toBe(0);
    const ruleset = join(folder, 'my-ruleset.json');
    cpSync(join(root, 'docs/examples/minimal-ruleset.json'), ruleset);
    expect((await runCli(['sign', ruleset, '--key', join(folder, 'signing.key')])).code).toBe(0);

    const signed = await serve(['--ruleset', ruleset, '--public-key', join(folder, 'signing.pub')]);
    expect((await request(signed.url, '/health')).json()).toMatchObject({ rulesets: 'configured' });
    signed.child.kill('SIGINT');
    expect(await signed.exited).toBe(0);

    const document = JSON.parse(readFileSync(ruleset, 'utf8')) as { title: string };
    writeFileSync(ruleset, JSON.stringify({ ...document, title: `${document.title}!` }, null, 2));
    const withKey = () =>
      runCli(['serve', '--port', '0', '--ruleset', ruleset, '--public-key', join(folder, 'signing.pub')]);
    const tampered = await withKey();
    expect(tampered.code).toBe(2);
    expect(tampered.stderr).toMatch(/changed since it was signed/);
    expect(tampered.stderr).not.toMatch(/listening/);

    rmSync(`${ruleset}.sig`);
    const unsigned = await withKey();
    expect(unsigned.code).toBe(2);
    expect(unsigned.stderr).toMatch(/sign/i);
  });

  test('reads each ruleset file once: a ruleset that can be read only once (a FIFO) is verified and served', async () => {
    const keys = generateSigningKeys();
    const document = JSON.parse(readFileSync(join(root, 'docs/examples/minimal-ruleset.json'), 'utf8')) as {
      id: string;
      version: string;
    };
    const once = join(folder, 'once.json');
    writeFileSync(join(folder, 'once-source.json'), JSON.stringify(document));
    writeFileSync(`${once}.sig`, JSON.stringify(signRuleset(document, keys.privateKey)));
    writeFileSync(join(folder, 'once.pub'), keys.publicKey);
    expect(spawnSync('mkfifo', [once]).status).toBe(0);
    // One writer: a second read of the file would wait for another forever, and the server would never listen.
    const writer = spawn('bash', ['-c', 'exec cat once-source.json > once.json'], { cwd: folder, stdio: 'ignore' });
    afterAll(() => writer.kill('SIGKILL'));
    const server = await serve(['--ruleset', once, '--public-key', join(folder, 'once.pub')]);
    const served = await request(server.url, `/rulesets/${document.id}/${document.version}`);
    expect(served.json()).toMatchObject({ document });
    expect(server.log()).not.toMatch(/not verified/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  test('DUAL_USE_RULES_PUBLIC_KEYS verifies --ruleset as --public-key does; the bundled rulesets need no key', async () => {
    const keys = generateSigningKeys();
    writeFileSync(join(folder, 'env.pub'), keys.publicKey);
    const ruleset = join(folder, 'env-ruleset.json');
    cpSync(join(root, 'docs/examples/minimal-ruleset.json'), ruleset);
    const unsigned = await runCli(['serve', '--port', '0', '--ruleset', ruleset], {
      env: { DUAL_USE_RULES_PUBLIC_KEYS: join(folder, 'env.pub') },
    });
    expect(unsigned.code).toBe(2);
    expect(unsigned.stderr).toMatch(/Refusing \S+env-ruleset\.json: it is not verified/);
    expect(unsigned.stderr).not.toMatch(/listening/);

    const bundled = await serve([], { DUAL_USE_RULES_PUBLIC_KEYS: join(folder, 'env.pub') });
    expect((await request(bundled.url, '/health')).json()).toMatchObject({ rulesets: 'bundled' });
    bundled.child.kill('SIGTERM');
    expect(await bundled.exited).toBe(0);
  });

  test('refuses arguments it cannot honour, before listening', async () => {
    const cases: [readonly string[], RegExp][] = [
      [['--public-key', 'k.pub'], /bundled rulesets, which are part of the installed package and not signed/],
      [['--overlay', 'o.json'], /--overlay needs --ruleset/],
      [['--port', 'eighty'], /--port must be a whole number/],
      [['--request-timeout', '0'], /--request-timeout must be a number of seconds/],
      [['--signing-key', join(root, 'package.json')], /not a PEM-encoded private key/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['serve', '--port', '0', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  test('without fastify installed, says which command installs it', async () => {
    // The built command in a folder whose node_modules has every package but fastify.
    const project = join(folder, 'no-fastify');
    const built = dirname(cliPath());
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    cpSync(built, join(project, 'bin'), { recursive: true });
    for (const entry of readdirSync(join(root, 'node_modules')))
      if (entry !== 'fastify' && entry !== '.bin' && entry !== '.cache')
        symlinkSync(join(root, 'node_modules', entry), join(project, 'node_modules', entry));
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [join(project, 'bin', 'cli.js'), 'serve', '--port', '0'], {
        stdio: 'pipe',
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    const { devDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`npm install fastify@${devDependencies['fastify']}`);
  });

  test('a request too slow to arrive gets 408 from the command too', async () => {
    const server = await serve(['--request-timeout', '0.5']);
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () =>
        socket.write(
          'POST /assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{',
        ),
      );
      let text = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      socket.on('close', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expectDocumentedResponse('POST', '/assess', 408, null, '');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
