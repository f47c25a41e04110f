import { createServer as createHttpServer } from 'node:http';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { name, version } from '../../package.json';
import openapi from '../../schemas/openapi.json';
import { assessMany } from '../assessMany';
import { createDecisionRecord } from '../createDecisionRecord';
import { createRulesetRegistry } from '../createRulesetRegistry';
import { canonicalSha256 } from '../document/canonicalJson';
import { listQuestions } from '../listQuestions';
import { listRulesets, loadRuleset } from '../loadRuleset';
import { bundledDocuments } from '../rulesets/bundled';
import { signDecisionRecord } from '../signDecisionRecord';
import type { AssessOptions } from '../types/assessOptions';
import type { CompiledRuleset } from '../types/compiledRuleset';
import type { QuestionList } from '../types/questions';
import type { RulesetDocument } from '../types/ruleset';
import { assessBodyLine } from './batchLines';
import { parseJsonBody } from './jsonBody';
import { DEFAULT_BATCH_LIMIT, DEFAULT_BODY_LIMIT, DEFAULT_REQUEST_TIMEOUT } from './limits';
import { loadFastify } from './loadFastify';
import { ndjsonLines } from './ndjsonLines';
import { problem, problemOf } from './problems';
import { AS_OF_QUERY, ASSESS_HEADERS, ASSESS_QUERY, RULESET_PARAMS } from './routeSchemas';
import type { Health, Problem, RulesetDocumentResponse, RulesetList } from './types';

/** How `dual-use-rules serve` runs. */
export interface ServerOptions {
  /** The ruleset every request is assessed with. Default: the bundled ruleset in force on each transaction's date. */
  readonly ruleset?: CompiledRuleset;
  /** The documents `ruleset` was compiled from (base, then overlays), for `GET /rulesets`. */
  readonly documents?: readonly unknown[];
  /** Largest JSON body, and largest line of a batch, in bytes. Default 1 MiB. */
  readonly bodyLimit?: number;
  /** Largest batch body in bytes. Default 64 MiB. */
  readonly batchLimit?: number;
  /** Milliseconds a client has to send a whole request (headers and body). Default 30 s. */
  readonly requestTimeout?: number;
  /** Ed25519 private key (PKCS #8 PEM) to sign decision records with. */
  readonly signingKey?: string;
  /** Where the JSON request log goes (one line per request); `false` for none. Default: standard error. */
  readonly log?: false | NodeJS.WritableStream;
  /** The clock that dates decision records. */
  readonly clock?: () => Date;
  /** Makes decision record ids. */
  readonly newId?: () => string;
}

const NDJSON = 'application/x-ndjson';
const PROBLEM_JSON = 'application/problem+json';

/**
 * Builds the HTTP server (not yet listening): stateless, every request answered from the rulesets held in memory.
 * fastify is an optional peer dependency, loaded here.
 * @throws {UsageError} `missing_dependency` when fastify is not installed.
 */
