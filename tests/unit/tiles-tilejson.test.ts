import { describe, expect, it } from 'vitest';
import { MAX_MERCATOR_LAT } from '../../domain/tiles/tile-math.ts';
import { VENUE_LAYER_FIELDS, buildVenueTileJson, venueTileUrlTemplate } from '../../domain/tiles/tilejson.ts';

describe('venueTileUrlTemplate', () => {
  it('keeps the {z}/{x}/{y} placeholders and carries the filters given, encoded', () => {
    expect(
      venueTileUrlTemplate('https://kaimen.example', { kinds: 'museum,library', q: '故宫', free: undefined }),
    ).toBe('https://kaimen.example/api/tiles/venues/{z}/{x}/{y}.mvt?kinds=museum%2Clibrary&q=%E6%95%85%E5%AE%AB');
  });
  it('has no query string without filters', () => {
    expect(venueTileUrlTemplate('http://127.0.0.1:3000', {})).toBe(
      'http://127.0.0.1:3000/api/tiles/venues/{z}/{x}/{y}.mvt',
    );
  });
  it('writes numbers as the client sent them', () => {
    expect(venueTileUrlTemplate('http://h', { near: '116.4,39.9', radius_m: 1500 })).toBe(
      'http://h/api/tiles/venues/{z}/{x}/{y}.mvt?near=116.4%2C39.9&radius_m=1500',
    );
  });
});

describe('buildVenueTileJson', () => {
  it('is TileJSON 3.0.0 with one described layer', () => {
    const doc = buildVenueTileJson({ tiles: 'http://h/t/{z}/{x}/{y}.mvt', layer: 'venues', bounds: [1, 2, 3, 4] });
    expect(doc).toMatchObject({ tilejson: '3.0.0', tiles: ['http://h/t/{z}/{x}/{y}.mvt'], minzoom: 0, maxzoom: 16 });
    expect(doc.bounds).toEqual([1, 2, 3, 4]);
    expect(doc.vector_layers).toEqual([expect.objectContaining({ id: 'venues', fields: VENUE_LAYER_FIELDS })]);
  });
  it('falls back to the whole Mercator square when no venue matches', () => {
    const doc = buildVenueTileJson({ tiles: 't', layer: 'venues', bounds: undefined });
    expect(doc.bounds).toEqual([-180, -MAX_MERCATOR_LAT, 180, MAX_MERCATOR_LAT]);
  });
});
