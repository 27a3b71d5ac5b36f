import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Errors } from '../../errors.ts';
import { errorResponses } from '../../schemas/common.ts';
import { basemapLayer } from '../../services/basemap-layers.ts';

/**
 * The offline base map's boundary layers, served from the shipped seed files (held in memory, with an
 * ETag so browsers revalidate cheaply).
 */
const basemapRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/basemap/:layer',
    {
      schema: {
        tags: ['map'],
        summary: 'Offline base-map layer',
        description:
          'Simplified province or prefecture boundaries as GeoJSON (`provinces.geojson`, `prefectures.geojson`), or their names at label points (`labels.geojson`).',
        operationId: 'getBasemapLayer',
        params: Type.Object({ layer: Type.String({ maxLength: 64 }) }),
        response: {
          200: {
            description: 'GeoJSON FeatureCollection',
            content: { 'application/geo+json': { schema: Type.Any() } },
          },
          304: { description: 'Not modified', type: 'null' },
          ...errorResponses(404),
        },
      },
    },
    async (request, reply) => {
      const layer = basemapLayer(request.params.layer);
      if (!layer) throw Errors.basemapLayerNotFound();
      const entry = await layer;
      reply.header('etag', entry.etag).header('cache-control', 'public, max-age=86400');
      if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send();
      return reply.type('application/geo+json').send(entry.body);
    },
  );
};

export default basemapRoutes;
