import type { Issue } from '../../errors/issue';
import { isCalendarDate } from '../../time/dates';
import type { RulesetContext } from '../rulesetContext';

const BASE_ONLY = ['outcomes', 'undecided', 'fallback', 'authority', 'duties', 'extensionPoints'] as const;

/** Base and overlay documents carry different sections; validity windows and dates must be real and ordered. */
export function checkStructure({ document }: RulesetContext): Issue[] {
  const issues: Issue[] = [];
  if (document.kind === 'base') {
    for (const section of ['outcomes', 'undecided', 'fallback'] as const) {
      if (document[section] === undefined)
        issues.push({
          path: [section],
          code: 'missing_property',
          property: section,
          message: `A base ruleset must declare "${section}".`,
        });
    }
    for (const section of ['extends', 'appliesTo', 'attributes'] as const) {
      if (document[section] !== undefined)
        issues.push({
          path: [section],
          code: 'invalid_section',
          section,
          message: `"${section}" is for overlays only.`,
        });
    }
  } else {
    if (document.extends === undefined)
      issues.push({
        path: ['extends'],
        code: 'missing_property',
        property: 'extends',
        message: 'An overlay must name the base ruleset it extends.',
      });
    for (const section of BASE_ONLY) {
      if (document[section] !== undefined)
        issues.push({
          path: [section],
          code: 'invalid_section',
          section,
          message: `"${section}" belongs to the base ruleset; an overlay only adds rules, facts and data.`,
        });
    }
  }
  for (const [path, value] of [
    [['validity', 'from'], document.validity.from],
    [['validity', 'to'], document.validity.to],
    [['lastVerifiedOn'], document.lastVerifiedOn],
  ] as const) {
    if (typeof value === 'string' && !isCalendarDate(value))
      issues.push({ path, code: 'invalid_date', value, message: `"${value}" is not a calendar date.` });
  }
  if (document.validity.to !== null && document.validity.to < document.validity.from) {
    issues.push({
      path: ['validity', 'to'],
      code: 'invalid_validity',
      message: `The window ends (${document.validity.to}) before it starts (${document.validity.from}).`,
    });
  }
  return issues;
}
