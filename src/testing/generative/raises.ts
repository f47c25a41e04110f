import { attributeOf } from '../../compile/checks/attributeOf';
import { CONCERNS, FINDING_SOURCES, KNOWLEDGE_LEVELS, type Transaction } from '../../transaction/transactionSchema';
import type { RulesetDocument } from '../../types/ruleset';
import type { RecordsSlot } from './slots';

/**
 * A transaction made to say that more is known of a risk, for the monotonicity property: one more red flag (one whose
 * catalogue data the ruleset reads is known: its weight, the attributes it collects), one finding's knowledge level
 * raised (in the contract's order, weakest first), or one more finding with every field known.
 */
export interface Raise {
  readonly kind: 'red flag' | 'knowledge' | 'finding';
  /** What was changed, in words, for a failure message. */
  readonly description: string;
  readonly transaction: Transaction;
}

/**
 * The red flags that can be added for a raise: those of `ids` whose catalogue data every derivation over `redFlags`
 * reads is known (a number a `sum` adds; a string a `collect` collects). One whose data is not known makes what is
 * derived unknown, which is not a raise.
 */
export function redFlagsToAdd(document: RulesetDocument, ids: readonly string[]): readonly string[] {
  const derivations = Object.values(document.facts ?? {})
    .map((fact) => fact.derive)
    .filter((derive) => (derive?.kind === 'sum' || derive?.kind === 'collect') && derive.of === 'redFlags');
  return ids.filter((id) =>
    derivations.every((derive) => {
      if (derive?.kind !== 'sum' && derive?.kind !== 'collect') return true;
      const entry = document.catalogues?.[derive.catalogue]?.entries.find((candidate) => candidate.id === id);
      const value = entry === undefined ? undefined : attributeOf(entry, derive.attribute);
      return derive.kind === 'sum' ? typeof value === 'number' : typeof value === 'string';
    }),
  );
}

/**
 * Every raise of a transaction, one step each: each red flag that can be added (to a known list), each finding's
 * knowledge raised to each higher level, and each finding that can be added to a known list with every field known
 * (its lists of ids empty). None when the transaction knows neither list.
 */
export function raisesOf(
  transaction: Transaction,
  redFlags: readonly string[],
  records: readonly RecordsSlot[],
): readonly Raise[] {
  const raises: Raise[] = [];
  const flagged = transaction.redFlags;
  if (Array.isArray(flagged))
    for (const id of redFlags.filter((candidate) => !flagged.includes(candidate)))
      raises.push({
        kind: 'red flag',
        description: `adding the red flag "${id}"`,
        transaction: { ...transaction, redFlags: [...flagged, id] },
      });
  const findings = records.find((slot) => slot.path.join('.') === 'findings');
  const known = transaction.findings;
  if (findings === undefined || !Array.isArray(known)) return raises;
  known.forEach((finding, index) => {
    const rank = KNOWLEDGE_LEVELS.indexOf(finding.knowledge as (typeof KNOWLEDGE_LEVELS)[number]);
    if (rank < 0) return;
    for (const level of KNOWLEDGE_LEVELS.slice(rank + 1))
      raises.push({
        kind: 'knowledge',
        description: `raising the knowledge of finding ${index} from ${String(finding.knowledge)} to ${level}`,
        transaction: {
          ...transaction,
          findings: known.map((other, at) => (at === index ? { ...other, knowledge: level } : other)),
        },
      });
  });
  const lists = findings.fields.filter(
    (field) => field.name !== 'concern' && field.name !== 'knowledge' && field.name !== 'source',
  );
  for (const concern of CONCERNS)
    for (const knowledge of KNOWLEDGE_LEVELS)
      for (const source of FINDING_SOURCES) {
        const finding = { concern, knowledge, source, ...Object.fromEntries(lists.map((field) => [field.name, []])) };
        raises.push({
          kind: 'finding',
          description: `adding the finding ${JSON.stringify(finding)}`,
          transaction: { ...transaction, findings: [...known, finding] },
        });
      }
  return raises;
}
