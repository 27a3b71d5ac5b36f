import { describe, expect, it } from 'vitest';
import { defaultWeek, fromOpeningHours, toOpeningHours, type WeekHours } from './hours-editor';

describe('toOpeningHours', () => {
  it('writes runs of equal days as one rule', () => {
    expect(toOpeningHours(defaultWeek())).toBe('Tu-Su 09:00-17:00');
  });

  it('adds public holidays closed or open at their own times', () => {
    const week = defaultWeek();
    expect(toOpeningHours({ ...week, holidays: { mode: 'closed' } })).toBe('Tu-Su 09:00-17:00; PH off');
    expect(toOpeningHours({ ...week, holidays: { mode: 'open', from: '10:00', to: '16:00' } })).toBe(
      'Tu-Su 09:00-17:00; PH 10:00-16:00',
    );
  });

  it('joins separate days with the same times and keeps different times apart', () => {
    const week: WeekHours = defaultWeek();
    week.days = week.days.map((d, i) => ({ ...d, open: i === 1 || i === 3 || i === 5 }));
    week.days[5] = { open: true, from: '09:00', to: '12:00' };
    expect(toOpeningHours(week)).toBe('Tu,Th 09:00-17:00; Sa 09:00-12:00');
  });

  it('says off when no day is open', () => {
    const week = defaultWeek();
    week.days = week.days.map((d) => ({ ...d, open: false }));
    expect(toOpeningHours(week)).toBe('off');
  });
});

describe('fromOpeningHours', () => {
  it('reads back what it writes', () => {
    for (const text of [
      'Tu-Su 09:00-17:00',
      'Tu,Th 09:00-17:00; Sa 09:00-12:00',
      'Mo-Fr 08:30-16:30; PH off',
      'Sa-Su 10:00-18:00; PH 10:00-16:00',
    ]) {
      const week = fromOpeningHours(text);
      expect(week).not.toBeNull();
      expect(toOpeningHours(week!)).toBe(text);
    }
  });

  it('declines strings the table cannot show', () => {
    expect(fromOpeningHours('Mo-Fr 09:00-12:00,13:00-17:00')).toBeNull();
    expect(fromOpeningHours('Jan-Mar Mo-Fr 09:00-17:00')).toBeNull();
    expect(fromOpeningHours('Mo-Fr 09:00-17:00; Mo 10:00-12:00')).toBeNull();
    expect(fromOpeningHours('')).toBeNull();
  });
});
