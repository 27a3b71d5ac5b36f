import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { waitlistEntriesOfUser } from '../../../db/queries/waitlist.ts';
import { runCommand } from '../../commands/actor.ts';
import { joinWaitlist } from '../../commands/join-waitlist.ts';
import { leaveWaitlist } from '../../commands/leave-waitlist.ts';
import { presentWaitlistEntry } from '../../presenters/waitlist-entry.ts';
import { WaitlistBody } from '../../schemas/booking-party.ts';
import { errorResponses } from '../../schemas/common.ts';
import { idempotentWrite } from '../../services/idempotency.ts';
import {
  IdempotencyHeaders,
  MyWaitlistQuery,
  SlotWaitlistParams,
  WaitlistEntry,
  WaitlistEntryList,
  WaitlistEntryParams,
} from './schema.ts';

const SIGNED_IN = { access: 'signed_in' } as const;

/** The waitlist: parties wait for a full slot in order; freed places are offered to them first. */
const waitlistRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(WaitlistEntry);

  app.post(
    '/api/slots/:id/waitlist',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['waitlist'],
        summary: 'Join a full slot’s waitlist with a family or a school group',
        description:
          'The body is a booking’s without `slot_id`, under the same party rules. Only for a slot full for this party ' +
          '(409 PLACES_AVAILABLE: book instead) whose waitlist is open (409 WAITLIST_CLOSED); one live entry per account ' +
          'and slot (409 ALREADY_WAITLISTED). When places free up, the first entry whose party fits is offered them, ' +
          'held for 12 hours at most (never past the slot’s start): accept with `POST /api/bookings/{id}/accept`.',
        operationId: 'joinWaitlist',
        headers: IdempotencyHeaders,
        params: SlotWaitlistParams,
        body: WaitlistBody,
        response: { 201: Type.Ref('WaitlistEntry'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      idempotentWrite(app.db, request, reply, async (db) => ({
        statusCode: 201,
        body: presentWaitlistEntry(
          await runCommand(db, joinWaitlist, request.actor, { slotId: request.params.id, party: request.body }),
        ),
      })),
  );

  app.get(
    '/api/waitlist',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['waitlist'],
        summary: 'My waitlist entries, newest first, with their offers',
        operationId: 'listMyWaitlist',
        querystring: MyWaitlistQuery,
        response: { 200: WaitlistEntryList, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const rows = await waitlistEntriesOfUser(app.db, request.user!.id, request.query.limit ?? 100);
      void reply.header('cache-control', 'no-store');
      return { items: rows.map(presentWaitlistEntry) };
    },
  );

  app.delete(
    '/api/waitlist/:id',
    {
      config: SIGNED_IN,
      schema: {
        tags: ['waitlist'],
        summary: 'Leave a waitlist; an offer held for you is released to the next entry',
        description: 'A second leave answers 409 WAITLIST_ENTRY_NOT_LIVE.',
        operationId: 'leaveWaitlist',
        params: WaitlistEntryParams,
        response: { 200: Type.Ref('WaitlistEntry'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentWaitlistEntry(await runCommand(app.db, leaveWaitlist, request.actor, { entryId: request.params.id })),
  );
};

export default waitlistRoutes;
