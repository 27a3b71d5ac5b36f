import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

/**
 * The OpenAPI 3 document, built from every route's own schema, at /api/openapi.json, and the
 * interactive docs at /api/docs. Routes without tags are hidden, so a missing contract shows.
 */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Kaimen (开门) API',
          description:
            'Discovery map and booking service for places where children learn outside school. Errors are ' +
            '`{"error":{"code","message"}}`; every 4xx carries a stable code.',
          version: '0.1.0',
        },
        tags: [
          { name: 'system', description: 'Health and client configuration' },
          { name: 'venues', description: 'The catalogue of venues' },
          { name: 'slots', description: "What's on: open days and programme sessions" },
          { name: 'map', description: 'Base map and tiles' },
          { name: 'imports', description: 'Venue imports from CSV or GeoJSON files, run as jobs' },
        ],
      },
      hiddenTag: 'hidden',
      hideUntagged: true,
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
      },
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  },
  { name: 'swagger' },
);
