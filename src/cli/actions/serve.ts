import { invalidArgument, UsageError } from '../../errors/UsageError';
import { readEd25519Key, requireCrypto } from '../../integrity/keys';
import { createServer } from '../../server/createServer';
import { type TrustFlags } from '../commands/trustOptions';
import { readText } from '../io';
import { compileFiles } from './rulesetFiles';

/** The options of `serve` as commander parses them. */
export interface ServeFlags extends TrustFlags {
  readonly port: string;
  readonly host: string;
  readonly ruleset?: string;
  readonly overlay: string[];
  readonly signingKey?: string;
  readonly bodyLimit: string;
  readonly batchLimit: string;
  readonly requestTimeout: string;
  readonly shutdownTimeout: string;
}

/** Runs `serve`: starts the HTTP server and stops it cleanly on SIGTERM or SIGINT. */
export async function serveAction(flags: ServeFlags): Promise<void> {
  const port = whole(flags.port, '--port', 0, 65_535);
  const bodyLimit = whole(flags.bodyLimit, '--body-limit', 1, Number.MAX_SAFE_INTEGER);
  const batchLimit = whole(flags.batchLimit, '--batch-limit', 1, Number.MAX_SAFE_INTEGER);
  const requestTimeout = seconds(flags.requestTimeout, '--request-timeout');
  const shutdownTimeout = seconds(flags.shutdownTimeout, '--shutdown-timeout');
  if (flags.ruleset === undefined && flags.overlay.length > 0)
    throw invalidArgument('--overlay', '--overlay needs --ruleset (the bundled rulesets come with their overlays).');
  if (flags.ruleset === undefined && (flags.publicKey ?? []).length > 0)
    throw invalidArgument(
      '--public-key',
      '--public-key verifies the signatures of --ruleset and --overlay files; without --ruleset the server uses ' +
        'the bundled rulesets, which are part of the installed package and not signed.',
    );
  // Read once each and verified as every command that reads a ruleset does (--public-key, --signature or the
  // environment's keys): what GET /rulesets/{id}/{version} serves is exactly what was verified and compiled.
  const given = flags.ruleset === undefined ? undefined : compileFiles(flags.ruleset as string, flags.overlay, flags);
  const ruleset = given?.ruleset;
  const signingKey = flags.signingKey === undefined ? undefined : readSigningKey(flags.signingKey);

  const app = await createServer({
    ...(given === undefined ? {} : { ruleset: given.ruleset, documents: given.files.map((file) => file.document) }),
    ...(signingKey === undefined ? {} : { signingKey }),
    bodyLimit,
    batchLimit,
    requestTimeout,
  });
  try {
    await app.listen({ port, host: flags.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new UsageError({
        path: ['--port'],
        code: 'cannot_listen',
        message: `Cannot listen on ${flags.host} port ${port}: ${code}.`,
      });
    throw error;
  }
  app.log.info(
    ruleset === undefined
      ? { rulesets: 'bundled' }
      : {
          ruleset: { id: ruleset.id, version: ruleset.version, sha256: ruleset.sha256, overlays: ruleset.overlays },
        },
    'assessing',
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing the requests in flight');
    const force = setTimeout(() => {
      app.log.error({ after: shutdownTimeout / 1000 }, 'requests still in flight after the shutdown timeout');
      process.exit(1);
    }, shutdownTimeout);
    force.unref();
    app.close().then(
      () => {
        clearTimeout(force);
        app.log.info('stopped');
        process.exitCode = 0;
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** A whole number option within bounds. */
function whole(value: string, option: string, least: number, most: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < least || number > most)
    throw invalidArgument(option, `${option} must be a whole number from ${least} to ${most}, not "${value}".`);
  return number;
}

/** A positive number of seconds, in milliseconds. */
function seconds(value: string, option: string): number {
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || number <= 0 || number > 86_400)
    throw invalidArgument(option, `${option} must be a number of seconds above 0 (at most 86400), not "${value}".`);
  return Math.round(number * 1000);
}

/** The private key that signs decision records, checked at start so a bad key stops the server from starting. */
function readSigningKey(file: string): string {
  const pem = readText(file);
  readEd25519Key(
    () => requireCrypto().createPrivateKey(pem),
    ['--signing-key'],
    `${file} is not a PEM-encoded private key.`,
    (type) => `${file} is an ${type} key, not an Ed25519 private key.`,
  );
  return pem;
}
