import type { Issue } from '../errors/issue';
import { checkJsonLimits } from './jsonLimits';

/**
 * Parses the JSON text of one transaction (a file, a line of a batch, a request body): what is far beyond any
 * transaction's size (`JSON_LIMITS`) is refused first, in time linear in the text, instead of costing an issue (and its
 * message) per key or value; then text that is not JSON is refused with the parser's position. `what` names the text
 * in those messages: "line", "transaction order.json".
 * @returns The parsed value, or the one issue (`too_complex` or `invalid_json`) that stops it.
 */
export function parseTransactionJson(
  text: string,
  what: string,
): { readonly transaction: unknown } | { readonly issue: Issue } {
  const tooComplex = checkJsonLimits(text);
  if (tooComplex !== undefined)
    return {
      issue: {
        path: tooComplex.path,
        code: 'too_complex',
        message: `${tooComplex.message} No transaction has that many, so the ${what} was not read further.`,
      },
    };
  try {
    return { transaction: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      issue: { path: [], code: 'invalid_json', message: `The ${what} is not valid JSON: ${(error as Error).message}` },
    };
  }
}
