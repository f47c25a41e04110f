import * as z from 'zod';
import { transactionSchema } from './transactionSchema';

/**
 * The transaction input contract as JSON Schema (2020-12), generated from the zod schema so the two never drift.
 * Catalogue-bound fields accept any well-formed id here; `assess` checks them against the ruleset it uses.
 */
export function transactionJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://dual-use-rules.dev/schemas/transaction.schema.json',
    title: 'dual-use-rules transaction (input contract v1)',
    description:
      'One proposed transaction to assess. Absent or null means "unknown" for every three-valued fact; ' +
      'unknown keys are rejected. Catalogue ids (capabilities, red flags, end-user types, member ' +
      'states) are checked against the ruleset in use.',
    ...z.toJSONSchema(transactionSchema, { io: 'input', target: 'draft-2020-12' }),
  };
}
