import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isCalendarDate } from '../../src/time/dates';
import { runs } from '../support/runs';

/** The calendar's own answer: a Date set to that day (setUTCFullYear keeps years below 100 as written). */
function existsInCalendar(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (number: number, width: number) => String(number).padStart(width, '0');

describe('isCalendarDate', () => {
  test.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-00-10', false],
    ['2025-13-01', false],
    ['2025-01-00', false],
    ['0050-01-01', true],
    ['2025-1-01', false],
    ['2025-01-01 ', false],
    ['+2025-01-01', false],
    ['2025/01/01', false],
    ['２０２５-01-01', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  test('agrees with the calendar on every YYYY-MM-DD string, real day or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          expect(isCalendarDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)).toBe(
            existsInCalendar(year, month, day),
          );
        },
      ),
      { numRuns: runs(20_000) },
    );
  });
});
