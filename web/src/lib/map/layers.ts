/**
 * Declarative source and layers for venue points, added on top of whichever base style is in use.
 */

import type { CircleLayerSpecification, FilterSpecification, GeoJSONSourceSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { VenueFeatureProperties } from './features';

export const VENUE_SOURCE_ID = 'venues';
export const VENUE_LAYER_ID = 'venues-circle';
export const VENUE_HIGHLIGHT_LAYER_ID = 'venues-highlight';
/** Source holding the chosen place (one point or none). */
export const PLACE_SOURCE_ID = 'place';
/** Layer drawing the chosen place. */
export const PLACE_LAYER_ID = 'place-marker';

/** Point colours by admission for minors: parents look for "free" first. */
export const ADMISSION_COLORS = {
  free: '#1f8a5b',
  discounted: '#d08a12',
  paid: '#5b6b8c',
  unknown: '#8a8f98',
} as const;

/** An empty GeoJSON source for venues; data arrives with `setData`. */
export function venueSource(): GeoJSONSourceSpecification {
  const empty: FeatureCollection<Point, VenueFeatureProperties> = {
    type: 'FeatureCollection',
    features: [],
  };
  return { type: 'geojson', data: empty };
}

/** Filter that matches only the venue with `id`, or nothing when `id` is null. */
export function highlightFilter(id: string | null): FilterSpecification {
  return ['==', ['get', 'id'], id ?? ''];
}

/** Every venue as a circle, coloured by admission; approximate points drawn fainter. */
export const venueCircleLayer: CircleLayerSpecification = {
  id: VENUE_LAYER_ID,
  type: 'circle',
  source: VENUE_SOURCE_ID,
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 3, 10, 6, 15, 9],
    'circle-color': [
      'match',
      ['get', 'admission'],
      'free',
      ADMISSION_COLORS.free,
      'discounted',
      ADMISSION_COLORS.discounted,
      'paid',
      ADMISSION_COLORS.paid,
      ADMISSION_COLORS.unknown,
    ],
    'circle-opacity': ['match', ['get', 'precision'], 'low', 0.55, 0.9],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1.5,
  },
};

/** The hovered or selected venue, drawn larger on top of the others. */
export const venueHighlightLayer: CircleLayerSpecification = {
  id: VENUE_HIGHLIGHT_LAYER_ID,
  type: 'circle',
  source: VENUE_SOURCE_ID,
  filter: highlightFilter(null),
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 7, 10, 10, 15, 13],
    'circle-color': '#e0452b',
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 3,
  },
};

/** An empty source for the chosen place; its point arrives with `setData`. */
export function placeSource(): GeoJSONSourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
}

/** The chosen place: a blue ring, unlike any venue colour, drawn above the venues. */
export const placeLayer: CircleLayerSpecification = {
  id: PLACE_LAYER_ID,
  type: 'circle',
  source: PLACE_SOURCE_ID,
  paint: {
    'circle-radius': 9,
    'circle-color': '#2b6cd4',
    'circle-opacity': 0.9,
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 4,
  },
};
