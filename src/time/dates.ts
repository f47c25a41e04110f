import type { ValidityWindow } from '../types/ruleset';

/** Today's date in UTC, `YYYY-MM-DD`: the default assessment date, and the only use of the wall clock. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Whether `date` (`YYYY-MM-DD`) lies within a validity window. */
export function isInForce(window: ValidityWindow, date: string): boolean {
  return window.from <= date && (window.to === null || date <= window.to);
}

/** A window as people read it: "2021-09-09 to 2024-10-15", or "from 2024-10-16" when open-ended. */
export function describeWindow(window: ValidityWindow): string {
  return window.to === null ? `from ${window.from}` : `${window.from} to ${window.to}`;
}

/** The `date` of a raw transaction when it is a well-formed calendar date, read before validation to pick the ruleset. */
export function peekDate(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || !Object.hasOwn(input, 'date')) return undefined;
  const date = (input as { date?: unknown }).date;
  return typeof date === 'string' && isCalendarDate(date) ? date : undefined;
}

/** Whether a `YYYY-MM-DD` string names a day that exists. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
