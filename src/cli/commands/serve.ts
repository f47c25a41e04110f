import type { Command } from 'commander';
import { DEFAULT_BATCH_LIMIT, DEFAULT_BODY_LIMIT, DEFAULT_REQUEST_TIMEOUT } from '../../server/limits';
import type { ServeFlags } from '../actions/serve';
import { addTrustOptions, repeatable } from './trustOptions';

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
    .action(async (flags: ServeFlags) => (await import('../actions/serve')).serveAction(flags));
}
