import fc from 'fast-check';
import { COUNTRY_CODES } from '../../transaction/countryCodes';
import { INPUT_FACTS, type InputFact } from '../../transaction/inputFacts';
import { nonNull, schemaAt, type SchemaNode } from '../../transaction/schemaNodes';
import { transactionJsonSchema } from '../../transaction/transactionJsonSchema';
import type { Transaction } from '../../transaction/transactionSchema';
import type { RulesetDocument } from '../../types/ruleset';
import { readRulesetDocument, readRunOptions } from '../kitArguments';
import { raisesOf, redFlagsToAdd, type Raise } from './raises';
import type { FieldSlot, RecordsSlot } from './slots';
import { completeTransactions, completionsOf, partialTransactions, reorderingsOf, reversed } from './unknownFields';
import { valuesRead } from './valuesRead';

/**
 * The transactions that matter to one ruleset: every field it reads as an input fact, each drawn from the values the
 * ruleset tells apart (those its comparisons, catalogues and record filters name, and a couple of others), so that
 * generated transactions reach its branches. See `transactionSpace`.
 */
export interface TransactionSpace {
  /** The fields the ruleset reads as input facts (and those the contract requires), lists of records aside. */
  readonly fields: readonly FieldSlot[];
  /** The lists of records the ruleset reads (`parties`, `findings`), with the fields of each record. */
  readonly records: readonly RecordsSlot[];
  /** Transactions with every field of the space known (or those of `options.transactions`). */
  readonly complete: fc.Arbitrary<Transaction>;
  /**
   * Complete transactions with some fields of the space made unknown (absent or `null`): a field, a field of one
   * record, a list of records, or a whole object (`item`, `endUser`). Mostly up to three, so that many are decided or
   * nearly so, which is where an unknown read as false shows; now and then any number.
   */
  readonly partial: fc.Arbitrary<Transaction>;
  /** The completions of a transaction: each field of the space it leaves unknown given a value, the rest unchanged. */
  completionsOf(transaction: Transaction): fc.Arbitrary<Transaction>;
  /**
   * Every raise of a transaction (see `Raise`): each red flag that can be added, each finding's knowledge raised to
   * each higher level, each finding known in full that can be added. Empty when the transaction knows neither list.
   */
  raisesOf(transaction: Transaction): readonly Raise[];
  /** The same transaction with the entries of every list of the space (records too) in another order. */
  reorderingsOf(transaction: Transaction): fc.Arbitrary<Transaction>;
  /** The same transaction with the entries of every list of the space (records too) in reverse order. */
  reversed(transaction: Transaction): Transaction;
}

/** The transaction contract as JSON Schema, read once: it tells which fields are required or defaulted. */
let contract: SchemaNode | undefined;

const COMMON_COUNTRIES = ['DE', 'US'] as const;
const FREE_TEXT = 'Named in the transaction';
const UNLISTED_ID = 'unlisted-id';
const ANNEX_I_ENTRIES = ['5A001.j', '4A005'] as const;

/** Options for `transactionSpace`. */
export interface TransactionSpaceOptions {
  /**
   * The complete transactions to start from, instead of those the space draws itself: for instance
   * `completeTransactionArbitrary(vocabularyOf(ruleset))`, drawn to make the Article 5 cases common. They are dated
   * as the space dates its own.
   */
  readonly transactions?: fc.Arbitrary<Transaction>;
}

/**
 * The transaction space of a ruleset document (base, or composed with its overlays). Transactions are dated on the
 * first day of the ruleset's validity, and valid under its catalogues.
 *
 * @example
 * // Soundness of possibleOutcomes for your ruleset: no completion leads outside them.
 * const space = transactionSpace(document);
 * fc.assert(fc.property(space.partial.chain((partial) => fc.tuple(fc.constant(partial), space.completionsOf(partial))),
 *   ([partial, complete]) => soundnessFailure(assessOne(partial), assessOne(complete)) === undefined));
 */
