import { readDocument, type ReadDocument } from '../document/scanDocument';
import type { Issue } from '../errors/issue';
import type { RulesetDocument } from '../types/ruleset';
import { validateSchema } from './validateSchema';

/** Shape checks that need nothing but the document itself: safe-to-read JSON, the schema, and the expected kind. */
export function validateRulesetDocument(document: unknown, kind: 'base' | 'overlay'): Issue[] {
  return validateReadDocument(readDocument(document), kind);
}

/** `validateRulesetDocument` of a document already read: the scan's issues, or those of its plain copy. */
export function validateReadDocument(read: ReadDocument, kind: 'base' | 'overlay'): Issue[] {
  if (read.issues.length > 0) return read.issues;
  const schemaIssues = validateSchema(read.copy);
  if (schemaIssues.length > 0) return schemaIssues;
  const actual = (read.copy as RulesetDocument).kind;
  return actual === kind
    ? []
    : [
        {
          path: ['kind'],
          code: 'wrong_kind',
          expected: kind,
          message: `Expected a ${kind} ruleset here, not ${actual === 'base' ? 'a base ruleset' : 'an overlay'}.`,
        },
      ];
}
