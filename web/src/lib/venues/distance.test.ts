import { describe, expect, it } from 'vitest';
import { roundDistance } from './distance';

describe('roundDistance', () => {
  it('gives metres to the nearest 10 below a kilometre, never 0', () => {
    expect(roundDistance(0)).toEqual({ value: 10, unit: 'm' });
    expect(roundDistance(847)).toEqual({ value: 850, unit: 'm' });
    expect(roundDistance(994)).toEqual({ value: 990, unit: 'm' });
  });

  it('switches to kilometres with one decimal, then whole kilometres from 10 km', () => {
    expect(roundDistance(995)).toEqual({ value: 1, unit: 'km' });
    expect(roundDistance(1234)).toEqual({ value: 1.2, unit: 'km' });
    expect(roundDistance(9949)).toEqual({ value: 9.9, unit: 'km' });
    expect(roundDistance(9950)).toEqual({ value: 10, unit: 'km' });
    expect(roundDistance(23_456)).toEqual({ value: 23, unit: 'km' });
  });

  it('treats a negative distance as zero', () => {
    expect(roundDistance(-5)).toEqual({ value: 10, unit: 'm' });
  });
});
