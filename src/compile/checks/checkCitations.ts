import type { Issue, IssuePath } from '../../errors/issue';
import type { RulesetContext } from '../rulesetContext';

/** Every citation must name a source the document declares, so it resolves to an instrument and a link. */
export function checkCitations({ document }: RulesetContext): Issue[] {
  const sources = new Set(Object.keys(document.sources));
  const issues: Issue[] = [];
  for (const { source, path } of citationsIn(document, [])) {
    if (!sources.has(source)) {
      issues.push({ path: [...path, 'source'], code: 'undeclared_source', message: `The citation's source "${source}" is not declared in "sources" (declared: ${[...sources].join(', ') || 'none'}).` });
    }
  }
  return issues;
}

/** Every `citation` object and `seeAlso` entry in a schema-valid document. */
function* citationsIn(value: unknown, path: IssuePath): Generator<{ source: string; path: IssuePath }> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* citationsIn(item, [...path, index]);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'citation') yield { source: (child as { source: string }).source, path: [...path, key] };
    else if (key === 'seeAlso') for (const [index, citation] of (child as { source: string }[]).entries()) yield { source: citation.source, path: [...path, key, index] };
    else yield* citationsIn(child, [...path, key]);
  }
}
