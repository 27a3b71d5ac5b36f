/**
 * Web Mercator tile maths for the venue tiles, pure so the route, the queries and the tests share it.
 *
 * "World" coordinates run from 0 to 1 across the Web Mercator square, x eastwards from 180°W and y
 * southwards from 85.05°N, so tile (z, x, y) covers [x, x+1) × [y, y+1) in world × 2^z. The SQL in
 * db/queries/tiles.ts computes the same formula, so JS and both engines agree on which tile and which
 * cluster cell a venue falls in.
 */

/** Coordinates per tile side in an encoded tile (the MVT default; MapLibre expects it). */
export const TILE_EXTENT = 4096;

/** The deepest zoom a tile can be asked for (beyond it a tile is narrower than a metre at the equator). */
export const MAX_TILE_ZOOM = 22;

/** The deepest zoom TileJSON advertises; clients overzoom past it (venue points do not change). */
export const TILEJSON_MAX_ZOOM = 16;

/** Below this zoom tiles carry clusters, from this zoom on one point per venue. */
export const CLUSTER_BELOW_ZOOM = 12;

/**
 * Cluster cells per tile side: 8 cells of 512 extent units, i.e. 64 px of a 512 px vector tile. A
 * power of two, so cells nest exactly inside tiles and every cell belongs to exactly one tile.
 */
export const CLUSTER_CELLS_PER_TILE = 8;

/** Web Mercator's latitude limit, where the square ends. */
export const MAX_MERCATOR_LAT = 85.0511287798066;

/** A tile address in the XYZ scheme (y grows southwards). */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** True when z is a whole zoom in 0..MAX_TILE_ZOOM and x, y are whole numbers in 0..2^z-1. */
export function isTileInRange({ z, x, y }: TileAddress): boolean {
  if (![z, x, y].every(Number.isInteger) || z < 0 || z > MAX_TILE_ZOOM) return false;
  const n = 2 ** z;
  return x >= 0 && x < n && y >= 0 && y < n;
}

/** World coordinates (0..1) of a WGS-84 point; latitudes beyond Mercator's limit are clamped to it. */
export function lngLatToWorld(lng: number, lat: number): { wx: number; wy: number } {
  const clamped = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
  const phi = clamped * (Math.PI / 180);
  return { wx: (lng + 180) / 360, wy: 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI) };
}

/** The WGS-84 box a tile covers, as the `bbox` filter spells boxes. */
export function tileBounds({ z, x, y }: TileAddress): {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
} {
  const n = 2 ** z;
  const lng = (tx: number) => (tx / n) * 360 - 180;
  const lat = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
  return { minLng: lng(x), minLat: lat(y + 1), maxLng: lng(x + 1), maxLat: lat(y) };
}

/** The tile at zoom z containing a WGS-84 point. */
export function tileContaining(lng: number, lat: number, z: number): TileAddress {
  const { wx, wy } = lngLatToWorld(lng, lat);
  const n = 2 ** z;
  // A point on the east or south edge of the world belongs to the last tile, not a tile past it.
  return { z, x: Math.min(n - 1, Math.floor(wx * n)), y: Math.min(n - 1, Math.floor(wy * n)) };
}

/**
 * A world position in a tile's own coordinates (0..TILE_EXTENT, y downwards), rounded to the integer
 * grid an encoded tile holds, as ST_AsMVTGeom rounds.
 */
export function worldToTile(wx: number, wy: number, { z, x, y }: TileAddress): [number, number] {
  const n = 2 ** z;
  return [Math.round((wx * n - x) * TILE_EXTENT), Math.round((wy * n - y) * TILE_EXTENT)];
}
