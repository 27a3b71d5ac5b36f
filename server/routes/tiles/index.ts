import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { VENUE_LAYER, venueTileBounds } from '../../../db/queries/tiles.ts';
import { CLUSTER_BELOW_ZOOM, MAX_TILE_ZOOM, isTileInRange } from '../../../domain/tiles/tile-math.ts';
import { buildVenueTileJson, venueTileUrlTemplate } from '../../../domain/tiles/tilejson.ts';
import { ApiError } from '../../errors.ts';
import { errorResponses } from '../../schemas/common.ts';
import { parseVenueFilters } from '../../schemas/venue-filters.ts';
import { venueTile } from '../../services/venue-tiles.ts';
import { MVT_MEDIA_TYPE, TileParams, TileQuery, VenueTileJson } from './schema.ts';

/** Short enough that a newly published venue shows within a minute, long enough to spare panning maps. */
const MAX_AGE_S = 60;
const CACHE_CONTROL = `public, max-age=${MAX_AGE_S}`;

const invalidTile = () =>
  new ApiError(400, 'INVALID_TILE', `z/x/y must be whole numbers with 0 ≤ z ≤ ${MAX_TILE_ZOOM} and 0 ≤ x, y < 2^z`);

/**
 * Vector tiles of the published venues for the map, filtered like `/api/venues` (services/venue-tiles.ts
 * encodes and caches them), and their TileJSON.
 */
const tileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/tiles/venues/:z/:x/:y.mvt',
    {
      // A bad z/x/y must answer INVALID_TILE, a code the shared error handler cannot know, so this route
      // sees its validation failures: params become INVALID_TILE, the rest go to the handler unchanged.
      attachValidation: true,
      schema: {
        tags: ['map'],
        summary: 'Venue vector tile',
        description:
          `A Mapbox Vector Tile with one layer, \`${VENUE_LAYER}\`: below zoom ${CLUSTER_BELOW_ZOOM}, clusters on a ` +
          'world-anchored grid (`count`, `cluster`, and `id`/`name` for a cluster of one); from zoom ' +
          `${CLUSTER_BELOW_ZOOM}, one point per venue (\`id\`, \`name\`, ` +
          '`kinds`, `minors_admission`, `coord_precision`). Filters as in `/api/venues`. A tile with no venue answers ' +
          '204 with no body. Tiles carry an ETag; send `If-None-Match` to get 304.',
        operationId: 'getVenueTile',
        params: TileParams,
        querystring: TileQuery,
        response: {
          200: {
            description: 'The tile',
            content: { [MVT_MEDIA_TYPE]: { schema: Type.String({ format: 'binary' }) } },
          },
          204: { description: 'No venue in this tile', type: 'null' },
          304: { description: 'Not modified (the ETag matched)', type: 'null' },
          ...errorResponses(400),
        },
      },
    },
    async (request, reply) => {
      const failure = request.validationError;
      if (failure) throw failure.validationContext === 'params' ? invalidTile() : failure;
      const tile = request.params;
      if (!isTileInRange(tile)) throw invalidTile();
      const { bytes, etag, ageS } = await venueTile(
        app,
        { tile, filters: parseVenueFilters(request.query) },
        MAX_AGE_S * 1000,
      );
      // The Age header makes a browser count the time the tile spent in memory against max-age.
      if (ageS !== undefined) reply.header('age', ageS);
      reply.header('cache-control', CACHE_CONTROL);
      if (bytes.length === 0) return reply.code(204).send();
      reply.header('etag', etag);
      if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply.type(MVT_MEDIA_TYPE).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );

  app.get(
    '/api/tiles/venues.json',
    {
      schema: {
        tags: ['map'],
        summary: 'TileJSON of the venue tiles',
        description:
          'TileJSON 3.0.0 for a MapLibre vector source: the tile URL template on the host asked, carrying the ' +
          'filters given, the bounds of the matching venues, and the layer and its fields.',
        operationId: 'getVenueTileJson',
        querystring: TileQuery,
        response: { 200: VenueTileJson, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const filters = parseVenueFilters(request.query);
      const bounds = await venueTileBounds(app.db, filters);
      const tiles = venueTileUrlTemplate(`${request.protocol}://${request.host}`, request.query);
      reply.header('cache-control', CACHE_CONTROL);
      return buildVenueTileJson({ tiles, layer: VENUE_LAYER, bounds });
    },
  );
};

/** True when an If-None-Match header names this ETag (weak or strong, as a list, or `*`). */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

export default tileRoutes;
