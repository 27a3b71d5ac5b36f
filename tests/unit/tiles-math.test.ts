import { describe, expect, it } from 'vitest';
import {
  CLUSTER_CELLS_PER_TILE,
  MAX_MERCATOR_LAT,
  TILE_EXTENT,
  isTileInRange,
  lngLatToWorld,
  tileBounds,
  tileContaining,
  worldToTile,
} from '../../domain/tiles/tile-math.ts';

describe('isTileInRange', () => {
  it.each([
    [0, 0, 0],
    [1, 1, 1],
    [14, 13489, 6208],
    [22, 2 ** 22 - 1, 0],
  ])('accepts %i/%i/%i', (z, x, y) => {
    expect(isTileInRange({ z, x, y })).toBe(true);
  });
  it.each([
    [-1, 0, 0],
    [23, 0, 0],
    [1.5, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
    [2, 4, 0],
    [2, -1, 0],
    [2, 0, 0.5],
    [Number.NaN, 0, 0],
    [3, Number.POSITIVE_INFINITY, 0],
  ])('refuses %d/%d/%d', (z, x, y) => {
    expect(isTileInRange({ z, x, y })).toBe(false);
  });
});

describe('lngLatToWorld', () => {
  it('puts (0, 0) in the middle of the world and the corners at 0 and 1', () => {
    expect(lngLatToWorld(0, 0)).toEqual({ wx: 0.5, wy: 0.5 });
    const nw = lngLatToWorld(-180, MAX_MERCATOR_LAT);
    expect(nw.wx).toBe(0);
    expect(nw.wy).toBeCloseTo(0, 12);
    expect(lngLatToWorld(180, -MAX_MERCATOR_LAT).wy).toBeCloseTo(1, 12);
  });
  it('clamps latitudes beyond Mercator to its limit instead of answering Infinity', () => {
    expect(lngLatToWorld(10, 90)).toEqual(lngLatToWorld(10, MAX_MERCATOR_LAT));
    expect(lngLatToWorld(10, -90)).toEqual(lngLatToWorld(10, -MAX_MERCATOR_LAT));
  });
});

describe('tileBounds and tileContaining', () => {
  it('z=0 covers the whole Mercator square', () => {
    const b = tileBounds({ z: 0, x: 0, y: 0 });
    expect([b.minLng, b.maxLng]).toEqual([-180, 180]);
    expect(b.minLat).toBeCloseTo(-MAX_MERCATOR_LAT, 10);
    expect(b.maxLat).toBeCloseTo(MAX_MERCATOR_LAT, 10);
  });
  it('z=1 x=1 y=0 is the north-east quarter', () => {
    const b = tileBounds({ z: 1, x: 1, y: 0 });
    expect(b.minLng).toBe(0);
    expect(b.maxLng).toBe(180);
    expect(b.minLat).toBeCloseTo(0, 12);
  });
  it('finds Tiananmen in 14/13489/6208, inside that tile’s bounds', () => {
    const t = tileContaining(116.3975, 39.9087, 14);
    expect(t).toEqual({ z: 14, x: 13489, y: 6208 });
    const b = tileBounds(t);
    expect(116.3975 >= b.minLng && 116.3975 < b.maxLng && 39.9087 > b.minLat && 39.9087 <= b.maxLat).toBe(true);
  });
  it('puts a point on the east edge of the world in the last tile', () => {
    expect(tileContaining(180, 0, 3).x).toBe(7);
  });
  it('neighbouring tiles share edges exactly', () => {
    const a = tileBounds({ z: 9, x: 421, y: 194 });
    const right = tileBounds({ z: 9, x: 422, y: 194 });
    const below = tileBounds({ z: 9, x: 421, y: 195 });
    expect(right.minLng).toBe(a.maxLng);
    expect(below.maxLat).toBe(a.minLat);
  });
});

describe('worldToTile', () => {
  const tile = { z: 3, x: 5, y: 2 };
  it('maps the tile corners to 0 and the extent, y downwards', () => {
    expect(worldToTile(5 / 8, 2 / 8, tile)).toEqual([0, 0]);
    expect(worldToTile(6 / 8, 3 / 8, tile)).toEqual([TILE_EXTENT, TILE_EXTENT]);
    expect(worldToTile(5.5 / 8, 2.25 / 8, tile)).toEqual([TILE_EXTENT / 2, TILE_EXTENT / 4]);
  });
  it('rounds to the integer grid', () => {
    const [x] = worldToTile((5 + 1.4 / TILE_EXTENT) / 8, 2 / 8, tile);
    expect(x).toBe(1);
  });
});

describe('cluster cells', () => {
  it('nest in tiles: the tile of a cell is the tile of every point in it, at every cluster zoom', () => {
    // Scaling by a power of two is exact in floating point, so floor(cell / 8) = floor(world × 2^z).
    for (let i = 0; i < 2000; i++) {
      const w = Math.random();
      const z = i % 12;
      const cell = Math.floor(w * 2 ** z * CLUSTER_CELLS_PER_TILE);
      expect(Math.floor(cell / CLUSTER_CELLS_PER_TILE)).toBe(Math.floor(w * 2 ** z));
    }
  });
});
