import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Admission, CoordPrecision, VenueItem } from '$lib/api/types';
import type { LngLat } from './camera';

/** Properties each venue point carries; layers style and filter on these. */
export interface VenueFeatureProperties {
  id: string;
  name: string;
  /** First kind, used for the point colour; empty when the venue has none. */
  kind: string;
  admission: Admission;
  precision: CoordPrecision;
}

/** A venue point as drawn on the map. */
export type VenueFeature = Feature<Point, VenueFeatureProperties>;

/**
 * Turn API venue items into the GeoJSON the map's `venues` source shows.
 * Items without finite coordinates are skipped rather than drawn at (0, 0).
 */
export function venuesToFeatureCollection(
  items: readonly VenueItem[],
): FeatureCollection<Point, VenueFeatureProperties> {
  const features: VenueFeature[] = [];
  for (const item of items) {
    if (!Number.isFinite(item.lng) || !Number.isFinite(item.lat)) continue;
    features.push({
      type: 'Feature',
      id: item.id,
      geometry: { type: 'Point', coordinates: [item.lng, item.lat] },
      properties: {
        id: item.id,
        name: item.name,
        kind: item.kinds[0] ?? '',
        admission: item.minors_admission,
        precision: item.coord_precision,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** The chosen place as GeoJSON for the `place` source: one point, or none. */
export function placeToFeatureCollection(point: LngLat | null): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: point ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [...point] }, properties: {} }] : [],
  };
}
