import { afterAll } from 'vitest';
import { createServer, type ServerOptions } from '../../src/server/createServer';
import { expectDocumentedResponse } from './openapi';

/** A response as a test reads it: status, headers and the body's text. */
export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON. */
  readonly json: () => unknown;
  /** An NDJSON body's lines, parsed. */
  readonly lines: () => unknown[];
}

/** What `request` sends. */
export interface TestRequest {
  readonly method?: string;
  readonly body?: string | Uint8Array;
  readonly headers?: Record<string, string>;
}

/**
 * Sends a request to a running server and checks the response against the OpenAPI document (every response a test
 * receives is checked), then returns it.
 */
export async function request(base: string, path: string, init: TestRequest = {}): Promise<TestResponse> {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const response = await fetch(`${base}${path}`, {
    method,
    ...(init.body === undefined ? {} : { body: init.body }),
    ...(init.headers === undefined ? {} : { headers: init.headers }),
  });
  const text = await response.text();
  expectDocumentedResponse(method, path, response.status, response.headers.get('content-type'), text);
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as unknown,
    lines: () =>
      text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as unknown),
  };
}

/** Starts the server in this process on a free loopback port; it is closed after the test file. */
export async function startServer(
  options: ServerOptions = {},
): Promise<{ readonly url: string; readonly close: () => Promise<void> }> {
  const app = await createServer({ log: false, ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
  };
  afterAll(close);
  return { url, close };
}

/** A transaction as a JSON request. */
export function jsonBody(value: unknown): TestRequest {
  return { body: JSON.stringify(value), headers: { 'content-type': 'application/json' } };
}

/** One HTTP/1.1 response read off a raw socket: status, headers (lower-case names) and body, chunked encoding decoded. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The responses in what a raw socket received, in order (several when requests were pipelined). */
export function rawResponses(received: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = received;
  while (rest.startsWith('HTTP/1.1 ')) {
    const headerEnd = rest.indexOf('\r\n\r\n');
    const [statusLine = '', ...lines] = rest.slice(0, headerEnd).split('\r\n');
    const headers = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
    );
    rest = rest.slice(headerEnd + 4);
    let body = '';
    if (headers['transfer-encoding'] === 'chunked') {
      for (;;) {
        const sizeEnd = rest.indexOf('\r\n');
        const size = Number.parseInt(rest.slice(0, sizeEnd), 16);
        rest = rest.slice(sizeEnd + 2);
        if (size === 0) {
          rest = rest.slice(2);
          break;
        }
        // Sizes count bytes; the socket was read as UTF-8 text, so take that many bytes' worth of characters.
        const chunk = Buffer.from(rest, 'utf8').subarray(0, size).toString('utf8');
        body += chunk;
        rest = rest.slice(chunk.length + 2);
      }
    } else {
      const length = Number(headers['content-length'] ?? 0);
      body = Buffer.from(rest, 'utf8').subarray(0, length).toString('utf8');
      rest = rest.slice(body.length);
    }
    responses.push({ status: Number(statusLine.split(' ')[1]), headers, body });
  }
  return responses;
}
