import { describe, expect, it } from 'vitest';
import { greatCircleMetres } from '../../domain/geo.ts';
import { SeenPlaces, nearestSameName, normaliseName } from '../../server/services/import/duplicates.ts';

/** A point `metres` east of `from` (good enough for tens of metres). */
const east = (from: { lng: number; lat: number }, metres: number) => ({
  lng: from.lng + metres / (111_320 * Math.cos((from.lat * Math.PI) / 180)),
  lat: from.lat,
});
const museum = { lng: 116.3969, lat: 39.9052 };

describe('normaliseName', () => {
  it.each([
    ['  National   Museum\tof China ', 'national museum of china'],
    ['中国国家博物馆', '中国国家博物馆'],
    ['中国\u3000国家博物馆', '中国 国家博物馆'],
    ['ＡＢＣ Museum', 'abc museum'],
  ])('%j → %j', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });
});

describe('nearestSameName', () => {
  const existing = { names: ['中国国家博物馆', 'National Museum of China'], point: museum, id: 'v1' };

  it('matches the same normalised name within 100 m, by either name', () => {
    expect(nearestSameName(['中国国家博物馆', null], east(museum, 60), [existing])).toMatchObject({
      name: '中国国家博物馆',
      place: { id: 'v1' },
    });
    expect(nearestSameName(['x', 'national museum  of china'], east(museum, 10), [existing])?.name).toBe(
      'National Museum of China',
    );
  });

  it('does not match beyond 100 m, nor another name close by', () => {
    expect(nearestSameName(['中国国家博物馆'], east(museum, 101), [existing])).toBeUndefined();
    expect(nearestSameName(['国家大剧院'], museum, [existing])).toBeUndefined();
  });

  it('answers the nearest of several matches with its distance', () => {
    const far = { ...existing, point: east(museum, 80), id: 'far' };
    const match = nearestSameName(['中国国家博物馆'], east(museum, 60), [far, existing]);
    expect(match?.place.id).toBe('far');
    expect(match?.distanceM).toBeCloseTo(greatCircleMetres(east(museum, 60), far.point), 6);
  });
});

describe('SeenPlaces', () => {
  it('finds an earlier row of the file by normalised name within 100 m', () => {
    const seen = new SeenPlaces();
    seen.add({ names: ['Warner Museum', null], point: museum, line: 2 });
    expect(seen.find(['WARNER  museum'], east(museum, 50))).toMatchObject({ place: { line: 2 } });
    expect(seen.find(['Warner Museum'], east(museum, 150))).toBeUndefined();
    expect(seen.find(['Other Museum'], museum)).toBeUndefined();
  });
});
