import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { findDistricts } from '../../../db/queries/districts.ts';
import { errorResponses } from '../../schemas/common.ts';
import { DistrictMatches, DistrictQuery } from './schema.ts';

/** Find a province, city or district by name, to centre a search on it (the place box of the map). */
const districtRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/districts',
    {
      schema: {
        tags: ['venues'],
        summary: 'Administrative divisions by name, each with a point to centre a search on',
        description:
          'Ranked exact name, then prefix, then contains; provinces before cities before districts. County-level ' +
          'districts have no boundary in the seed data: their point is the middle of their venues (`located: venues`) ' +
          "or their city's label point (`located: parent`).",
        operationId: 'findDistricts',
        querystring: DistrictQuery,
        response: {
          200: DistrictMatches,
          ...errorResponses(400),
        },
      },
    },
    async (request) => ({ items: await findDistricts(app.db, request.query.q.trim(), request.query.limit ?? 8) }),
  );
};

export default districtRoutes;
