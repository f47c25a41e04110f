import type { Citation } from '../../src/index';
import { externalLink, h } from './dom';

/** A citation: a link to the official text, whether it binds, and how sure the encoding is. */
export function citationNode(citation: Citation): HTMLElement {
  return h(
    'span',
    { class: 'citation' },
    externalLink(citation.url, `${citation.instrument}, ${citation.pinpoint}`),
    ' ',
    h(
      'span',
      { class: `badge ${citation.binding ? 'binding' : 'guidance'}` },
      citation.binding ? 'binding' : 'guidance',
    ),
    ' ',
    h('span', { class: `badge ${citation.confidence}` }, citation.confidence),
    citation.note === undefined ? null : h('span', { class: 'citation-note' }, ` — ${citation.note}`),
  );
}

/** A citation followed by its "see also" citations. */
export function citationsNode(citation: Citation, seeAlso: readonly Citation[]): HTMLElement {
  return h(
    'span',
    {},
    citationNode(citation),
    seeAlso.length === 0
      ? null
      : [
          ' · see also ',
          ...seeAlso.flatMap((other, index) => (index === 0 ? [citationNode(other)] : ['; ', citationNode(other)])),
        ],
  );
}
