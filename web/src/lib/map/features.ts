import type { FeatureCollection, Point } from 'geojson';
import type { LngLat } from './camera';

/** What a feature of the venue tiles' `venues` layer stands for. */
export type TileFeature =
  /** A cluster of several venues (below zoom 12): clicking it zooms in. */
  | { kind: 'cluster'; count: number }
  /** One venue: a point from zoom 12, or a cluster of one below it (which carries the id). */
  | { kind: 'venue'; id: string; name: string };

/**
 * Read a rendered tile feature's properties (as MapLibre gives them: MVT booleans may arrive as
 * booleans or strings). Null for anything else.
 */
export function readTileFeature(properties: Record<string, unknown> | null | undefined): TileFeature | null {
  if (!properties) return null;
  const id = properties.id;
  const cluster = properties.cluster === true || properties.cluster === 'true';
  const count = Number(properties.count ?? 1);
  if (cluster && count > 1) return { kind: 'cluster', count };
  const name = typeof properties.name === 'string' ? properties.name : '';
  return typeof id === 'string' && id !== '' ? { kind: 'venue', id, name } : null;
}

/** The chosen place as GeoJSON for the `place` source: one point, or none. */
export function placeToFeatureCollection(point: LngLat | null): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: point ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [...point] }, properties: {} }] : [],
  };
}
