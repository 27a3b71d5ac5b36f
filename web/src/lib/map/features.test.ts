import { describe, it, expect } from 'vitest';
import { placeToFeatureCollection, readTileFeature } from './features';

describe('readTileFeature', () => {
  it('tells clusters of several from venues, whether the flag arrives as a boolean or a string', () => {
    expect(readTileFeature({ cluster: true, count: 12 })).toEqual({ kind: 'cluster', count: 12 });
    expect(readTileFeature({ cluster: 'true', count: '3' })).toEqual({ kind: 'cluster', count: 3 });
    expect(readTileFeature({ id: 'a', minors_admission: 'free' })).toEqual({ kind: 'venue', id: 'a', name: '' });
  });

  it('treats a cluster of one as its venue, and anything without an id as nothing', () => {
    expect(readTileFeature({ cluster: true, count: 1, id: 'a', name: '馆' })).toEqual({
      kind: 'venue',
      id: 'a',
      name: '馆',
    });
    expect(readTileFeature({ name: '馆' })).toBeNull();
    expect(readTileFeature({ id: '' })).toBeNull();
    expect(readTileFeature(null)).toBeNull();
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
