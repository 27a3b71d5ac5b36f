import { describe, expect, it } from 'vitest';
import { createHolidayCalendar } from '../../domain/hours/calendar.ts';
import { loadSeedCalendar } from '../../seeds/holidays.ts';
import { intervalsOn, parseOpeningHours, statusAt } from '../../domain/hours/opening-hours.ts';
import { weekSchedule } from '../../domain/hours/week.ts';

/** The holiday calendar, the venue page's week schedule, and answers for years the calendar lacks. */
const calendar = loadSeedCalendar();
const MUSEUM = parseOpeningHours('Tu-Su 09:00-17:00; Mo off');
const OFFICE = parseOpeningHours('Mo-Fr 09:00-17:00; PH off');

describe('the seed calendar', () => {
  it('knows 2026 Spring Festival days off and make-up workdays by name', () => {
    expect(calendar.kindOf('2026-02-15')).toBe('day_off');
    expect(calendar.kindOf('2026-02-23')).toBe('day_off');
    expect(calendar.kindOf('2026-02-14')).toBe('workday');
    expect(calendar.kindOf('2026-02-24')).toBeUndefined();
    expect(calendar.name('2026-02-16')).toBe('春节');
    expect(calendar.name('2026-02-28')).toBe('春节');
    expect(calendar.name('2026-03-03')).toBeUndefined();
  });

  it('covers 2025 and 2026 only', () => {
    expect([2024, 2025, 2026, 2027].map((year) => calendar.covers(year))).toEqual([false, true, true, false]);
  });
});

describe('createHolidayCalendar', () => {
  it('refuses a malformed day, an unknown kind and a day listed with two kinds', () => {
    expect(() => createHolidayCalendar([{ day: '2026-13-01', kind: 'day_off', holiday: 'x' }])).toThrow(RangeError);
    const badKind = [{ day: '2026-01-01', kind: 'holiday', holiday: 'x' }] as unknown as Parameters<
      typeof createHolidayCalendar
    >[0];
    expect(() => createHolidayCalendar(badKind)).toThrow('unknown holiday kind');
    expect(() =>
      createHolidayCalendar([
        { day: '2026-01-01', kind: 'day_off', holiday: '元旦' },
        { day: '2026-01-01', kind: 'workday', holiday: '元旦' },
      ]),
    ).toThrow('listed both');
  });
});

describe('weekSchedule', () => {
  it('shows Spring Festival 2026 week with holiday names, make-up workday and hours', () => {
    const days = weekSchedule(OFFICE, '2026-02-13', 4, calendar);
    expect(days).toEqual([
      {
        date: '2026-02-13',
        weekday: 'Fr',
        workday: false,
        intervals: [{ start: '09:00', end: '17:00' }],
        calendarCovered: true,
      },
      {
        date: '2026-02-14',
        weekday: 'Sa',
        workday: true,
        workdayFor: '春节',
        intervals: [{ start: '09:00', end: '17:00' }],
        calendarCovered: true,
      },
      { date: '2026-02-15', weekday: 'Su', holiday: '春节', workday: false, intervals: [], calendarCovered: true },
      { date: '2026-02-16', weekday: 'Mo', holiday: '春节', workday: false, intervals: [], calendarCovered: true },
    ]);
  });

  it('crosses a month and a year, and marks days of an uncovered year', () => {
    const days = weekSchedule(MUSEUM, '2026-12-29', 7, calendar);
    expect(days.map((d) => d.date)).toEqual([
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-01-04',
    ]);
    expect(days.map((d) => d.calendarCovered)).toEqual([true, true, true, false, false, false, false]);
    expect(days[3]).toMatchObject({ weekday: 'Fr', intervals: [{ start: '09:00', end: '17:00' }] });
    expect(days[3]?.holiday).toBeUndefined();
  });

  it('refuses a day count outside 1..366 and a malformed start day', () => {
    expect(() => weekSchedule(MUSEUM, '2026-03-02', 0, calendar)).toThrow(RangeError);
    expect(() => weekSchedule(MUSEUM, '2026-03-02', 367, calendar)).toThrow(RangeError);
    expect(() => weekSchedule(MUSEUM, '2026-03-02', 1.5, calendar)).toThrow(RangeError);
    expect(() => weekSchedule(MUSEUM, 'next monday', 7, calendar)).toThrow(RangeError);
  });
});

describe('a year the calendar does not cover', () => {
  it('evaluates by weekday alone, without PH, and says so', () => {
    // 2027-01-01 is a Friday; its holiday is not known until the 2027 notice is loaded.
    expect(intervalsOn(OFFICE, '2027-01-01', calendar)).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(statusAt(OFFICE, new Date('2027-01-01T10:00:00+08:00'), calendar)).toMatchObject({
      state: 'open',
      calendarCovered: false,
    });
  });

  it('marks statusAt uncovered only when the answer reaches the uncovered year', () => {
    const lateDecember = new Date('2026-12-31T10:00:00+08:00');
    expect(statusAt(OFFICE, lateDecember, calendar).calendarCovered).toBe(true);
    const friday = new Date('2026-12-31T18:00:00+08:00');
    expect(statusAt(OFFICE, friday, calendar)).toMatchObject({ state: 'closed', calendarCovered: false });
  });

  it('treats every year as uncovered with an empty calendar', () => {
    const none = createHolidayCalendar([]);
    expect(intervalsOn(OFFICE, '2026-02-16', none)).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(statusAt(MUSEUM, new Date('2026-02-16T10:00:00+08:00'), none).calendarCovered).toBe(false);
  });
});
