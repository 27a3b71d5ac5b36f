import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { runCommand } from '../../commands/actor.ts';
import { checkIn, correctArrivals, undoCheckIn } from '../../commands/check-in.ts';
import { presentCheckIn } from '../../presenters/check-in.ts';
import { errorResponses } from '../../schemas/common.ts';
import { idempotentWrite } from '../../services/idempotency.ts';
import { ArrivalsBody, CheckIn, CheckInBody, CheckInParams, IdempotencyHeaders } from './schema.ts';

const STAFF = { access: { roles: ['venue_manager', 'admin'] } } as const;

/**
 * Check-in at the door, by the venue's managers and staff. A booking has at most one check-in, so the
 * check-in is addressed by the booking's id: POST creates it from a code, DELETE undoes it (within five
 * minutes), PATCH corrects who came.
 */
const checkInRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/check-ins',
    {
      config: STAFF,
      schema: {
        tags: ['check-ins'],
        summary: 'Check a booking in by its code, once',
        description:
          'For the managers of the booking’s venue. A confirmed booking of today (Beijing time) is checked in once; a second ' +
          'scan answers 409 ALREADY_CHECKED_IN with when and by whom. 409 CODE_OF_ANOTHER_VENUE (with `venue_id`), ' +
          'CODE_OF_ANOTHER_DAY, BOOKING_NOT_CONFIRMED (pending, cancelled…; `details.status`); 404 BOOKING_CODE_NOT_FOUND; ' +
          '400 INVALID_BOOKING_CODE. The counts at the door start as the booked party. Honours `Idempotency-Key`.',
        operationId: 'checkIn',
        headers: IdempotencyHeaders,
        body: CheckInBody,
        response: { 201: CheckIn, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      idempotentWrite(app.db, request, reply, async (db) => {
        const input = { code: request.body.code, venueId: request.body.venue_id };
        return { statusCode: 201, body: presentCheckIn(await runCommand(db, checkIn, request.actor, input)) };
      }),
  );

  app.delete(
    '/api/check-ins/:booking_id',
    {
      config: STAFF,
      schema: {
        tags: ['check-ins'],
        summary: 'Undo a check-in within five minutes',
        description:
          'The code can be used again. 409 NOT_CHECKED_IN when there is nothing to undo, 409 UNDO_WINDOW_CLOSED after five minutes.',
        operationId: 'undoCheckIn',
        params: CheckInParams,
        response: { 200: CheckIn, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentCheckIn(await runCommand(app.db, undoCheckIn, request.actor, { bookingId: request.params.booking_id })),
  );

  app.patch(
    '/api/check-ins/:booking_id',
    {
      config: STAFF,
      schema: {
        tags: ['check-ins'],
        summary: 'Correct who came, as counted at the door',
        description:
          'While the booking is checked in (409 NOT_CHECKED_IN otherwise). The counts may differ from the booked party but not ' +
          'exceed the slot’s capacity (400 ARRIVED_TOO_MANY).',
        operationId: 'correctArrivals',
        params: CheckInParams,
        body: ArrivalsBody,
        response: { 200: CheckIn, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const input = {
        bookingId: request.params.booking_id,
        arrivedAdults: request.body.arrived_adults,
        arrivedMinors: request.body.arrived_minors,
      };
      return presentCheckIn(await runCommand(app.db, correctArrivals, request.actor, input));
    },
  );
};

export default checkInRoutes;
