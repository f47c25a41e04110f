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

/** Reads the headline fields of a transaction without trusting its shape (it may be any JSON). */
export function createReportContext(
  transaction: unknown,
  generatedAt: string | undefined,
  record?: RecordSummary,
): ReportContext {
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
    ...(date === undefined ? {} : { date }),
    ...(itemDescription === undefined ? {} : { itemDescription }),
    ...(endUserName === undefined ? {} : { endUserName }),
    ...(generatedAt === undefined ? {} : { generatedAt }),
    ...(record === undefined ? {} : { record }),
  };
}
