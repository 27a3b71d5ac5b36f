import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

/** What the web client needs to know about this deployment. */
const configRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/config',
    {
      schema: {
        tags: ['system'],
        summary: 'Client configuration',
        description: '`basemap_style_url` is null when the offline base map is used.',
        operationId: 'getClientConfig',
        response: {
          200: Type.Object({ basemap_style_url: Type.Union([Type.String(), Type.Null()]) }),
        },
      },
    },
    async () => ({ basemap_style_url: app.config.basemapStyleUrl ?? null }),
  );
};

export default configRoutes;
