import { AssessmentError } from '../errors/AssessmentError';
import { describeValue } from '../errors/describeValue';
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

/** The day after `date` (`YYYY-MM-DD`). */
export function nextDay(date: string): string {
  return shiftDay(date, 1);
}

/** The day before `date` (`YYYY-MM-DD`). */
export function previousDay(date: string): string {
  return shiftDay(date, -1);
}

function shiftDay(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * Checks an `asOf` option before anything is read: absent, or a calendar date written `YYYY-MM-DD`.
 * @throws {AssessmentError} `invalid_option` otherwise.
 */
export function checkAsOf(asOf: unknown): string | undefined {
  if (asOf !== undefined && !(typeof asOf === 'string' && isCalendarDate(asOf))) {
    throw new AssessmentError({
      path: ['options', 'asOf'],
      code: 'invalid_option',
      message: `asOf must be a date written YYYY-MM-DD, not ${describeValue(asOf)}.`,
    });
  }
  return asOf;
}

/** The `date` of a raw transaction when it is a well-formed calendar date, read before validation to pick the ruleset. */
export function peekDate(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || !Object.hasOwn(input, 'date')) return undefined;
  const date = (input as { date?: unknown }).date;
  return typeof date === 'string' && isCalendarDate(date) ? date : undefined;
}

/** Whether a `YYYY-MM-DD` string names a day that exists (proleptic Gregorian calendar, years 0000 to 9999). */
export function isCalendarDate(value: string): boolean {
  // Read digit by digit: this runs for every assessed transaction, and a regular expression plus a Date cost more
  // than the rest of choosing the ruleset.
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return false;
  const year = readDigits(value, 0, 4);
  const month = readDigits(value, 5, 2);
  const day = readDigits(value, 8, 2);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const DASH = 0x2d;
const ZERO = 0x30;

/** The number written by `count` decimal digits of `value` from `start`, or -1 if any of them is not a digit. */
function readDigits(value: string, start: number, count: number): number {
  let number = 0;
  for (let index = start; index < start + count; index++) {
    const digit = value.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
