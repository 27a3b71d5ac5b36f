/**
 * The venue tiles on a live MapLibre map: (re)creating their source and layers, finding the venue or
 * cluster under the pointer, and summarising what is drawn. Takes the map as an argument, so the
 * component only wires events.
 */

import type { Map as MapLibreMap, MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import type { LngLat } from './camera';
import { readTileFeature, type TileFeature } from './features';
import {
  CLUSTER_COUNT_LAYER_ID,
  CLUSTER_LAYER_ID,
  clusterCountLayer,
  clusterLayer,
  highlightFilter,
  PLACE_LAYER_ID,
  VENUE_HIGHLIGHT_LAYER_ID,
  VENUE_LAYER_ID,
  VENUE_SOURCE_ID,
  venueCircleLayer,
  venueHighlightLayer,
  VENUE_NAME_LAYER_ID,
  venueNameLayer,
  venueSource,
} from './layers';
import { PLACE_LABEL_LEVELS, placeLabelLayerId } from './style';

/**
 * (Re)create the venue source from a TileJSON URL, with its layers under the place marker. A fresh
 * source rather than `setUrl`: when the URL changes several times in quick succession MapLibre can
 * apply an older TileJSON answer after a newer one, which would leave the map on stale filters.
 * @param highlightedId the venue to draw highlighted from the start
 */
export function showVenueTiles(m: MapLibreMap, tileJsonUrl: string, highlightedId: string | null): void {
  for (const layer of [
    VENUE_NAME_LAYER_ID,
    CLUSTER_COUNT_LAYER_ID,
    VENUE_HIGHLIGHT_LAYER_ID,
    VENUE_LAYER_ID,
    CLUSTER_LAYER_ID,
  ]) {
    if (m.getLayer(layer)) m.removeLayer(layer);
  }
  if (m.getSource(VENUE_SOURCE_ID)) m.removeSource(VENUE_SOURCE_ID);
  m.addSource(VENUE_SOURCE_ID, venueSource(tileJsonUrl));
  const before = m.getLayer(PLACE_LAYER_ID) ? PLACE_LAYER_ID : undefined;
  m.addLayer(clusterLayer, before);
  m.addLayer(venueCircleLayer, before);
  m.addLayer({ ...venueHighlightLayer, filter: highlightFilter(highlightedId) }, before);
  m.addLayer(clusterCountLayer, before);
  m.addLayer(venueNameLayer, before);
}

/** A venue or cluster under the pointer, and where it is drawn. */
export interface TileHit {
  feature: TileFeature;
  lngLat: LngLat;
}

function pointOf(feature: MapGeoJSONFeature): LngLat | null {
  const g = feature.geometry;
  return g.type === 'Point' ? [g.coordinates[0] ?? 0, g.coordinates[1] ?? 0] : null;
}

/** The venue or cluster drawn at a screen point, if any. */
export function tileHitAt(m: MapLibreMap, point: PointLike): TileHit | null {
  for (const rendered of m.queryRenderedFeatures(point, { layers: [VENUE_LAYER_ID, CLUSTER_LAYER_ID] })) {
    const feature = readTileFeature(rendered.properties);
    const lngLat = pointOf(rendered);
    if (feature && lngLat) return { feature, lngLat };
  }
  return null;
}

/** The venue id of a hit; null for clusters of several and for nothing. */
export function venueIdOf(hit: TileHit | null): string | null {
  return hit?.feature.kind === 'venue' ? hit.feature.id : null;
}

/** What the map draws once settled: single venues, clusters, and where the biggest cluster is. */
export interface DrawnVenues {
  venues: number;
  clusters: number;
  /** "x,y" pixels of the biggest cluster in the map, empty when none. */
  largestCluster: string;
  /** Numbers drawn on clusters, and venue names drawn beside dots (for tests). */
  countLabels: number;
  nameLabels: number;
  /** The distinct colours dots and clusters are painted in, as `rgba(r,g,b,a)`. */
  colours: string[];
  /** Place names the base map draws (the offline style's own label layers). */
  placeLabels: number;
  /** "x,y" pixels of one single venue drawn, and its name, empty when none (tests hover it). */
  someVenue: string;
  someVenueName: string;
}

/** Count the venue features drawn in view (tests and the map's data attributes read these). */
export function drawnVenues(m: MapLibreMap): DrawnVenues {
  const clusters = m.queryRenderedFeatures({ layers: [CLUSTER_LAYER_ID] });
  const venues = m.queryRenderedFeatures({ layers: [VENUE_LAYER_ID] });
  const colours = new Set<string>();
  for (const f of [...clusters, ...venues]) colours.add(String(f.layer.paint?.['circle-color' as never] ?? ''));
  const labelLayers = PLACE_LABEL_LEVELS.map((l) => placeLabelLayerId(l.level)).filter((id) => m.getLayer(id));
  const single = venues.find((f) => f.properties.name);
  const singleAt = single ? pointOf(single) : null;
  const singlePixel = singleAt ? m.project(singleAt) : null;
  let largest: MapGeoJSONFeature | null = null;
  for (const c of clusters) {
    if (Number(c.properties.count) > Number(largest?.properties.count ?? 0)) largest = c;
  }
  const at = largest ? pointOf(largest) : null;
  const pixel = at ? m.project(at) : null;
  return {
    venues: venues.length,
    clusters: clusters.length,
    largestCluster: pixel ? `${Math.round(pixel.x)},${Math.round(pixel.y)}` : '',
    countLabels: m.queryRenderedFeatures({ layers: [CLUSTER_COUNT_LAYER_ID] }).length,
    nameLabels: m.queryRenderedFeatures({ layers: [VENUE_NAME_LAYER_ID] }).length,
    colours: [...colours].sort(),
    placeLabels: labelLayers.length ? m.queryRenderedFeatures({ layers: labelLayers }).length : 0,
    someVenue: singlePixel ? `${Math.round(singlePixel.x)},${Math.round(singlePixel.y)}` : '',
    someVenueName: single ? String(single.properties.name) : '',
  };
}
