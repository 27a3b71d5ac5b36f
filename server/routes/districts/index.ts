import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { findDistricts } from '../../../db/queries/districts.ts';
import { errorResponses, FiniteInteger, Nullable } from '../../schemas/common.ts';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

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
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }),
            limit: Type.Optional(FiniteInteger({ minimum: 1, maximum: 20, default: 8 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                adcode: Type.String(),
                name: Type.String(),
                level: literals(['province', 'city', 'district']),
                city: Nullable(Type.String()),
                province: Type.String(),
                lng: Type.Number(),
                lat: Type.Number(),
                located: literals(['label', 'venues', 'parent']),
              }),
            ),
          }),
          ...errorResponses(400),
        },
      },
    },
    async (request) => ({ items: await findDistricts(app.db, request.query.q.trim(), request.query.limit ?? 8) }),
  );
};

export default districtRoutes;
