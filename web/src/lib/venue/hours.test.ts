import { describe, expect, it } from 'vitest';
import type { HoursDay, VenueHours } from '$lib/api/types';
import { addDays, dayHours, shanghaiDate, shanghaiIso, shanghaiTime, todayStatus, weekdayCode } from './hours';

const day = (date: string, intervals: HoursDay['intervals']): HoursDay => ({
  date,
  weekday: 'Sa',
  holiday: null,
  workday_for: null,
  intervals,
});

const nineToFive = [{ start: '09:00', end: '17:00' }];

function hours(overrides: Partial<VenueHours>, days: HoursDay[]): VenueHours {
  return {
    known: true,
    state: 'closed',
    opens_at: null,
    closes_at: null,
    calendar_covered: true,
    days,
    ...overrides,
  };
}

describe('Shanghai clock', () => {
  it('reads instants in UTC+8 whatever the machine zone, across midnight', () => {
    expect(shanghaiDate('2026-11-28T18:59:00.000Z')).toBe('2026-11-29');
    expect(shanghaiTime('2026-11-28T18:59:00.000Z')).toBe('02:59');
    expect(shanghaiIso('2026-12-05T01:30:00.000Z')).toBe('2026-12-05T09:30:00+08:00');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('todayStatus', () => {
  const today = '2026-11-28';

  it('says open with today’s closing time', () => {
    const status = todayStatus(
      hours({ state: 'open', closes_at: '2026-11-28T09:00:00.000Z' }, [day(today, nineToFive)]),
    );
    expect(status).toEqual({ kind: 'open', closes: { day: 'today', date: today, time: '17:00' } });
  });

  it('says closed all day today and opening tomorrow', () => {
    const status = todayStatus(hours({ opens_at: '2026-11-29T01:00:00.000Z' }, [day(today, [])]));
    expect(status).toEqual({ kind: 'closed-today', opens: { day: 'tomorrow', date: '2026-11-29', time: '09:00' } });
  });

  it('tells "not yet open" from "closed for the day"', () => {
    const early = todayStatus(hours({ opens_at: '2026-11-28T01:00:00.000Z' }, [day(today, nineToFive)]));
    expect(early.kind).toBe('not-yet-open');
    const late = todayStatus(hours({ opens_at: '2026-12-01T01:00:00.000Z' }, [day(today, nineToFive)]));
    expect(late).toEqual({ kind: 'closed-for-the-day', opens: { day: 'later', date: '2026-12-01', time: '09:00' } });
  });

  it('never guesses when the hours are unknown', () => {
    expect(todayStatus(hours({ known: false, state: 'unknown' }, [day(today, null)]))).toEqual({ kind: 'unknown' });
    expect(todayStatus(hours({}, []))).toEqual({ kind: 'unknown' });
  });
});

describe('dayHours', () => {
  it('keeps unknown apart from closed', () => {
    expect(dayHours(day('2026-11-28', null))).toEqual({ kind: 'unknown' });
    expect(dayHours(day('2026-11-28', []))).toEqual({ kind: 'closed' });
    expect(
      dayHours(
        day('2026-11-28', [
          { start: '08:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ]),
      ),
    ).toEqual({ kind: 'open', spans: ['08:00–12:00', '13:00–17:00'] });
  });
});

describe('weekdayCode', () => {
  it('names the weekday of a calendar date the way the API does', () => {
    expect(weekdayCode('2026-11-28')).toBe('Sa');
    expect(weekdayCode('2026-11-30')).toBe('Mo');
  });
});
