import type { Issue } from '../../errors/issue';
import type { RulesetContext } from '../rulesetContext';
import { attributeOf } from './attributeOf';

/**
 * A catalogue's declared attribute values bound every entry's value (`null`, not known, is always allowed), and an
 * entry's `attributeCitations` cite only attributes the entry has.
 */
export function checkCatalogueAttributes({ document }: RulesetContext): Issue[] {
  const issues: Issue[] = [];
  for (const [id, catalogue] of Object.entries(document.catalogues ?? {})) {
    const declared = catalogue.attributeValues ?? {};
    catalogue.entries.forEach((entry, index) => {
      const path = ['catalogues', id, 'entries', index];
      for (const [attribute, values] of Object.entries(declared)) {
        const value = attributeOf(entry, attribute);
        if (value === undefined || value === null) continue;
        if (typeof value !== 'string' || !values.includes(value))
          issues.push({
            path: [...path, 'attributes', attribute],
            code: 'invalid_value',
            allowed: values,
            message:
              `${JSON.stringify(value)} is not a value of "${attribute}" in this catalogue (allowed: ` +
              `${values.join(', ')}, or null for not known).`,
          });
      }
      for (const attribute of Object.keys(entry.attributeCitations ?? {})) {
        if (attributeOf(entry, attribute) === undefined)
          issues.push({
            path: [...path, 'attributeCitations', attribute],
            code: 'undeclared_attribute',
            attribute,
            message: `The entry "${entry.id}" has no attribute "${attribute}" to cite.`,
          });
      }
    });
  }
  return issues;
}
