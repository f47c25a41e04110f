import type { Assessment } from '../types/assessment';
import type { CompiledRuleset } from '../types/compiledRuleset';
import { stillToDo, type StillToDo } from './outstandingSteps';
import { overlaysInReport, type OverlayInReport } from './overlayConcerns';
import { namedEntries, statedFacts, type NamedEntries, type StatedFact } from './reportFacts';

/** What both report renderings show about the transaction besides the assessment itself. */
export interface ReportContext {
  /** The transaction as assessed. */
  readonly transaction: unknown;
  readonly date?: string;
  /** `FR → XK`, from the exporter's and the destination's country. */
  readonly route: string;
  readonly itemDescription?: string;
  readonly endUserName?: string;
  readonly generatedAt?: string;
  /** The exporter's statements of law in the transaction, with their sources. */
  readonly statements: readonly StatedFact[];
  /** The catalogue entries the transaction's records name (a finding's indicators and factors), with labels. */
  readonly named: readonly NamedEntries[];
  /** The open questions, and the steps answered and not taken (read with the ruleset's `ask` marks, where at hand). */
  readonly todo: StillToDo;
  /** The overlays composed into the ruleset, each with whether it concerns this exporter. */
  readonly overlays: readonly OverlayInReport[];
  /** The decision record this report belongs to, when there is one. */
  readonly record?: RecordSummary;
}

/** What a report shows of its decision record: which one, its hash, and whether it is signed (and by which key). */
export interface RecordSummary {
  readonly id: string;
  readonly sha256: string;
  /** The id of the key that signed it; absent when it is not signed. */
  readonly keyId?: string;
  readonly signed: boolean;
}

/**
 * Reads the headline fields of a transaction without trusting its shape (it may be any JSON); the ruleset the
 * assessment was made with, where at hand, titles the exporter's statements, labels the catalogue entries the records
 * name, tells the steps answered and not taken from the open questions, and which overlays concern this exporter.
 */
export function createReportContext(
  assessment: Assessment,
  transaction: unknown,
  generatedAt: string | undefined,
  ruleset?: CompiledRuleset,
  record?: RecordSummary,
): ReportContext {
  const document = ruleset?.document;
  const field = (path: string): string | undefined => {
    let value: unknown = transaction;
    for (const key of path.split('.'))
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const date = field('date');
  const itemDescription = field('item.description');
  const endUserName = field('endUser.name');
  return {
    transaction,
    route: `${field('exporter.country') ?? '?'} → ${field('destination.country') ?? '?'}`,
    statements: statedFacts(transaction, document),
    named: namedEntries(transaction, document),
    todo: stillToDo(assessment, document),
    overlays: overlaysInReport(assessment, ruleset?.overlayScopes, document?.authority?.memberStateFact),
    ...(date === undefined ? {} : { date }),
    ...(itemDescription === undefined ? {} : { itemDescription }),
    ...(endUserName === undefined ? {} : { endUserName }),
    ...(generatedAt === undefined ? {} : { generatedAt }),
    ...(record === undefined ? {} : { record }),
  };
}
