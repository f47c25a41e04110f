import type { Issue, IssuePath } from '../../errors/issue';
import type { RecordFilter } from '../../types/ruleset';

/**
 * A filter on records may name only fields with fixed values, and only values they can hold; a field that holds a
 * list cannot be filtered on.
 */
export function checkRecordFilter(
  of: string,
  fields: Readonly<Record<string, readonly string[] | null>>,
  listFields: readonly string[],
  where: RecordFilter | undefined,
  at: IssuePath,
): Issue[] {
  const issues: Issue[] = [];
  for (const [field, values] of Object.entries(where ?? {})) {
    const allowed = Object.hasOwn(fields, field) && !listFields.includes(field) ? fields[field] : undefined;
    if (allowed === undefined || allowed === null) {
      issues.push({
        path: [...at, 'where', field],
        code: 'invalid_field',
        field,
        message: `"${of}" records have no field "${field}" with fixed values.`,
      });
      continue;
    }
    values.forEach((value, index) => {
      if (!allowed.includes(value))
        issues.push({
          path: [...at, 'where', field, index],
          code: 'invalid_value',
          allowed,
          message: `"${value}" is not a value of "${field}" (allowed: ${allowed.join(', ')}).`,
        });
    });
  }
  return issues;
}
