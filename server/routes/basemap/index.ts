import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { SEED_FILES } from '../../../seeds/files.ts';
import { Errors } from '../../errors.ts';
import { errorResponses } from '../../schemas/common.ts';

const LAYERS: Record<string, string> = {
  'provinces.geojson': SEED_FILES.provinces,
  'prefectures.geojson': SEED_FILES.prefectures,
};

/**
 * The offline base map's boundary layers, served from the shipped seed files (read once, then held
 * in memory with an ETag so browsers revalidate cheaply).
 */
const basemapRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const cache = new Map<string, { body: Buffer; etag: string }>();

  app.get(
    '/api/basemap/:layer',
    {
      schema: {
        tags: ['map'],
        summary: 'Offline base-map layer',
        description:
          'Simplified province or prefecture boundaries as GeoJSON: `provinces.geojson`, `prefectures.geojson`.',
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
      const path = LAYERS[request.params.layer];
      if (!path) throw Errors.basemapLayerNotFound();
      let entry = cache.get(path);
      if (!entry) {
        const body = await readFile(path);
        entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
        cache.set(path, entry);
      }
      reply.header('etag', entry.etag).header('cache-control', 'public, max-age=86400');
      if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send();
      return reply.type('application/geo+json').send(entry.body);
    },
  );
};

export default basemapRoutes;
