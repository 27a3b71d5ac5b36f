import { describe, expect, it } from 'vitest';
import { parseDateList, shanghaiDatePlus, shanghaiInstant } from './slot-times';

describe('slot form helpers', () => {
  it('reads a datetime-local value as Beijing time', () => {
    expect(shanghaiInstant('2026-05-02T09:30')).toBe('2026-05-02T09:30:00+08:00');
  });

  it('splits date lists on any separator and reports what is not a date', () => {
    expect(parseDateList('2026-05-01, 2026-05-02，2026-05-01\n2026-5-3')).toEqual({
      dates: ['2026-05-01', '2026-05-02'],
      invalid: ['2026-5-3'],
    });
  });

  it('counts days from the Shanghai date, which is ahead of UTC in the evening', () => {
    expect(shanghaiDatePlus(0, new Date('2026-05-01T17:00:00Z'))).toBe('2026-05-02');
    expect(shanghaiDatePlus(7, new Date('2026-05-01T10:00:00Z'))).toBe('2026-05-08');
  });
});
