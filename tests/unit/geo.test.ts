import { describe, expect, it } from 'vitest';
import { greatCircleMetres, parseBBox, parseLngLat } from '../../domain/geo.ts';

describe('parseLngLat', () => {
  it('parses "lng,lat" with spaces', () => {
    expect(parseLngLat(' 116.3975 , 39.9087 ')).toEqual({ lng: 116.3975, lat: 39.9087 });
  });
  it.each(['abc', '116', '1,2,3', '181,0', '0,-91', 'NaN,1', ''])('rejects %j (undefined)', (value) => {
    expect(parseLngLat(value)).toBeUndefined();
  });
});

describe('parseBBox', () => {
  it('parses four numbers in order', () => {
    expect(parseBBox('116.2,39.8,116.5,40')).toEqual({ minLng: 116.2, minLat: 39.8, maxLng: 116.5, maxLat: 40 });
  });
  it.each(['1,2,3', '1,2,3,4,5', '3,2,1,4', '1,4,3,2', '-181,0,0,1', '0,0,0,0'])('rejects %j (undefined)', (value) => {
    expect(parseBBox(value)).toBeUndefined();
  });
});

describe('greatCircleMetres', () => {
  it('is zero for one point and symmetric', () => {
    const a = { lng: 116.3975, lat: 39.9087 };
    const b = { lng: 121.4737, lat: 31.2304 };
    expect(greatCircleMetres(a, a)).toBe(0);
    expect(greatCircleMetres(a, b)).toBeCloseTo(greatCircleMetres(b, a), 6);
  });
  it('measures Beijing to Shanghai as about 1,067 km', () => {
    const d = greatCircleMetres({ lng: 116.3975, lat: 39.9087 }, { lng: 121.4737, lat: 31.2304 });
    expect(d).toBeGreaterThan(1_060_000);
    expect(d).toBeLessThan(1_075_000);
  });
});
