import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { bookingsOfUser } from '../../../db/queries/bookings.ts';
import { acceptOffer } from '../../commands/accept-offer.ts';
import { runCommand } from '../../commands/actor.ts';
import { requireBookingAccess } from '../../commands/booking-access.ts';
import { cancelBooking } from '../../commands/cancel-booking.ts';
import { bookSlot } from '../../commands/create-booking.ts';
import { decideBooking } from '../../commands/decide-booking.ts';
import { presentBooking } from '../../presenters/booking.ts';
import { BookingBody } from '../../schemas/booking-party.ts';
import { errorResponses } from '../../schemas/common.ts';
import { idempotentWrite } from '../../services/idempotency.ts';
import {
  BookingList,
  BookingParams,
  CancelBookingBody,
  DeclineBookingBody,
  IdempotencyHeaders,
  MyBookingsQuery,
} from './schema.ts';

const SIGNED_IN = { access: 'signed_in' } as const;
const MANAGERS = { access: { roles: ['venue_manager', 'admin'] } } as const;

/** Bookings: families and school groups take places; the venue approves requests; bookers cancel. */
const bookingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/bookings',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['bookings'],
        summary: 'Book places in a slot for a family or a school group',
        description:
          'All or nothing: a party that does not fit whole answers 409 SOLD_OUT (its details say how many places are left and ' +
          "whether the waitlist is open). A group of a verified school's confirmed teacher takes school-allocation places first " +
          'until their release, then public ones where the slot allows. `status` is `pending` when the slot wants the venue’s ' +
          'approval (group requests by default): the places are held until the venue decides or `expires_at`. ' +
          'Children are counts by age band; no name is asked for or stored.',
        operationId: 'createBooking',
        headers: IdempotencyHeaders,
        body: BookingBody,
        response: { 201: Type.Ref('Booking'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      idempotentWrite(app.db, request, reply, async (db) => ({
        statusCode: 201,
        body: presentBooking(await bookSlot(db, request.actor, request.body)),
      })),
  );

  app.get(
    '/api/bookings',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['bookings'],
        summary: 'My bookings, newest first',
        operationId: 'listMyBookings',
        querystring: MyBookingsQuery,
        response: { 200: BookingList, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const rows = await bookingsOfUser(app.db, request.user!.id, request.query.limit ?? 100);
      void reply.header('cache-control', 'no-store');
      return { items: rows.map((row) => presentBooking(row)) };
    },
  );

  app.get(
    '/api/bookings/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['bookings'],
        summary: 'A booking, for its booker, the venue’s managers and the school’s admins',
        operationId: 'getBooking',
        params: BookingParams,
        response: { 200: Type.Ref('Booking'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { booking, relation } = await requireBookingAccess(app.db, request.user!, request.params.id);
      void reply.header('cache-control', 'no-store');
      return presentBooking(booking, relation);
    },
  );

  app.post(
    '/api/bookings/:id/cancel',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['bookings'],
        summary: 'Cancel a booking: the booker until the slot’s deadline, the venue at any time',
        description:
          'Frees its places once; a second cancel answers 409 BOOKING_NOT_LIVE. After `cancel_until` 409 CANCELLATION_CLOSED.',
        operationId: 'cancelBooking',
        params: BookingParams,
        body: Type.Optional(CancelBookingBody),
        response: { 200: Type.Ref('Booking'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const input = { bookingId: request.params.id, reason: request.body?.reason };
      const cancelled = await runCommand(app.db, cancelBooking, request.actor, input);
      return presentBooking(cancelled, cancelled.userId === request.user!.id ? 'booker' : 'venue');
    },
  );

  app.post(
    '/api/bookings/:id/accept',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['bookings'],
        summary: 'Accept a waitlist offer: the held places become a booking (the booker)',
        description:
          '`confirmed`, or `pending` when the slot wants the venue’s approval. Accepting again answers the booking as it ' +
          'is; after the offer’s `expires_at` 409 OFFER_EXPIRED (its places went to the next entry); a booking that is ' +
          'not an offer 409 NOT_AN_OFFER.',
        operationId: 'acceptOffer',
        params: BookingParams,
        response: { 200: Type.Ref('Booking'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentBooking(await runCommand(app.db, acceptOffer, request.actor, { bookingId: request.params.id })),
  );

  app.post(
    '/api/bookings/:id/approve',
    {
      config: MANAGERS,
      schema: {
        tags: ['bookings'],
        summary: "Approve a pending request (the venue's managers)",
        operationId: 'approveBooking',
        params: BookingParams,
        response: { 200: Type.Ref('Booking'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const input = { bookingId: request.params.id, outcome: 'confirmed' as const };
      return presentBooking(await runCommand(app.db, decideBooking, request.actor, input), 'venue');
    },
  );

  app.post(
    '/api/bookings/:id/decline',
    {
      config: MANAGERS,
      schema: {
        tags: ['bookings'],
        summary: "Decline a pending request with a reason (the venue's managers); its places are freed",
        operationId: 'declineBooking',
        params: BookingParams,
        body: DeclineBookingBody,
        response: { 200: Type.Ref('Booking'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const input = { bookingId: request.params.id, outcome: 'declined' as const, reason: request.body.reason };
      return presentBooking(await runCommand(app.db, decideBooking, request.actor, input), 'venue');
    },
  );
};

export default bookingRoutes;
