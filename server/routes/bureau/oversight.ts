import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { regionVenues, venueOversight } from '../../../db/queries/venues.ts';
import { PUBLICATION_STATUSES, VERIFICATION_STATUSES } from '../../../domain/vocab.ts';
import { regionOf } from '../../auth/access.ts';
import { requireOverseer } from '../../auth/ownership.ts';
import { presentOverseenVenue } from '../../presenters/bureau-venue.ts';
import { presentDesignation } from '../../presenters/designation.ts';
import { errorResponses, FiniteInteger, Literals, Nullable } from '../../schemas/common.ts';
import { Designation } from '../../schemas/designation.ts';
import { IdParams } from './schema.ts';
import { BUREAU } from './shared.ts';

const OverseenVenue = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  adcode: Nullable(Type.String()),
  district_name: Nullable(Type.String()),
  status: Literals(PUBLICATION_STATUSES),
  verification_status: Literals(VERIFICATION_STATUSES),
  review_note: Nullable(Type.String()),
  organisation: Nullable(Type.String({ description: 'Who manages it, if anyone' })),
});

/**
 * The bureau's look at the venues of its region, whatever their status (suspended ones must be found to
 * be reinstated), with each venue's designations and programmes to act on.
 */
const oversightRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/bureau/venues',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Venues of the caller’s region by name, drafts and suspended ones included',
        operationId: 'listRegionVenues',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            limit: Type.Optional(FiniteInteger({ minimum: 1, maximum: 100, default: 20 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(OverseenVenue) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const rows = await regionVenues(app.db, {
        regionPrefix: regionOf(request.user!),
        q: request.query.q?.trim() || undefined,
        limit: request.query.limit ?? 20,
      });
      return { items: rows.map(presentOverseenVenue) };
    },
  );

  app.get(
    '/api/bureau/venues/:id',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'A venue of the region with all its designations (revoked too) and programmes (suspended too)',
        operationId: 'getRegionVenue',
        params: IdParams,
        response: {
          200: Type.Object({
            venue: OverseenVenue,
            designations: Type.Array(Designation),
            programmes: Type.Array(
              Type.Object({
                id: Type.String({ format: 'uuid' }),
                title: Type.String(),
                status: Literals(PUBLICATION_STATUSES),
                review_note: Nullable(Type.String()),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const venue = await requireOverseer(app.db, request.user!, request.params.id);
      const [row] = await regionVenues(app.db, { regionPrefix: '', id: venue.id, limit: 1 });
      const { designations, programmes } = await venueOversight(app.db, venue.id);
      return {
        venue: presentOverseenVenue(row!),
        designations: designations.map(presentDesignation),
        programmes: programmes.map((p) => ({
          id: p.id,
          title: p.titleZh,
          status: p.status as (typeof PUBLICATION_STATUSES)[number],
          review_note: p.reviewNote,
        })),
      };
    },
  );
};

export default oversightRoutes;
