/**
 * Declarative sources and layers for venues, added on top of whichever base style is in use. Venues
 * come as vector tiles (server-side clusters below zoom 12, single venues from 12), so the browser
 * only ever holds what is in view. Every dot and cluster takes the admission colour (a cluster, the
 * one most of its venues have); clusters carry their count and venues their name from street zoom.
 */

import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  SymbolLayerSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import { ADMISSION_COLORS, MARK_COLORS } from './colors';
import { LABEL_FONT } from './style';

export const VENUE_SOURCE_ID = 'venues';
/** The layer inside the venue tiles. */
export const VENUE_SOURCE_LAYER = 'venues';
export const VENUE_LAYER_ID = 'venues-circle';
export const CLUSTER_LAYER_ID = 'venues-cluster';
export const VENUE_HIGHLIGHT_LAYER_ID = 'venues-highlight';
export const CLUSTER_COUNT_LAYER_ID = 'venues-cluster-count';
export const VENUE_NAME_LAYER_ID = 'venues-name';
/** Venue names show from this zoom on, where streets are legible. */
export const VENUE_NAME_MINZOOM = 13;
/** Source holding the chosen place (one point or none). */
export const PLACE_SOURCE_ID = 'place';
/** Layer drawing the chosen place. */
export const PLACE_LAYER_ID = 'place-marker';

/** Cluster steps: from this many venues up, a cluster has this radius (px). */
export const CLUSTER_STEPS = [
  { from: 2, radius: 11 },
  { from: 10, radius: 14 },
  { from: 50, radius: 18 },
  { from: 200, radius: 23 },
] as const;

/** The venue tiles as a vector source, from a TileJSON URL that carries the filters. */
export function venueSource(tileJsonUrl: string): VectorSourceSpecification {
  return { type: 'vector', url: tileJsonUrl, promoteId: { [VENUE_SOURCE_LAYER]: 'id' } };
}

/** The admission colour of a feature's `minors_admission` (on a cluster, most of its venues'). */
const admissionColor: ExpressionSpecification = [
  'match',
  ['get', 'minors_admission'],
  'free',
  ADMISSION_COLORS.free,
  'discounted',
  ADMISSION_COLORS.discounted,
  'paid',
  ADMISSION_COLORS.paid,
  ADMISSION_COLORS.unknown,
];

const isCluster: FilterSpecification = ['all', ['==', ['get', 'cluster'], true], ['>', ['get', 'count'], 1]];

/** Filter that matches only the venue with `id` (a point, or a cluster of one), or nothing when null. */
export function highlightFilter(id: string | null): FilterSpecification {
  return ['==', ['get', 'id'], id ?? ''];
}

function clusterRadius(): ExpressionSpecification {
  const stops = CLUSTER_STEPS.flatMap((s) => [s.from, s.radius]).slice(2);
  return ['step', ['get', 'count'], CLUSTER_STEPS[0].radius, ...stops] as ExpressionSpecification;
}

/** Clusters of several venues: bigger the more venues they hold, in the colour most of them have. */
export const clusterLayer: CircleLayerSpecification = {
  id: CLUSTER_LAYER_ID,
  type: 'circle',
  source: VENUE_SOURCE_ID,
  'source-layer': VENUE_SOURCE_LAYER,
  filter: isCluster,
  paint: {
    'circle-radius': clusterRadius(),
    'circle-color': admissionColor,
    'circle-opacity': 0.9,
    'circle-stroke-color': MARK_COLORS.stroke,
    'circle-stroke-width': 2,
  },
};

/** Single venues (and clusters of one), coloured by admission; approximate points drawn fainter. */
export const venueCircleLayer: CircleLayerSpecification = {
  id: VENUE_LAYER_ID,
  type: 'circle',
  source: VENUE_SOURCE_ID,
  'source-layer': VENUE_SOURCE_LAYER,
  filter: ['!', isCluster],
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 4, 10, 6, 15, 9],
    'circle-color': admissionColor,
    'circle-opacity': ['match', ['get', 'coord_precision'], 'low', 0.45, 0.9],
    'circle-stroke-color': MARK_COLORS.stroke,
    'circle-stroke-width': 1.5,
  },
};

/** The number of venues on each cluster, drawn over its circle. */
export const clusterCountLayer: SymbolLayerSpecification = {
  id: CLUSTER_COUNT_LAYER_ID,
  type: 'symbol',
  source: VENUE_SOURCE_ID,
  'source-layer': VENUE_SOURCE_LAYER,
  filter: isCluster,
  layout: {
    'text-field': ['to-string', ['get', 'count']],
    'text-font': LABEL_FONT,
    'text-size': ['step', ['get', 'count'], 11, 50, 12, 200, 13],
    'text-allow-overlap': true,
    'text-ignore-placement': true,
  },
  paint: { 'text-color': MARK_COLORS.stroke, 'text-halo-color': MARK_COLORS.countHalo, 'text-halo-width': 1 },
};

/** Venue names beside their dots from street zoom on, where they fit without covering each other. */
export const venueNameLayer: SymbolLayerSpecification = {
  id: VENUE_NAME_LAYER_ID,
  type: 'symbol',
  source: VENUE_SOURCE_ID,
  'source-layer': VENUE_SOURCE_LAYER,
  minzoom: VENUE_NAME_MINZOOM,
  filter: ['!', isCluster],
  layout: {
    'text-field': ['get', 'name'],
    'text-font': LABEL_FONT,
    'text-size': 12,
    'text-anchor': 'top',
    'text-offset': [0, 0.9],
    'text-max-width': 9,
    'text-optional': true,
  },
  paint: { 'text-color': MARK_COLORS.name, 'text-halo-color': MARK_COLORS.stroke, 'text-halo-width': 1.5 },
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
