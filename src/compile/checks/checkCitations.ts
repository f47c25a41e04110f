import type { Issue } from '../../errors/issue';
import type { RulesetContext } from '../rulesetContext';

/** Every citation must name a source the document declares, so it resolves to an instrument and a link. */
export function checkCitations({ document }: RulesetContext): Issue[] {
  const sources = new Set(Object.keys(document.sources));
  const issues: Issue[] = [];
  // The path of the value being visited; copied only into an issue.
  const path: (string | number)[] = [];
  const check = (source: string, ...segments: (string | number)[]) => {
    if (sources.has(source)) return;
    issues.push({
      path: [...path, ...segments, 'source'],
      code: 'undeclared_source',
      source,
      message:
        `The citation's source "${source}" is not declared in "sources" (declared: ` +
        `${[...sources].join(', ') || 'none'}).`,
    });
  };
  // Every `citation` object and `seeAlso` entry of a schema-valid document (whose depth the scan has bounded).
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        visit(value[index]);
        path.pop();
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'citation') check((child as { source: string }).source, key);
      else if (key === 'attributeCitations')
        for (const [attribute, citation] of Object.entries(child as Record<string, { source: string }>))
          check(citation.source, key, attribute);
      else if (key === 'seeAlso')
        (child as { source: string }[]).forEach((citation, index) => check(citation.source, key, index));
      else {
        path.push(key);
        visit(child);
        path.pop();
      }
    }
  };
  visit(document);
  return issues;
}
