import { describe, expect, it } from 'vitest';
import { comingWeekend, currentMinute, isDate, sameWhen, shanghaiToday, unknownHoursIds, whenQuery } from './when';

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

describe('unknownHoursIds', () => {
  it('names the venues only the answer with unknown hours has', () => {
    const all = [{ id: 'a' }, { id: 'u1' }, { id: 'b' }, { id: 'u2' }];
    expect(unknownHoursIds(all, [{ id: 'a' }, { id: 'b' }, { id: 'c' }])).toEqual(new Set(['u1', 'u2']));
    expect(unknownHoursIds([], [{ id: 'a' }])).toEqual(new Set());
  });
});
