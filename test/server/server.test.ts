import { connect } from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import { beforeAll, describe, expect, test } from 'vitest';
import { decisionLine } from '../../src/decisionLine';
import { canonicalSha256 } from '../../src/document/canonicalJson';
import {
  assess,
  compileRuleset,
  createDecisionRecord,
  generateSigningKeys,
  listQuestions,
  listRulesets,
  loadRuleset,
  verifyDecisionRecord,
  type Assessment,
} from '../../src/index';
import { createServer } from '../../src/server/createServer';
import { MILITARY_ITEM_EXPORT, MILITARY_ITEM_NOTE_CITATION } from '../support/militaryItem';
import { expectDocumentedResponse, expectProblemBody, OPENAPI } from '../support/openapi';
import { readJsonFile } from '../support/rulesets';
import { loadScenarioFiles } from '../support/scenarios';
import { jsonBody, rawResponses, request, startServer } from '../support/server';

/** The bundled examples and every dated legal test case of the law packages, each with the asOf it needs. */
const EXAMPLES: readonly { readonly name: string; readonly transaction: unknown; readonly asOf?: string }[] = [
  {
    name: 'examples/notification-tracker-intelligence-agency.json',
    transaction: readJsonFile('examples/notification-tracker-intelligence-agency.json'),
  },
  {
    name: 'docs/examples/minimal-transaction.json',
    transaction: readJsonFile('docs/examples/minimal-transaction.json'),
  },
  ...loadScenarioFiles()
    .filter((file) => file.folder.startsWith('rulesets/'))
    .flatMap((file) =>
      file.scenarios
        .filter((scenario) => scenario.ruleset?.version === undefined)
        .map((scenario) => ({
          name: `${file.folder}/${file.file}: ${scenario.name}`,
          transaction: scenario.transaction,
          ...(scenario.ruleset?.asOf === undefined ? {} : { asOf: scenario.ruleset.asOf }),
        })),
    ),
];

/** What the library returns, as it reads after a trip through JSON. */
const overJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const query = (asOf: string | undefined) => (asOf === undefined ? '' : `?asOf=${asOf}`);
const ndjson = (lines: readonly string[]) => ({
  body: `${lines.join('\n')}\n`,
  headers: { 'content-type': 'application/x-ndjson' },
});

const example = EXAMPLES[0]?.transaction as Record<string, unknown>;
const clock = () => new Date('2026-12-05T09:30:00.000Z');
const newId = () => '00000000-0000-4000-8000-000000000021';
const keys = generateSigningKeys();
const logLines: string[] = [];

let base = '';
beforeAll(async () => {
  const log = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  ({ url: base } = await startServer({ clock, newId, signingKey: keys.privateKey, log, bodyLimit: 64 * 1024 }));
});

