import type { Citation } from '../types/citation';
import type { CitationDefinition, SourceDefinition } from '../types/ruleset';

/** Resolves ruleset citations against the document's sources into public, frozen citations. */
export function citationResolver(
  sources: Readonly<Record<string, SourceDefinition>>,
): (definition: CitationDefinition) => Citation {
  return (definition) => {
    const source = sources[definition.source];
    if (source === undefined) throw new Error(`Unchecked citation source ${definition.source}`);
    return Object.freeze({
      instrument: source.instrument,
      pinpoint: definition.pinpoint,
      binding: source.binding,
      ...(source.url === undefined ? {} : { url: source.url }),
      confidence: definition.confidence,
      ...(definition.quote === undefined ? {} : { quote: definition.quote }),
      ...(definition.note === undefined ? {} : { note: definition.note }),
    });
  };
}
