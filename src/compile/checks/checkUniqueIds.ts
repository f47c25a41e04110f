import type { Issue, IssuePath } from '../../errors/issue';
import type { RulesetContext } from '../rulesetContext';

/** Rule, note, catalogue-entry and scale-level ids must not repeat: each names one thing in traces and citations. */
export function checkUniqueIds({ document }: RulesetContext): Issue[] {
  const issues: Issue[] = [];
  const claim = (seen: Map<string, IssuePath>, id: string, path: IssuePath, what: string) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, path);
    else
      issues.push({
        path,
        code: 'duplicate_id',
        first,
        id,
        message: `The ${what} id "${id}" is already used at /${first.join('/')}.`,
      });
  };
  const decisions = new Map<string, IssuePath>();
  (document.rules ?? []).forEach((rule, index) => claim(decisions, rule.id, ['rules', index, 'id'], 'rule'));
  if (document.fallback !== undefined) claim(decisions, document.fallback.id, ['fallback', 'id'], 'rule');
  const notes = new Map<string, IssuePath>();
  (document.notes ?? []).forEach((note, index) => claim(notes, note.id, ['notes', index, 'id'], 'note'));
  for (const [catalogueId, catalogue] of Object.entries(document.catalogues ?? {})) {
    const entries = new Map<string, IssuePath>();
    catalogue.entries.forEach((entry, index) =>
      claim(entries, entry.id, ['catalogues', catalogueId, 'entries', index, 'id'], `"${catalogueId}" entry`),
    );
  }
  const levels = new Map<string, IssuePath>();
  for (const [scaleId, scale] of Object.entries(document.scales ?? {})) {
    scale.levels.forEach((level, index) =>
      claim(levels, level.id, ['scales', scaleId, 'levels', index, 'id'], 'scale level'),
    );
  }
  return issues;
}