describe('POST /assess', () => {
  test(`answers the ${EXAMPLES.length} bundled examples and legal test cases as the library does`, async () => {
    expect(EXAMPLES.length).toBeGreaterThan(50);
    for (const { name, transaction, asOf } of EXAMPLES) {
      const response = await request(base, `/assess${query(asOf)}`, jsonBody(transaction));
      expect(response.status, name).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.json(), name).toEqual(overJson(await assess(transaction, asOf === undefined ? {} : { asOf })));
    }
  });

  test('returns a signed decision record on request, with who assessed from the query or a header', async () => {
    const response = await request(base, '/assess?record=true&assessedBy=J.%20Doe', jsonBody(example));
    expect(response.status).toBe(200);
    const record = response.json() as { signature?: unknown; assessment: Assessment };
    const expected = createDecisionRecord(example, await assess(example), { assessedBy: 'J. Doe', clock, newId });
    expect({ ...record, signature: undefined }).toEqual({ ...(overJson(expected) as object), signature: undefined });
    expect(record.signature).toBeDefined();
    await expect(verifyDecisionRecord(record, { publicKeys: [keys.publicKey] })).resolves.toMatchObject({
      signature: 'verified',
      matches: true,
    });
    const byHeader = await request(base, '/assess?record=true', {
      ...jsonBody(example),
      headers: { 'content-type': 'application/json', 'x-assessed-by': 'gateway:alice' },
    });
    expect(byHeader.json()).toMatchObject({ assessedBy: 'gateway:alice' });
  });

  test('bad JSON, an empty body and a wrong media type are Problem Details with 400 and 415', async () => {
    const badJson = await request(base, '/assess', {
      body: '{"date": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.status).toBe(400);
    expect(badJson.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(badJson.json()).toMatchObject({
      type: 'https://dual-use-rules.dev/problems/invalid-json',
      title: 'The body is not JSON',
      status: 400,
      issues: [{ path: [], code: 'invalid_json' }],
    });
    const empty = await request(base, '/assess', { body: '', headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(400);
    for (const headers of [{ 'content-type': 'text/plain' }, { 'content-type': 'application/xml' }, {}]) {
      const response = await request(base, '/assess', { body: JSON.stringify(example), headers });
      expect(response.status, JSON.stringify(headers)).toBe(415);
      expect(response.json()).toMatchObject({ status: 415, issues: [{ code: 'unsupported_media_type' }] });
    }
  });

  test('an invalid transaction is a 422 whose issues carry each path and code', async () => {
    const item = example['item'] as Record<string, unknown>;
    const typo = await request(base, '/assess', jsonBody({ ...example, item: { ...item, speciallyDesinged: true } }));
    expect(typo.status).toBe(422);
    expect(typo.json()).toMatchObject({
      type: 'https://dual-use-rules.dev/problems/invalid-transaction',
      status: 422,
      detail: expect.stringContaining('/item/speciallyDesinged: Unknown key'),
      issues: [{ path: ['item', 'speciallyDesinged'], code: 'unrecognized_key' }],
    });
    const several = await request(
      base,
      '/assess',
      jsonBody({ ...example, date: '2019-01-01', exporter: { country: 'FR', informedByAuthority: 'yes' } }),
    );
    expect(several.status).toBe(422);
    const paths = (several.json() as { issues: { path: unknown[] }[] }).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining([['date'], ['exporter', 'informedByAuthority']]));
    for (const body of ['[1]', 'null', '"text"', '{"__proto__": {"polluted": true}}']) {
      const response = await request(base, '/assess', { body, headers: { 'content-type': 'application/json' } });
      expect(response.status, body).toBe(422);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('a body over the limit is refused with 413 before it is parsed', async () => {
    const response = await request(base, '/assess', jsonBody({ ...example, id: 'x'.repeat(70 * 1024) }));
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ type: 'https://dual-use-rules.dev/problems/body-too-large', status: 413 });
  });

  test('a malformed or out-of-force asOf is a 400 naming the query parameter', async () => {
    const undated = { exporter: { country: 'FR' }, destination: { country: 'US' } };
    const malformed = await request(base, '/assess?asOf=2025-6-1', jsonBody(undated));
    expect(malformed.status).toBe(400);
    // The codes a transaction's own fields get for the same failure (a string not in its format).
    expect(malformed.json()).toMatchObject({ issues: [{ path: ['querystring', 'asOf'], code: 'invalid_format' }] });
    const outOfForce = await request(base, '/assess?asOf=2019-01-01', jsonBody(undated));
    expect(outOfForce.status).toBe(400);
    expect(outOfForce.json()).toMatchObject({
      type: 'https://dual-use-rules.dev/problems/assessment-refused',
      issues: [{ path: ['querystring', 'asOf'], code: 'ruleset_not_in_force', date: '2019-01-01' }],
    });
    const recordFlag = await request(base, '/assess?record=maybe', jsonBody(example));
    expect(recordFlag.status).toBe(400);
  });
});

describe('POST /assess/batch', () => {
  test('streams one decision per line, in order, equal to the library’s, with error lines for bad lines', async () => {
    const dated = EXAMPLES.filter((entry) => entry.asOf === undefined).slice(0, 40);
    const lines = [
      ...dated.map((entry) => JSON.stringify(entry.transaction)),
      '{oops',
      '',
      JSON.stringify({ id: 'order-17', exporter: { country: 'FR' }, destination: { country: 'US' }, dat: 1 }),
      '[1]',
    ];
    const response = await request(base, '/assess/batch', ndjson(lines));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const output = response.lines();
    expect(output).toHaveLength(lines.length);
    for (const [index, entry] of dated.entries())
      expect(output[index], entry.name).toEqual(overJson(decisionLine(index + 1, await assess(entry.transaction))));
    const errors = output.slice(dated.length) as {
      line: number;
      transactionId?: string;
      error: { status: number; issues: { code: string; path: unknown[] }[] };
    }[];
    expect(errors.map((line) => line.line)).toEqual([
      dated.length + 1,
      dated.length + 2,
      dated.length + 3,
      dated.length + 4,
    ]);
    expect(errors[0]?.error).toMatchObject({ status: 400, issues: [{ code: 'invalid_json' }] });
    expect(errors[1]?.error).toMatchObject({ status: 400, issues: [{ code: 'empty_line' }] });
    expect(errors[2]).toMatchObject({ transactionId: 'order-17', error: { status: 422, issues: [{ path: ['dat'] }] } });
    expect(errors[3]?.error).toMatchObject({ status: 422 });
  });

  test('an item on a military list: "no_obligation" under Article 5, and the line names note.military-item', async () => {
    const response = await request(base, '/assess/batch', ndjson([JSON.stringify(MILITARY_ITEM_EXPORT)]));
    expect(response.status).toBe(200);
    const [line] = response.lines() as [{ outcome: string; notes: unknown[] }];
    expect(line.outcome).toBe('no_obligation');
    expect(line.notes).toContainEqual({
      id: 'note.military-item',
      citation: expect.objectContaining(MILITARY_ITEM_NOTE_CITATION) as unknown,
    });
    expect(line).toEqual(overJson(decisionLine(1, await assess(MILITARY_ITEM_EXPORT))));
  });

  test('reads CRLF lines and a byte-order mark, and reports a line over the limit without reading it', async () => {
    const transaction = JSON.stringify(example);
    const response = await request(base, '/assess/batch', {
      body: `\uFEFF${transaction}\r\n${JSON.stringify({ ...example, id: 'y'.repeat(70 * 1024) })}\r\n${transaction}`,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    const output = response.lines() as { line: number; outcome?: string; error?: { status: number } }[];
    expect(output.map((line) => line.line)).toEqual([1, 2, 3]);
    expect(output[0]?.outcome).toBe('insufficient_information');
    expect(output[1]?.error?.status).toBe(413);
    expect(output[2]?.outcome).toBe('insufficient_information');
  });

  test('refuses another media type (415) and a declared body over the batch limit (413)', async () => {
    const wrongType = await request(base, '/assess/batch', jsonBody(example));
    expect(wrongType.status).toBe(415);
    const { url, close } = await startServer({ batchLimit: 1000 });
    const tooLarge = await request(url, '/assess/batch', ndjson([JSON.stringify(example), JSON.stringify(example)]));
    expect(tooLarge.status).toBe(413);
    await close();
  });

  test('a streamed body that grows past the batch limit ends with an error line', async () => {
    const { url, close } = await startServer({ batchLimit: 3000, log: false });
    const body = new PassThrough();
    const pending = fetch(`${url}/assess/batch`, {
      method: 'POST',
      body: body as unknown as ReadableStream,
      headers: { 'content-type': 'application/x-ndjson' },
      duplex: 'half',
    } as RequestInit);
    for (let index = 0; index < 5; index++) body.write(`${JSON.stringify(example)}\n`);
    body.end();
    const response = await pending;
    const text = await response.text();
    expectDocumentedResponse('POST', '/assess/batch', response.status, response.headers.get('content-type'), text);
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { error?: { status: number; detail: string } });
    expect(lines.at(-1)?.error).toMatchObject({ status: 413, detail: expect.stringContaining('were not read') });
    expect(lines.length).toBeLessThan(5);
    await close();
  });
});

describe('GET endpoints', () => {
  test('GET /rulesets lists the bundled rulesets; GET /rulesets/{id}/{version} serves each document with its sha256', async () => {
    const list = await request(base, '/rulesets');
    expect(list.json()).toEqual(overJson({ rulesets: listRulesets() }));
    for (const summary of listRulesets()) {
      const response = await request(base, `/rulesets/${summary.id}/${summary.version}`);
      const { sha256, document } = response.json() as { sha256: string; document: unknown };
      expect(sha256).toBe(summary.sha256);
      expect(canonicalSha256(document)).toBe(summary.sha256);
    }
    const missing = await request(base, '/rulesets/eu-2021-821-art5/9.9.9');
    expect(missing.status).toBe(404);
  });

  test('GET /questions is listQuestions for the ruleset in force on the date', async () => {
    const response = await request(base, '/questions?asOf=2025-06-30');
    expect(response.json()).toEqual(overJson(listQuestions(loadRuleset(undefined, { asOf: '2025-06-30' }))));
    expect((await request(base, '/questions')).json()).toEqual(overJson(listQuestions()));
    expect((await request(base, '/questions?asOf=1999-01-01')).status).toBe(400);
  });

  test('GET /health, GET /openapi.json, and a route that does not exist', async () => {
    expect((await request(base, '/health')).json()).toEqual({
      status: 'ok',
      package: { name: 'dual-use-rules', version: expect.any(String) },
      rulesets: 'bundled',
    });
    expect((await request(base, '/openapi.json')).json()).toEqual(OPENAPI);
    const response = await fetch(`${base}/nowhere`);
    const text = await response.text();
    expect(response.status).toBe(404);
    expectProblemBody(response.headers.get('content-type'), text);
    expect(JSON.parse(text)).toMatchObject({ status: 404, type: 'https://dual-use-rules.dev/problems/not-found' });
  });
});

describe('a server with its own ruleset', () => {
  test('assesses with it, lists it and asks its questions', async () => {
    const document = readJsonFile('docs/examples/minimal-ruleset.json');
    const ruleset = compileRuleset(document);
    const { url, close } = await startServer({ ruleset, documents: [document] });
    const transaction = readJsonFile('docs/examples/minimal-transaction.json');
    const response = await request(url, '/assess', jsonBody(transaction));
    expect(response.json()).toEqual(overJson(await assess(transaction, { ruleset })));
    const list = (await request(url, '/rulesets')).json() as { rulesets: { id: string; sha256: string }[] };
    expect(list.rulesets).toEqual([expect.objectContaining({ id: ruleset.id, sha256: ruleset.sha256 })]);
    expect((await request(url, `/rulesets/${ruleset.id}/${ruleset.version}`)).json()).toMatchObject({
      sha256: ruleset.sha256,
      document,
    });
    expect((await request(url, '/rulesets/eu-2021-821-art5/2.1.0')).status).toBe(404);
    expect((await request(url, '/questions')).json()).toEqual(overJson(listQuestions(ruleset)));
    expect((await request(url, '/health')).json()).toMatchObject({ rulesets: 'configured' });
    await close();
  });
});

describe('operations', () => {
  test('logs one JSON line per request to its log, with nothing of the transaction or the query', async () => {
    const requests = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry['msg'] === 'request');
    expect(requests.length).toBeGreaterThan(10);
    for (const entry of requests) {
      expect(Object.keys(entry).sort()).toEqual(
        expect.arrayContaining(['level', 'time', 'reqId', 'method', 'route', 'status', 'ms']),
      );
    }
    const all = logLines.join('\n');
    for (const secret of ['W6-hidden-gps-tracker', 'J. Doe', 'gateway:alice', 'speciallyDesinged', 'order-17', 'GPS'])
      expect(all).not.toContain(secret);
  });

  test('a client too slow to send its request gets 408 after the request timeout', async () => {
    const { url } = await startServer({ requestTimeout: 500 });
    const { port } = new URL(url);
    const started = performance.now();
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
        );
      });
      let text = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(performance.now() - started).toBeLessThan(5_000);
    expectDocumentedResponse('POST', '/assess', 408, null, '');
  });

  test('on close it finishes the requests in flight and answers new ones with 503 until it stops', async () => {
    const app = await createServer({ log: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const line = `${JSON.stringify(example)}\n`;
    const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
    // One connection: a batch whose body is still arriving when the server closes, then a request sent after it on
    // the same connection (pipelined), which arrives while the server shuts down.
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8').on('data', (text: string) => (received += text));
    const ended = new Promise((resolve) => socket.on('close', resolve));
    socket.write(
      'POST /assess/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n' +
        `Transfer-Encoding: chunked\r\n\r\n${chunk(line)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    let stopped = false;
    const closed = app.close().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stopped).toBe(false);
    socket.write(`${chunk(line)}0\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n`);
    await closed;
    await ended;
    const [batch, health] = rawResponses(received);
    expect(batch?.status).toBe(200);
    expectDocumentedResponse('POST', '/assess/batch', 200, batch?.headers['content-type'] ?? null, batch?.body ?? '');
    expect(
      batch?.body
        .trim()
        .split('\n')
        .map((text) => (JSON.parse(text) as { outcome: string }).outcome),
    ).toEqual(['insufficient_information', 'insufficient_information']);
    expect(health?.status).toBe(503);
    expectDocumentedResponse('GET', '/health', 503, health?.headers['content-type'] ?? null, health?.body ?? '');
    expect(JSON.parse(health?.body ?? '')).toMatchObject({
      status: 503,
      type: 'https://dual-use-rules.dev/problems/shutting-down',
    });
  });
});
