import type { ParsedTransaction } from './transactionSchema';

/** A top-level part of the transaction that questions fill, with its heading. */
export interface TransactionSection {
  readonly id: Exclude<keyof ParsedTransaction, 'id' | 'date'>;
  readonly title: string;
  /** Its fields record steps the exporter takes, done (`true`) or not yet (`false`). */
  readonly steps: boolean;
}

/**
 * The parts of the transaction, in the order a form asks them: the export itself (who, where, what, to whom), what the
 * exporter observed and found, the due-diligence steps, and national law as the exporter states it.
 */
export const TRANSACTION_SECTIONS: readonly TransactionSection[] = [
  { id: 'activity', title: 'The activity', steps: false },
  { id: 'exporter', title: 'The exporter', steps: false },
  { id: 'destination', title: 'The destination', steps: false },
  { id: 'item', title: 'The item', steps: false },
  { id: 'endUser', title: 'The end user', steps: false },
  { id: 'parties', title: 'Other parties', steps: false },
  { id: 'redFlags', title: 'Red flags', steps: false },
  { id: 'findings', title: 'What the exporter knows about the intended use', steps: false },
  { id: 'dueDiligence', title: 'Due-diligence steps', steps: true },
  { id: 'nationalLaw', title: 'National law', steps: false },
];
