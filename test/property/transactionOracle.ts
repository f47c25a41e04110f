import Ajv2020 from 'ajv/dist/2020.js';
import transactionJsonSchema from '../../schemas/transaction.schema.json';
import type { CompiledRuleset } from '../../src/index';
import { vocabularyOf } from '../../src/testing/arbitraries';
import { isInForce } from '../../src/time/dates';

const validateShape = new Ajv2020({ strict: false, allErrors: false, validateFormats: false }).compile(
  transactionJsonSchema,
);

/**
 * An independent judge of whether `assess` must accept a transaction: the published JSON Schema, validated by ajv
 * (not zod, not the library's fast parser), plus what the JSON Schema cannot say: catalogue ids must come from the
 * ruleset's catalogues, and a `date` must lie in the ruleset's validity. (String lengths count code points, in
 * JSON Schema as in zod.)
 */
export function mustAccept(input: unknown, ruleset: CompiledRuleset): boolean {
  if (!validateShape(input)) return false;
  const transaction = input as {
    date?: string | null;
    exporter: { itemsLocatedIn?: string | null };
    item?: { capabilities?: string[] | null } | null;
    endUser?: { type?: string | null } | null;
    redFlags?: string[] | null;
    findings?: { indicators?: string[] | null; factors?: string[] | null }[] | null;
  };
  const vocabulary = vocabularyOf(ruleset);
  const allowed = (ids: readonly string[], values: readonly (string | null | undefined)[]) =>
    ids.length === 0 || values.every((value) => value === null || value === undefined || ids.includes(value));
  return (
    (transaction.date === undefined || transaction.date === null || isInForce(ruleset.validity, transaction.date)) &&
    allowed(vocabulary.memberStates, [transaction.exporter.itemsLocatedIn]) &&
    allowed(vocabulary.capabilities, transaction.item?.capabilities ?? []) &&
    allowed(vocabulary.endUserTypes, [transaction.endUser?.type]) &&
    allowed(vocabulary.redFlags, transaction.redFlags ?? []) &&
    (transaction.findings ?? []).every(
      (finding) =>
        allowed(vocabulary.indicators ?? [], finding.indicators ?? []) &&
        allowed(vocabulary.factors ?? [], finding.factors ?? []),
    )
  );
}
