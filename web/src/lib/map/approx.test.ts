import { describe, expect, it } from 'vitest';
import { approxRadiusMetres, approxZoom, circlePolygon } from './approx';

/** Great-circle distance in metres on the same sphere. */
function distance([lng1, lat1]: number[], [lng2, lat2]: number[]): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2! - lat1!) * rad) / 2) ** 2 +
    Math.cos(lat1! * rad) * Math.cos(lat2! * rad) * Math.sin(((lng2! - lng1!) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

describe('approxRadiusMetres', () => {
  it('pins precise points and circles approximate ones, wider for district-level points', () => {
    expect(approxRadiusMetres('high')).toBeNull();
    expect(approxRadiusMetres('medium')).toBe(1000);
    expect(approxRadiusMetres('low')).toBe(5000);
    expect(approxZoom('low')).toBeLessThan(approxZoom('medium'));
    expect(approxZoom('medium')).toBeLessThan(approxZoom('high'));
  });
});

describe('circlePolygon', () => {
  it('is a closed ring whose every vertex is the radius away from the centre', () => {
    const center: [number, number] = [116.3969, 39.9052];
    const ring = circlePolygon(center, 1000, 32).geometry.coordinates[0]!;
    expect(ring).toHaveLength(33);
    expect(ring[0]).toEqual(ring[32]);
    for (const vertex of ring) expect(distance(center, vertex)).toBeCloseTo(1000, 3);
  });
});
