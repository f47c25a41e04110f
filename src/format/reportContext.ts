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
}

/** Reads the headline fields of a transaction without trusting its shape (it may be any JSON). */
export function createReportContext(transaction: unknown, generatedAt: string | undefined): ReportContext {
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
  };
}
