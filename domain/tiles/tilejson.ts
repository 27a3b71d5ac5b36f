import { COORD_PRECISIONS, MINORS_ADMISSIONS } from '../vocab.ts';
import { CLUSTER_BELOW_ZOOM, MAX_MERCATOR_LAT, TILEJSON_MAX_ZOOM } from './tile-math.ts';

/** The venue layer's fields, as TileJSON describes them (the type first, as tippecanoe writes it). */
export const VENUE_LAYER_FIELDS: Record<string, string> = {
  id: 'String: the venue id (UUID); on a cluster only when its count is 1',
  name: 'String: the Chinese name; on a cluster only when its count is 1',
  kinds: `String: comma-separated venue kinds (from zoom ${CLUSTER_BELOW_ZOOM})`,
  minors_admission: `String: ${MINORS_ADMISSIONS.join(', ')}; on a cluster, the one most of its venues have`,
  coord_precision: `String: ${COORD_PRECISIONS.join(', ')} (from zoom ${CLUSTER_BELOW_ZOOM})`,
  count: `Number: venues in the cluster (below zoom ${CLUSTER_BELOW_ZOOM})`,
  cluster: `Boolean: true on clusters (below zoom ${CLUSTER_BELOW_ZOOM})`,
};

/** The whole Web Mercator square, the bounds when no venue matches. */
const WORLD_BOUNDS: [number, number, number, number] = [-180, -MAX_MERCATOR_LAT, 180, MAX_MERCATOR_LAT];

/** A TileJSON 3.0.0 document for the venue tiles (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0). */
export interface VenueTileJson {
  tilejson: '3.0.0';
  name: string;
  description: string;
  scheme: 'xyz';
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  bounds: [number, number, number, number];
  vector_layers: {
    id: string;
    description: string;
    minzoom: number;
    maxzoom: number;
    fields: Record<string, string>;
  }[];
}

/**
 * The TileJSON for one tile URL template and the box of the venues it shows (the world when it shows
 * none, so a client still has bounds to fit).
 */
export function buildVenueTileJson(options: {
  tiles: string;
  layer: string;
  bounds: [number, number, number, number] | undefined;
}): VenueTileJson {
  return {
    tilejson: '3.0.0',
    name: 'Kaimen venues',
    description: 'Published venues where children learn outside school, clustered at low zoom',
    scheme: 'xyz',
    tiles: [options.tiles],
    minzoom: 0,
    maxzoom: TILEJSON_MAX_ZOOM,
    bounds: options.bounds ?? WORLD_BOUNDS,
    vector_layers: [
      {
        id: options.layer,
        description:
          `Below zoom ${CLUSTER_BELOW_ZOOM}: one point per occupied cluster cell (64 px of a 512 px tile), at the ` +
          `mean position of its venues, with count and cluster. From zoom ${CLUSTER_BELOW_ZOOM}: one point per venue.`,
        minzoom: 0,
        maxzoom: TILEJSON_MAX_ZOOM,
        fields: VENUE_LAYER_FIELDS,
      },
    ],
  };
}

/**
 * The tiles URL template on the origin the client used, carrying the filters given (only those: the
 * query was validated against them), so every tile shows what the TileJSON was asked for.
 */
export function venueTileUrlTemplate(origin: string, filters: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const query = params.toString();
  return `${origin}/api/tiles/venues/{z}/{x}/{y}.mvt${query ? `?${query}` : ''}`;
}
