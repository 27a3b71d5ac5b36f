import { describe, expect, it } from 'vitest';
import {
  comingWeekend,
  currentMinute,
  isDate,
  isRange,
  nextTwoWeeks,
  sameWhen,
  shanghaiToday,
  unknownHoursIds,
  whenQuery,
} from './when';

describe('isDate', () => {
  it('takes only real dates written YYYY-MM-DD', () => {
    expect(isDate('2026-12-05')).toBe(true);
    expect(isDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-5', '20261205', '', null, undefined]) {
      expect(isDate(bad), String(bad)).toBe(false);
    }
  });
});

describe('comingWeekend', () => {
  it('counts the weekend as the API does', () => {
    expect(comingWeekend('2026-11-25')).toEqual(['2026-11-28', '2026-11-29']); // Wednesday
    expect(comingWeekend('2026-11-27')).toEqual(['2026-11-28', '2026-11-29']); // Friday
    expect(comingWeekend('2026-11-28')).toEqual(['2026-11-28', '2026-11-29']); // Saturday
    expect(comingWeekend('2026-11-29')).toEqual(['2026-11-29']); // Sunday
    expect(comingWeekend('2026-11-30')).toEqual(['2026-12-05', '2026-12-06']); // Monday
  });
});

describe('time of the request', () => {
  it('reads today in Shanghai and rounds now down to the minute', () => {
    expect(shanghaiToday(new Date('2026-11-28T18:59:30Z'))).toBe('2026-11-29');
    expect(currentMinute(new Date('2026-11-28T18:59:59.999Z'))).toBe('2026-11-28T18:59:00.000Z');
  });
});

describe('whenQuery', () => {
  it('writes the API parameter of each choice, and keeps unknown hours only with a date filter', () => {
    expect(whenQuery({ type: 'any' }, null, true)).toEqual({});
    expect(whenQuery({ type: 'weekend' }, null, false)).toEqual({ weekend: 'true' });
    expect(whenQuery({ type: 'date', date: '2026-12-05' }, null, true)).toEqual({
      open_on: '2026-12-05',
      include_unknown_hours: 'true',
    });
    expect(whenQuery({ type: 'now' }, '2026-11-28T18:59:00.000Z', false)).toEqual({
      open_at: '2026-11-28T18:59:00.000Z',
    });
  });

  it('compares choices by value', () => {
    expect(sameWhen({ type: 'date', date: '2026-12-05' }, { type: 'date', date: '2026-12-05' })).toBe(true);
    expect(sameWhen({ type: 'date', date: '2026-12-05' }, { type: 'date', date: '2026-12-06' })).toBe(false);
    expect(sameWhen({ type: 'now' }, { type: 'weekend' })).toBe(false);
  });
});

describe('a range of days', () => {
  it('starts as the next two weeks, today included, and is sent as open_from and open_to', () => {
    expect(nextTwoWeeks('2026-12-28')).toEqual({ from: '2026-12-28', to: '2027-01-10' });
    expect(whenQuery({ type: 'range', from: '2026-12-03', to: '2026-12-16' }, null, false)).toEqual({
      open_from: '2026-12-03',
      open_to: '2026-12-16',
    });
    expect(sameWhen({ type: 'range', from: 'a', to: 'b' }, { type: 'range', from: 'a', to: 'c' })).toBe(false);
  });

  it('takes only real days in order, at most 62 of them', () => {
    expect(isRange('2026-12-03', '2026-12-03')).toBe(true);
    expect(isRange('2026-12-03', '2027-02-02')).toBe(true);
    expect(isRange('2026-12-03', '2027-02-03')).toBe(false);
    expect(isRange('2026-12-04', '2026-12-03')).toBe(false);
    expect(isRange('2026-02-30', '2026-03-03')).toBe(false);
  });
});

describe('unknownHoursIds', () => {
  it('names the venues only the answer with unknown hours has', () => {
    const all = [{ id: 'a' }, { id: 'u1' }, { id: 'b' }, { id: 'u2' }];
    expect(unknownHoursIds(all, [{ id: 'a' }, { id: 'b' }, { id: 'c' }])).toEqual(new Set(['u1', 'u2']));
    expect(unknownHoursIds([], [{ id: 'a' }])).toEqual(new Set());
  });
});