export async function createServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const { default: fastify, LogController } = await loadFastify();
  /** One log line per request, when it completes: no body, no query (it may name who assessed), nothing of the transaction. */
  class RequestLog extends LogController {
    override incomingRequest(): void {}
    override routeNotFound(): void {}
    override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
      const fields = {
        method: request.method,
        route: request.routeOptions.url ?? null,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        requestBytes: Number(request.headers['content-length'] ?? 0) || undefined,
      };
      if (error === null || error === undefined) request.log.info(fields, 'request');
      else request.log.error({ ...fields, err: error }, 'request failed');
    }
  }
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const batchLimit = options.batchLimit ?? DEFAULT_BATCH_LIMIT;
  const requestTimeout = options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT;
  const app = fastify({
    bodyLimit,
    // A client that sends its request too slowly gets Node's 408; checked every second rather than Node's 30.
    serverFactory: (handler) =>
      createHttpServer({ requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: 1000 }, handler),
    // Keys such as __proto__ reach the library, which refuses them as unknown keys with their path (422), as it
    // refuses every other unknown key; JSON.parse makes them own data properties, never prototypes.
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
    return503OnClosing: false,
    exposeHeadRoutes: false,
    logController: new RequestLog(),
    logger:
      options.log === false
        ? false
        : {
            level: 'info',
            stream: options.log ?? process.stderr,
            base: { service: name },
            timestamp: () => `,"time":"${new Date().toISOString()}"`,
          },
  });

  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (closing) {
      reply.header('connection', 'close');
      return sendProblem(reply, problem('shutting-down', 'The server is shutting down; send the request again.'));
    }
    return undefined;
  });
  app.setErrorHandler(async (error, request, reply) => {
    const { problem: details, serverFault } = problemOf(error);
    if (serverFault) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, details);
  });
  app.setNotFoundHandler(async (request, reply) =>
    sendProblem(
      reply,
      problem('not-found', `There is no ${request.method} ${request.url.split('?')[0] ?? ''}; see GET /openapi.json.`),
    ),
  );
  // A JSON body within the same bounds as a line of a batch (parseJsonBody), not fastify's own parser.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // The batch body is read as a stream, line by line; its size is checked against batchLimit as it arrives.
  app.addContentTypeParser(NDJSON, { bodyLimit: batchLimit }, (_request, payload, done) => done(null, payload));

  const assessOptions = (asOf: string | undefined): AssessOptions => ({
    ...(options.ruleset === undefined ? {} : { ruleset: options.ruleset }),
    ...(asOf === undefined ? {} : { asOf }),
  });

  app.post(
    '/assess',
    { schema: { querystring: ASSESS_QUERY, headers: ASSESS_HEADERS } },
    async (
      request: FastifyRequest<{ Querystring: { record: boolean; assessedBy?: string; asOf?: string } }>,
      reply,
    ) => {
      if (!isJson(request.headers['content-type']))
        return sendProblem(
          reply,
          problem('unsupported-media-type', 'Send the transaction as application/json.', [
            {
              path: [],
              code: 'unsupported_media_type',
              expected: 'application/json',
              message: 'Content-Type must be application/json.',
            },
          ]),
        );
      const transaction = request.body;
      if (transaction === undefined)
        return sendProblem(
          reply,
          problem('invalid-json', 'The body is empty: send one transaction as JSON.', [
            { path: [], code: 'invalid_json', message: 'The body is empty.' },
          ]),
        );
      // The compiled evaluator: the same assessment as assess() (a property test in CI keeps them deep-equal), in a
      // fraction of the time, synchronously.
      const [assessment] = assessMany([transaction], assessOptions(request.query.asOf));
      if (assessment === undefined) throw new Error('assessMany returned no assessment');
      if (!request.query.record) return assessment;
      const assessedBy = request.query.assessedBy ?? headerValue(request.headers['x-assessed-by']);
      const record = createDecisionRecord(transaction, assessment, {
        ...(assessedBy === undefined ? {} : { assessedBy }),
        ...(options.clock === undefined ? {} : { clock: options.clock }),
        ...(options.newId === undefined ? {} : { newId: options.newId }),
      });
      return options.signingKey === undefined ? record : signDecisionRecord(record, options.signingKey);
    },
  );

  app.post(
    '/assess/batch',
    { schema: { querystring: AS_OF_QUERY } },
    async (request: FastifyRequest<{ Querystring: { asOf?: string } }>, reply) => {
      const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
      if (type !== NDJSON)
        return sendProblem(
          reply,
          problem('unsupported-media-type', `Send the transactions as ${NDJSON}, one JSON transaction per line.`, [
            { path: [], code: 'unsupported_media_type', expected: NDJSON, message: `Content-Type must be ${NDJSON}.` },
          ]),
        );
      if (Number(request.headers['content-length'] ?? 0) > batchLimit)
        return sendProblem(
          reply,
          problem('body-too-large', `The body is larger than ${batchLimit} bytes; send the transactions in parts.`, [
            { path: [], code: 'too_big', maximum: batchLimit, message: `The body is larger than ${batchLimit} bytes.` },
          ]),
        );
      const batchOptions = assessOptions(request.query.asOf);
      // Options that cannot work (a malformed asOf, one on which no ruleset is in force) are refused before any line.
      assessMany([], batchOptions);
      const lines = ndjsonLines(request.body as AsyncIterable<Buffer>, {
        maxLineBytes: bodyLimit,
        maxBodyBytes: batchLimit,
      });
      async function* output() {
        for await (const entry of lines) yield `${JSON.stringify(assessBodyLine(entry, batchOptions, bodyLimit))}\n`;
      }
      return reply.type(NDJSON).send(Readable.from(output()));
    },
  );

  // The rulesets given at start, listed as a registry of them alone lists them.
  const configured = createRulesetRegistry({ bundled: false });
  if (options.ruleset !== undefined) for (const document of options.documents ?? []) configured.register(document);
  app.get('/rulesets', async (): Promise<RulesetList> => ({
    rulesets: options.ruleset === undefined ? listRulesets() : configured.list(),
  }));

  app.get(
    '/rulesets/:id/:version',
    { schema: { params: RULESET_PARAMS } },
    async (request: FastifyRequest<{ Params: { id: string; version: string } }>, reply) => {
      const { id, version: wanted } = request.params;
      const documents = options.ruleset === undefined ? bundledDocuments() : (options.documents ?? []);
      const document = documents.find(
        (candidate) => (candidate as RulesetDocument).id === id && (candidate as RulesetDocument).version === wanted,
      );
      if (document === undefined)
        return sendProblem(
          reply,
          problem('not-found', `This server has no ruleset ${id} ${wanted}; GET /rulesets lists the ones it has.`),
        );
      const response: RulesetDocumentResponse = {
        id,
        version: wanted,
        sha256: canonicalSha256(document),
        document: document as Record<string, unknown>,
      };
      return response;
    },
  );

  const questionLists = new WeakMap<CompiledRuleset, QuestionList>();
  app.get(
    '/questions',
    { schema: { querystring: AS_OF_QUERY } },
    async (request: FastifyRequest<{ Querystring: { asOf?: string } }>) => {
      const ruleset =
        options.ruleset ?? loadRuleset(undefined, request.query.asOf === undefined ? {} : { asOf: request.query.asOf });
      let list = questionLists.get(ruleset);
      if (list === undefined) {
        list = listQuestions(ruleset);
        questionLists.set(ruleset, list);
      }
      return list;
    },
  );

  app.get('/health', async (): Promise<Health> => ({
    status: 'ok',
    package: { name, version },
    rulesets: options.ruleset === undefined ? 'bundled' : 'configured',
  }));

  app.get('/openapi.json', async () => openapi);

  return app;
}

function sendProblem(reply: FastifyReply, details: Problem): FastifyReply {
  return reply.code(details.status).type(PROBLEM_JSON).send(details);
}

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || (type?.endsWith('+json') ?? false);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
