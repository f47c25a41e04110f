/** A fact or condition value as shown in a report: JSON for known values, `unknown` for `null` or absent. */
export function describeValue(value: unknown): string {
  return value === null || value === undefined ? 'unknown' : JSON.stringify(value);
}
