import type { Issue } from '../../errors/issue';
import type { RulesetContext } from '../rulesetContext';
import { attributeOf } from './attributeOf';

/** The competent-authority settings must point at a declared string fact and a declared catalogue. */
export function checkAuthority(context: RulesetContext): Issue[] {
  const authority = context.document.authority;
  if (authority === undefined) return [];
  const issues: Issue[] = [];
  const fact = context.facts.get(authority.memberStateFact);
  if (fact === undefined) {
    issues.push({
      path: ['authority', 'memberStateFact'],
      code: 'undeclared_fact',
      fact: authority.memberStateFact,
      message: `The fact "${authority.memberStateFact}" is not declared in "facts".`,
    });
  } else if (fact.type !== 'string') {
    issues.push({
      path: ['authority', 'memberStateFact'],
      code: 'fact_type_mismatch',
      fact: authority.memberStateFact,
      message: `"${authority.memberStateFact}" must be a string fact holding a member-state code.`,
    });
  }
  const catalogue = context.catalogues.get(authority.catalogue);
  if (catalogue === undefined) {
    issues.push({
      path: ['authority', 'catalogue'],
      code: 'undeclared_catalogue',
      catalogue: authority.catalogue,
      message: `The catalogue "${authority.catalogue}" is not declared in "catalogues".`,
    });
  } else if (catalogue.entries.every((entry) => attributeOf(entry, authority.nameAttribute) === undefined)) {
    issues.push({
      path: ['authority', 'nameAttribute'],
      code: 'undeclared_attribute',
      attribute: authority.nameAttribute,
      message: `No entry of the catalogue "${authority.catalogue}" has the attribute "${authority.nameAttribute}".`,
    });
  }
  return issues;
}
