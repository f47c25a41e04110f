import type { Command } from 'commander';
import { invalidArgument, UsageError } from '../../errors/UsageError';
import { readEd25519Key, requireCrypto } from '../../integrity/keys';
import {
  createServer,
  DEFAULT_BATCH_LIMIT,
  DEFAULT_BODY_LIMIT,
  DEFAULT_REQUEST_TIMEOUT,
} from '../../server/createServer';
import { readText } from '../io';
import { addTrustOptions, compileFiles, repeatable, type TrustFlags } from './rulesetFiles';

interface ServeFlags extends TrustFlags {
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

/** `dual-use-rules serve`: the library over HTTP, with an OpenAPI 3.1 contract (fastify, an optional peer dependency). */
export function registerServe(program: Command): void {
  const command = program
    .command('serve')
    .description(
      'Serve assessments over HTTP: POST /assess, POST /assess/batch (NDJSON), GET /rulesets, GET /questions, ' +
        'GET /health and the OpenAPI 3.1 document at GET /openapi.json. Needs fastify (an optional peer dependency).',
    )
    .option('--port <port>', 'TCP port to listen on (0: any free port)', '8080')
    .option('--host <host>', 'address to listen on (0.0.0.0 or :: for every interface)', '127.0.0.1')
    .option('--ruleset <file>', 'assess with this ruleset document instead of the bundled one in force on each date')
    .option(
      '--overlay <file>',
      'a national overlay document to compose into --ruleset (repeat for several)',
      repeatable,
      [],
    );
  addTrustOptions(command)
    .option('--signing-key <file>', 'sign the decision records that POST /assess?record=true returns (Ed25519, PEM)')
    .option('--body-limit <bytes>', 'largest JSON body, and largest line of a batch', String(DEFAULT_BODY_LIMIT))
    .option('--batch-limit <bytes>', 'largest body of POST /assess/batch', String(DEFAULT_BATCH_LIMIT))
    .option(
      '--request-timeout <seconds>',
      'time a client has to send its whole request',
      String(DEFAULT_REQUEST_TIMEOUT / 1000),
    )
    .option('--shutdown-timeout <seconds>', 'time requests in flight get to finish after SIGTERM or SIGINT', '10')
    .addHelpText(
      'after',
      `
Examples:
  $ dual-use-rules serve
  $ dual-use-rules serve --port 8080 --host 0.0.0.0
  $ dual-use-rules serve --ruleset my-ruleset.json --public-key ruleset-signing.pub --signing-key records.key
  $ curl -s -H 'content-type: application/json' --data @order.json http://127.0.0.1:8080/assess

Stateless: run as many instances as you need behind a load balancer. One JSON log line per request goes to stderr
(method, route, status, time; never the transaction). SIGTERM or SIGINT stops taking requests, lets those in flight
finish, then exits 0 (1 if they outlast --shutdown-timeout).
Exit codes: 0 stopped cleanly; 2 invalid arguments, rulesets or keys (the server does not start); 1 internal error.`,
    )
    .action(async (flags: ServeFlags) => {
      const port = whole(flags.port, '--port', 0, 65_535);
      const bodyLimit = whole(flags.bodyLimit, '--body-limit', 1, Number.MAX_SAFE_INTEGER);
      const batchLimit = whole(flags.batchLimit, '--batch-limit', 1, Number.MAX_SAFE_INTEGER);
      const requestTimeout = seconds(flags.requestTimeout, '--request-timeout');
      const shutdownTimeout = seconds(flags.shutdownTimeout, '--shutdown-timeout');
      if (flags.ruleset === undefined && flags.overlay.length > 0)
        throw invalidArgument(
          '--overlay',
          '--overlay needs --ruleset (the bundled rulesets come with their overlays).',
        );
      if (flags.ruleset === undefined && (flags.publicKey ?? []).length > 0)
        throw invalidArgument(
          '--public-key',
          '--public-key verifies the signatures of --ruleset and --overlay files; without --ruleset the server uses ' +
            'the bundled rulesets, which are part of the installed package and not signed.',
        );
      // Read once each and verified as every command that reads a ruleset does (--public-key, --signature or the
      // environment's keys): what GET /rulesets/{id}/{version} serves is exactly what was verified and compiled.
      const given =
        flags.ruleset === undefined ? undefined : compileFiles(flags.ruleset as string, flags.overlay, flags);
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
    });
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
