import { decodeUtf8, withoutBom } from '../document/utf8';
import { TransactionError } from '../errors/TransactionError';
import { parseTransactionJson } from '../transaction/parseTransactionJson';

/**
 * A JSON request body, read as the command line reads a transaction file: a byte order mark dropped, bytes that are not
 * UTF-8 refused (never decoded as U+FFFD), and text far beyond any transaction's size refused before it is parsed
 * (`parseTransactionJson`), so one request's cost is bounded by its size, not by how many keys it holds.
 * @returns The parsed body, or `undefined` for an empty one.
 * @throws {TransactionError} with one issue: `invalid_utf8`, `too_complex` or `invalid_json`.
 */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  const decoded = decodeUtf8(withoutBom(body));
  if ('invalidAt' in decoded) {
    const message = `The body is not valid UTF-8 (byte ${decoded.invalidAt + 1} is not), so it was not read.`;
    throw new TransactionError([{ path: [], code: 'invalid_utf8', message }]);
  }
  const parsed = parseTransactionJson(decoded.text, 'body');
  if ('issue' in parsed) throw new TransactionError([parsed.issue]);
  return parsed.transaction;
}
