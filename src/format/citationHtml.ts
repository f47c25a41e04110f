import type { Citation } from '../types/citation';
import { html, safeUrl, type SafeHtml } from './html';

/** Citations in the HTML report: linked where the ruleset gives a safe URL, with their binding and confidence badges. */
export function citationText(citation: Citation): string {
  return `${citation.instrument}, ${citation.pinpoint}`;
}

/** A linked citation. Never inside a `<summary>`: a link in the control that folds the details is a nested interactive control. */
export function citationLink(citation: Citation): SafeHtml {
  const url = safeUrl(citation.url);
  const text = citationText(citation);
  return url === undefined ? html`${text}` : html`<a href="${url}">${text}</a>`;
}

export function citationHtml(citation: Citation): SafeHtml {
  return html`${citationLink(citation)} <span class="badge ${citation.binding ? 'binding' : 'guidance'}">${citation.binding ? 'binding' : 'guidance'}</span> <span class="badge ${citation.confidence}">${citation.confidence}</span>${citation.quote === undefined ? '' : html` <span class="quote">“${citation.quote}”</span>`}${citation.note === undefined ? '' : html` — ${citation.note}`}`;
}

export function seeAlsoHtml(citations: readonly Citation[]): SafeHtml | '' {
  return citations.length === 0 ? '' : html`; see also ${joinHtml(citations.map(citationHtml), '; ')}`;
}

export function joinHtml(parts: readonly SafeHtml[], separator: string): SafeHtml {
  return html`${parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part]))}`;
}
