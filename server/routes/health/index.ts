import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { postgisVersion } from '../../../db/client.ts';
import { errorResponses } from '../../schemas/common.ts';

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        description:
          'Asks the database each time. 503 DATABASE_UNAVAILABLE with Retry-After while the database cannot be reached (a restart, a failover), as every other route answers then.',
        operationId: 'getHealth',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            db: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
            postgis: Type.String({ description: 'PostGIS library version' }),
          }),
          ...errorResponses(503),
        },
      },
    },
    // Asks the database each time: a health check that cannot reach PostGIS must fail.
    async () => ({ status: 'ok' as const, db: app.engine, postgis: await postgisVersion(app.db) }),
  );
};

export default healthRoutes;
