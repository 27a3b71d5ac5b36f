import { describe, it, expect } from 'vitest';
import type { VenueItem } from '$lib/api/types';
import { placeToFeatureCollection, venuesToFeatureCollection } from './features';

function venue(overrides: Partial<VenueItem> = {}): VenueItem {
  return {
    id: '6f1c0c7e-0000-4000-8000-000000000001',
    name: '中国国家博物馆',
    name_en: 'National Museum of China',
    kinds: ['museum'],
    themes: ['culture_heritage'],
    lng: 116.3969,
    lat: 39.9052,
    distance_m: null,
    address: '东长安街16号',
    adcode: '110101',
    minors_admission: 'free',
    coord_precision: 'high',
    ...overrides,
  };
}

describe('venuesToFeatureCollection', () => {
  it('makes one point per venue at [lng, lat]', () => {
    const fc = venuesToFeatureCollection([venue()]);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [116.3969, 39.9052] });
  });

  it('carries the id as both feature id and property, so layers can filter on it', () => {
    const [feature] = venuesToFeatureCollection([venue()]).features;
    expect(feature?.id).toBe('6f1c0c7e-0000-4000-8000-000000000001');
    expect(feature?.properties).toEqual({
      id: '6f1c0c7e-0000-4000-8000-000000000001',
      name: '中国国家博物馆',
      kind: 'museum',
      admission: 'free',
      precision: 'high',
    });
  });

  it('uses the first kind, or an empty string for a venue without kinds', () => {
    const fc = venuesToFeatureCollection([
      venue({ id: 'a', kinds: ['library', 'museum'] }),
      venue({ id: 'b', kinds: [] }),
    ]);
    expect(fc.features.map((f) => f.properties.kind)).toEqual(['library', '']);
  });

  it('skips venues without finite coordinates instead of drawing them at 0,0', () => {
    const fc = venuesToFeatureCollection([
      venue({ id: 'ok' }),
      venue({ id: 'nan', lng: Number.NaN }),
      venue({ id: 'inf', lat: Number.POSITIVE_INFINITY }),
    ]);
    expect(fc.features.map((f) => f.id)).toEqual(['ok']);
  });

  it('keeps the server order', () => {
    const ids = ['c', 'a', 'b'];
    const fc = venuesToFeatureCollection(ids.map((id) => venue({ id })));
    expect(fc.features.map((f) => f.id)).toEqual(ids);
  });

  it('returns an empty collection for no venues', () => {
    expect(venuesToFeatureCollection([])).toEqual({ type: 'FeatureCollection', features: [] });
  });
});

describe('placeToFeatureCollection', () => {
  it('is one point for a place and empty for none', () => {
    expect(placeToFeatureCollection([116.4, 39.9]).features.map((f) => f.geometry.coordinates)).toEqual([
      [116.4, 39.9],
    ]);
    expect(placeToFeatureCollection(null).features).toEqual([]);
  });
});
