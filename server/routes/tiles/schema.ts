import { Type } from '@sinclair/typebox';
import { FiniteInteger } from '../../schemas/common.ts';
import { venueFilterProperties } from '../../schemas/venue-filters.ts';
import { MAX_TILE_ZOOM } from '../../../domain/tiles/tile-math.ts';

export const MVT_MEDIA_TYPE = 'application/vnd.mapbox-vector-tile';

const MAX_TILE_INDEX = 2 ** MAX_TILE_ZOOM - 1;

/** z/x/y in the XYZ scheme; x and y must also be below 2^z, which the route checks (INVALID_TILE). */
export const TileParams = Type.Object({
  z: FiniteInteger({ minimum: 0, maximum: MAX_TILE_ZOOM, description: 'Zoom level' }),
  x: FiniteInteger({ minimum: 0, maximum: MAX_TILE_INDEX, description: 'Column, 0..2^z-1 from 180°W' }),
  y: FiniteInteger({ minimum: 0, maximum: MAX_TILE_INDEX, description: 'Row, 0..2^z-1 from the north' }),
});

/** The same filters as `/api/venues`, so the map and the list always show the same venues. */
export const TileQuery = Type.Object({ ...venueFilterProperties }, { additionalProperties: false });

const Bounds = Type.Array(Type.Number(), {
  minItems: 4,
  maxItems: 4,
  description: '[west, south, east, north] of the matching venues in WGS-84 degrees (the world when none match)',
});

export const VenueTileJson = Type.Object(
  {
    tilejson: Type.Literal('3.0.0'),
    name: Type.String(),
    description: Type.String(),
    scheme: Type.Literal('xyz'),
    tiles: Type.Array(Type.String(), { description: 'URL templates of the tiles, carrying the filters given' }),
    minzoom: Type.Integer(),
    maxzoom: Type.Integer(),
    bounds: Bounds,
    vector_layers: Type.Array(
      Type.Object({
        id: Type.String({ description: 'Source layer name' }),
        description: Type.String(),
        minzoom: Type.Integer(),
        maxzoom: Type.Integer(),
        fields: Type.Record(Type.String(), Type.String(), { description: 'Property name → type and meaning' }),
      }),
    ),
  },
  { description: 'TileJSON 3.0.0 for the venue tiles' },
);
