import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { findSlots } from '../../../db/queries/slots.ts';
import { getVenue } from '../../../db/queries/venue-search.ts';
import { venueCalendar } from '../../../domain/ics.ts';
import { Errors } from '../../errors.ts';
import { errorResponses } from '../../schemas/common.ts';
import { MAX_RANGE_DAYS, VenueSlotsParams } from './schema.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** More events than anyone subscribes to for one venue; keeps the file bounded. */
const MAX_EVENTS = 1000;

/** A venue's coming slots as an iCalendar file a family or a teacher can subscribe to. */
const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/venues/:id/calendar.ics',
    {
      schema: {
        tags: ['slots'],
        summary: "A venue's slots as iCalendar",
        description: `The next ${MAX_RANGE_DAYS} days of scheduled slots, with an Asia/Shanghai VTIMEZONE.`,
        operationId: 'getVenueCalendar',
        params: VenueSlotsParams,
        response: {
          200: { description: 'text/calendar', content: { 'text/calendar': { schema: Type.String() } } },
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const found = await getVenue(app.db, { id: request.params.id });
      if (!found) throw Errors.venueNotFound();
      const { venue } = found;
      const now = new Date();
      const slots = await findSlots(app.db, {
        venueId: venue.id,
        from: now,
        to: new Date(now.getTime() + MAX_RANGE_DAYS * DAY_MS),
        limit: MAX_EVENTS,
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `inline; filename="kaimen-${venue.id}.ics"`)
        .header('cache-control', 'public, max-age=300')
        .send(
          venueCalendar(
            { id: venue.id, name: venue.nameZh, address: venue.addressZh, lng: found.lng, lat: found.lat },
            slots,
            now,
          ),
        );
    },
  );
};

export default calendarRoutes;
