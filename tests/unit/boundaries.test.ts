import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_FILES } from '../../seeds/files.ts';

interface Collection {
  features: {
    properties: { adcode: string | null; name: string };
    geometry: { type: string; coordinates: number[][][][] };
  }[];
}

describe.each([
  ['provinces', SEED_FILES.provinces, 34],
  ['prefectures', SEED_FILES.prefectures, 498],
])('the shipped %s boundaries', (_name, path, count) => {
  const collection = JSON.parse(readFileSync(path, 'utf8')) as Collection;

  it(`hold ${count} MultiPolygons, none empty, every ring closed with at least four points`, () => {
    expect(collection.features).toHaveLength(count);
    for (const f of collection.features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      expect(f.geometry.coordinates.length, f.properties.name).toBeGreaterThan(0);
      for (const polygon of f.geometry.coordinates) {
        expect(polygon.length, f.properties.name).toBeGreaterThan(0);
        for (const ring of polygon) {
          expect(ring.length, f.properties.name).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring.at(-1));
        }
      }
    }
  });

  it('lie within China’s extent and carry six-digit adcodes or null', () => {
    let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const f of collection.features) {
      if (f.properties.adcode !== null) expect(f.properties.adcode).toMatch(/^\d{6}$/);
      // One pass with plain comparisons: an expect per coordinate takes seconds over a million points.
      for (const [lng, lat] of f.geometry.coordinates.flat(2) as [number, number][]) {
        minLng = Math.min(minLng, lng);
        maxLng = Math.max(maxLng, lng);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
    }
    expect(minLng).toBeGreaterThan(73);
    expect(maxLng).toBeLessThan(136);
    expect(minLat).toBeGreaterThan(3);
    expect(maxLat).toBeLessThan(54);
  });
});
