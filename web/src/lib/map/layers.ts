/**
 * Declarative sources and layers for venues, added on top of whichever base style is in use. Venues
 * come as vector tiles (server-side clusters below zoom 12, single venues from 12), so the browser
 * only ever holds what is in view. Offline there is no glyph server, so clusters show their size by
 * radius and colour, not by a number (the legend says so in words).
 */

import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import { ADMISSION_COLORS, CLUSTER_COLORS, MARK_COLORS } from './colors';

export const VENUE_SOURCE_ID = 'venues';
/** The layer inside the venue tiles. */
export const VENUE_SOURCE_LAYER = 'venues';
export const VENUE_LAYER_ID = 'venues-circle';
export const CLUSTER_LAYER_ID = 'venues-cluster';
export const VENUE_HIGHLIGHT_LAYER_ID = 'venues-highlight';
/** Source holding the chosen place (one point or none). */
export const PLACE_SOURCE_ID = 'place';
/** Layer drawing the chosen place. */
export const PLACE_LAYER_ID = 'place-marker';

/** Cluster steps: from this many venues up, a cluster has this radius (px) and colour. */
export const CLUSTER_STEPS = [
  { from: 2, radius: 11, color: CLUSTER_COLORS[0] },
  { from: 10, radius: 15, color: CLUSTER_COLORS[1] },
  { from: 50, radius: 20, color: CLUSTER_COLORS[2] },
  { from: 200, radius: 26, color: CLUSTER_COLORS[3] },
] as const;

/** The venue tiles as a vector source, from a TileJSON URL that carries the filters. */
export function venueSource(tileJsonUrl: string): VectorSourceSpecification {
  return { type: 'vector', url: tileJsonUrl, promoteId: { [VENUE_SOURCE_LAYER]: 'id' } };
}

const isCluster: FilterSpecification = ['all', ['==', ['get', 'cluster'], true], ['>', ['get', 'count'], 1]];

/** Filter that matches only the venue with `id` (a point, or a cluster of one), or nothing when null. */
export function highlightFilter(id: string | null): FilterSpecification {
  return ['==', ['get', 'id'], id ?? ''];
}

function clusterStep(key: 'radius' | 'color', first: number | string): ExpressionSpecification {
  const stops = CLUSTER_STEPS.flatMap((s) => [s.from, s[key]]).slice(2);
  return ['step', ['get', 'count'], first, ...stops] as ExpressionSpecification;
}

/** Clusters of several venues: bigger and darker the more venues they hold. */
export const clusterLayer: CircleLayerSpecification = {
  id: CLUSTER_LAYER_ID,
  type: 'circle',
  source: VENUE_SOURCE_ID,
  'source-layer': VENUE_SOURCE_LAYER,
  filter: isCluster,
  paint: {
    'circle-radius': clusterStep('radius', CLUSTER_STEPS[0].radius),
    'circle-color': clusterStep('color', CLUSTER_STEPS[0].color),
    'circle-opacity': 0.85,
    'circle-stroke-color': MARK_COLORS.stroke,
    'circle-stroke-width': 2,
  },
};

/**
 * Single venues, coloured by admission; approximate points drawn fainter. A cluster of one (below
 * zoom 12) carries no admission, so it keeps the cluster colour rather than pass for "unknown".
 */
export const venueCircleLayer: CircleLayerSpecification = {
  id: VENUE_LAYER_ID,
  type: 'circle',
  source: VENUE_SOURCE_ID,
  'source-layer': VENUE_SOURCE_LAYER,
  filter: ['!', isCluster],
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 4, 10, 6, 15, 9],
    'circle-color': [
      'case',
      ['==', ['get', 'cluster'], true],
      CLUSTER_STEPS[0].color,
      [
        'match',
        ['get', 'minors_admission'],
        'free',
        ADMISSION_COLORS.free,
        'discounted',
        ADMISSION_COLORS.discounted,
        'paid',
        ADMISSION_COLORS.paid,
        ADMISSION_COLORS.unknown,
      ],
    ],
    'circle-opacity': ['match', ['get', 'coord_precision'], 'low', 0.45, 0.9],
    'circle-stroke-color': MARK_COLORS.stroke,
    'circle-stroke-width': 1.5,
  },
};

/** The hovered or selected venue, drawn larger on top of the others. */
export const venueHighlightLayer: CircleLayerSpecification = {
  id: VENUE_HIGHLIGHT_LAYER_ID,
  type: 'circle',
  source: VENUE_SOURCE_ID,
  'source-layer': VENUE_SOURCE_LAYER,
  filter: highlightFilter(null),
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 7, 10, 10, 15, 13],
    'circle-color': MARK_COLORS.highlight,
    'circle-stroke-color': MARK_COLORS.stroke,
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
    'circle-color': MARK_COLORS.place,
    'circle-opacity': 0.9,
    'circle-stroke-color': MARK_COLORS.stroke,
    'circle-stroke-width': 4,
  },
};
