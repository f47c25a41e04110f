import { describeValue } from './errors/describeValue';
import { SigningError } from './errors/SigningError';
import { signatureShapeProblem } from './integrity/signatureFormat';
import type { RulesetSignature } from './types/signature';

/**
 * Reads a signature from parsed JSON (a `.sig` file), checking its shape.
 *
 * @throws {SigningError} `invalid_signature_file`, saying what is wrong.
 */
export function parseRulesetSignature(value: unknown, what = 'signature'): RulesetSignature {
  if (typeof what !== 'string')
    throw new SigningError({
      path: ['what'],
      code: 'invalid_argument',
      message: `what must be a string naming the signature, not ${describeValue(what)}.`,
    });
  const problem = signatureShapeProblem(value);
  if (problem !== undefined)
    throw new SigningError({
      path: [],
      code: 'invalid_signature_file',
      message: `The ${what} is not a dual-use-rules ruleset signature: ${problem}.`,
    });
  return value as RulesetSignature;
}
