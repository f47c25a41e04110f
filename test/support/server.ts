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
