import type { Citation } from '../types/citation';

/** A citation on one line: instrument, pinpoint, whether it binds, and how sure the encoding is. */
export function describeCitation(citation: Citation): string {
  return (
    `${citation.instrument}, ${citation.pinpoint} ` +
    `(${citation.binding ? 'binding' : 'guidance'}; ${citation.confidence})`
  );
}