export function transactionSpace(document: RulesetDocument, options: TransactionSpaceOptions = {}): TransactionSpace {
  readRulesetDocument(document, 'document');
  // Each option read once and checked; the space reads the checked copy.
  options = readRunOptions(options);
  const root = (contract ??= transactionJsonSchema() as SchemaNode);
  const read = valuesRead(document);
  const facts = document.facts ?? {};
  const boundIds = (catalogue: string | undefined) =>
    catalogue === undefined ? undefined : (document.catalogues?.[catalogue]?.entries ?? []).map((entry) => entry.id);
  const domain = (field: string, fixed: readonly string[] | undefined, defaults: readonly string[]) =>
    chooseValues(fixed, [...(read.get(field) ?? [])], defaults);
  const listIds = (field: string, defaults: readonly string[]) => [
    ...new Set([...(read.get(field) ?? []), ...defaults]),
  ];

  const fields: FieldSlot[] = [];
  const records: RecordsSlot[] = [];
  for (const [id, input] of INPUT_FACTS) {
    const declared = Object.hasOwn(facts, id) && facts[id]?.derive === undefined;
    const path = input.statementSource === undefined ? input.path : input.path.slice(0, -1);
    if (input.type === 'records') {
      if (!declared) continue;
      const bound = facts[id]?.answers?.fields ?? {};
      records.push({
        path,
        fields: Object.entries(input.fields ?? {}).flatMap(([name, fixed]) => {
          const field = `${id}.${name}`;
          let values: fc.Arbitrary<unknown>;
          if ((input.listFields ?? []).includes(name)) {
            // A list of ids bound to a catalogue, or read by a derivation; one that nothing reads is left out.
            const ids = boundIds(bound[name]) ?? [...(read.get(field) ?? [])];
            if (ids.length === 0) return [];
            values = subsets(ids);
          } else values = domain(field, fixed ?? undefined, fixed === COUNTRY_CODES ? COMMON_COUNTRIES : [FREE_TEXT]);
          const items = nonNull(schemaAt(root, path))?.items;
          return [{ name, path: [name], values, required: isAlwaysGiven(items, [name]) }];
        }),
      });
      continue;
    }
    const given = isAlwaysGiven(root, path);
    if (!declared && !given) continue;
    const values = fieldValues(id, input, domain, listIds, boundIds(facts[id]?.answers?.catalogue));
    fields.push({ path, values, required: given });
  }
  const date = document.validity.from;
  const redFlagsRead = fields.some((field) => field.path.join('.') === 'redFlags');
  const redFlagIds = boundIds(facts['redFlags']?.answers?.catalogue) ?? listIds('redFlags', [UNLISTED_ID]);
  const raises = redFlagsToAdd(document, redFlagsRead ? redFlagIds : []);
  const complete = (options.transactions ?? completeTransactions(fields, records)).map(
    (transaction) => ({ ...transaction, date }) as Transaction,
  );
  return {
    fields,
    records,
    complete,
    partial: partialTransactions(complete, fields, records),
    completionsOf: (transaction) => completionsOf(transaction, fields, records),
    raisesOf: (transaction) => raisesOf(transaction, raises, records),
    reorderingsOf: (transaction) => reorderingsOf(transaction, fields, records),
    reversed: (transaction) => reversed(transaction, fields, records),
  };
}

/** The known values of a field that is not a list of records. */
function fieldValues(
  id: string,
  input: InputFact,
  domain: (field: string, fixed: readonly string[] | undefined, defaults: readonly string[]) => fc.Arbitrary<string>,
  listIds: (field: string, defaults: readonly string[]) => readonly string[],
  bound: readonly string[] | undefined,
): fc.Arbitrary<unknown> {
  if (input.type === 'boolean') return fc.boolean();
  if (input.type === 'list')
    return subsets(bound ?? listIds(id, id === 'item.annexIEntries' ? ANNEX_I_ENTRIES : [UNLISTED_ID]));
  const value =
    bound === undefined
      ? domain(id, input.values, input.values === COUNTRY_CODES ? COMMON_COUNTRIES : [FREE_TEXT])
      : fc.constantFrom(...bound);
  return input.statementSource === undefined ? value : value.map((position) => ({ position, source: FREE_TEXT }));
}

/**
 * The values to draw for a field: all of them when the contract fixes a few; else those the ruleset tells apart
 * (within the fixed ones, if any) as often as two or so others, so that "none of these" is as common as "one of
 * these" (a destination outside a catalogue of 27 member states as common as one inside).
 */
function chooseValues(
  fixed: readonly string[] | undefined,
  read: readonly string[],
  defaults: readonly string[],
): fc.Arbitrary<string> {
  if (fixed !== undefined && fixed.length <= 8) return fc.constantFrom(...fixed);
  const named = [...new Set(fixed === undefined ? read : read.filter((value) => fixed.includes(value)))];
  const others = [...new Set([...defaults, ...(fixed ?? [])])].filter((value) => !named.includes(value)).slice(0, 2);
  if (named.length === 0 || others.length === 0) return fc.constantFrom(...named, ...others);
  return fc.oneof(fc.constantFrom(...named), fc.constantFrom(...others));
}

const subsets = (ids: readonly string[]) =>
  ids.length === 0 ? fc.constant([]) : fc.uniqueArray(fc.constantFrom(...ids), { maxLength: Math.min(ids.length, 4) });

/**
 * Whether the contract always gives a field a value: each key on the way is required, or has a default (so that
 * absent is not unknown: a finding without `source` is from due diligence). A path starts at `node`.
 */
function isAlwaysGiven(node: SchemaNode | undefined, path: readonly string[]): boolean {
  let at = node;
  for (const key of path) {
    const parent = nonNull(at);
    const child = parent?.properties?.[key];
    if (!(parent?.required ?? []).includes(key) && child?.default === undefined) return false;
    at = child;
  }
  return true;
}
