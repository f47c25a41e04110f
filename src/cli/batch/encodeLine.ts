import type { DecisionLine } from '../../types/decisionLine';
import { jsonText } from '../output/safeText';
import type { ErrorRecord, LineResult } from './assessLine';
import { csvRow } from './csv';

/** How a batch writes its lines: JSON Lines (one JSON record a line), or CSV (a header row, one row a line). */
export type BatchFormat = 'jsonl' | 'csv';

/**
 * A line's output record as UTF-8 text in the run's format. Should one not fit in a string (V8's limit is about 512 MB),
 * that line becomes an error line of its own and the run goes on.
 */
export function encodeLine(result: LineResult, line: number, format: BatchFormat): Buffer {
  try {
    return Buffer.from(encode(result.record as DecisionLine | ErrorRecord, format));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const message = `The output for this line could not be written: ${error.message}.`;
    const record: ErrorRecord = {
      line,
      error: { name: 'TransactionError', message, issues: [{ path: [], code: 'output_too_large', message }] },
    };
    return Buffer.from(encode(record, format));
  }
}

function encode(record: DecisionLine | ErrorRecord, format: BatchFormat): string {
  return format === 'csv' ? csvRow(record) : `${jsonText(record)}\n`;
}
