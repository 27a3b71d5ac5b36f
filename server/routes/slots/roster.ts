import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { slotRoster } from '../../../db/queries/check-ins.ts';
import { requireVenueStaff } from '../../auth/ownership.ts';
import { Errors } from '../../errors.ts';
import { presentRoster, rosterCsv } from '../../presenters/slot-roster.ts';
import { errorResponses, Literals } from '../../schemas/common.ts';

const CSV = 'text/csv';
const Uuid = Type.String({ format: 'uuid' });
const tally = (description: string) =>
  Type.Object({ bookings: Type.Integer(), places: Type.Integer() }, { description });

const RosterParams = Type.Object({ id: Uuid }, { additionalProperties: false });
const RosterQuery = Type.Object(
  {
    format: Type.Optional(
      Literals(['json', 'csv'] as const, {
        description: 'csv: the same list as a file for Excel (or send Accept: text/csv)',
      }),
    ),
  },
  { additionalProperties: false },
);
const Roster = Type.Object({
  slot: Type.Object({
    id: Uuid,
    title: Type.Union([Type.String(), Type.Null()]),
    starts_at: Type.String({ format: 'date-time' }),
    ends_at: Type.String({ format: 'date-time' }),
    status: Type.String(),
    venue: Type.Object({ id: Uuid, name: Type.String() }),
  }),
  counts: Type.Object({
    capacity: Type.Integer(),
    places_taken: Type.Integer({ description: 'Confirmed, and pending or held within their deadline' }),
    booked: tally('Confirmed bookings'),
    pending: tally('Requests waiting for the venue, within their deadline'),
    held: tally('Waitlist offers holding places'),
    waitlisted: Type.Object(
      { entries: Type.Integer(), places: Type.Integer() },
      { description: 'Waitlist entries waiting or holding an offer' },
    ),
    checked_in: Type.Object({
      bookings: Type.Integer(),
      places: Type.Integer(),
      arrived_adults: Type.Integer(),
      arrived_minors: Type.Integer(),
    }),
  }),
  items: Type.Array(Type.Ref('Booking')),
});

/** A slot's bookings for its venue: the list at the door, with counts, as JSON or CSV. */
const slotRosterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/manage/slots/:id/bookings',
    {
      config: { access: { roles: ['venue_manager', 'admin'] } },
      schema: {
        tags: ['slots'],
        summary: "A slot's bookings for its venue, with counts (JSON or CSV)",
        description:
          'Every booking of the slot (cancelled ones too), with per-slot counts of booked, pending, held, waitlisted and ' +
          'checked in. `?format=csv` or `Accept: text/csv` answers a CSV file: UTF-8 with a byte-order mark (Excel reads ' +
          'Chinese), times in Beijing time, cells starting with = + - @ defused.',
        operationId: 'listSlotBookings',
        params: RosterParams,
        querystring: RosterQuery,
        response: {
          200: {
            description: "The slot's bookings",
            content: { 'application/json': { schema: Roster }, [CSV]: { schema: Type.String() } },
          },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const roster = await slotRoster(app.db, request.params.id);
      if (!roster) throw Errors.slotNotFound();
      await requireVenueStaff(app.db, request.user!, roster.slot.venueId);
      void reply.header('cache-control', 'no-store');
      const csv =
        request.query.format === 'csv' || (request.query.format === undefined && wantsCsv(request.headers.accept));
      if (!csv) return presentRoster(roster);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="kaimen-slot-${roster.slot.id}-bookings.csv"`)
        .send(rosterCsv(roster));
    },
  );
};

function wantsCsv(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes(CSV);
}

export default slotRosterRoutes;
