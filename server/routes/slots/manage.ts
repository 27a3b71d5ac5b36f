import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { venueSlotsForManagers } from '../../../db/queries/slots.ts';
import { addDays, DAY_MS, localMidnight } from '../../../domain/hours/local-time.ts';
import { requireVenueManager } from '../../auth/ownership.ts';
import { runCommand } from '../../commands/actor.ts';
import { cancelSlot } from '../../commands/cancel-slot.ts';
import { createSlots } from '../../commands/create-slots.ts';
import { updateSlot } from '../../commands/update-slot.ts';
import { Errors } from '../../errors.ts';
import { presentManagedSlot } from '../../presenters/slot.ts';
import { errorResponses } from '../../schemas/common.ts';
import { CreateSlotsBody, MAX_SLOTS_PER_REQUEST } from '../../schemas/slot-times.ts';
import { VenueIdParams } from '../../schemas/venue-console.ts';
import {
  CancelSlotBody,
  ChangedSlot,
  CreatedSlots,
  ManagedSlot,
  ManagedSlotsQuery,
  SlotIdParams,
  UpdateSlotBody,
} from './manage-schema.ts';

const MANAGERS = { access: { roles: ['venue_manager', 'admin'] } } as const;

/** The console's slots: publish single or weekly open days with a school allocation, list, change, cancel. */
const manageSlotRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/venues/:id/slots',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: 'Publish slots: one (`single`) or a weekly pattern over a date range (`recurring`)',
        description:
          'Times are Asia/Shanghai wall-clock for `recurring`, ISO instants for `single`. `school_allocation` places are held ' +
          'for verified school groups until `allocation_release_hours` before the start, then return to the public. ' +
          `At most ${MAX_SLOTS_PER_REQUEST} slots per request; they appear publicly once the venue is published.`,
        operationId: 'createVenueSlots',
        params: VenueIdParams,
        body: CreateSlotsBody,
        response: { 201: CreatedSlots, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const input = { venueId: request.params.id, slots: request.body };
      const created = await runCommand(app.db, createSlots, request.actor, input);
      return reply.code(201).send({ series_id: created.seriesId, slots: created.slots.map(presentManagedSlot) });
    },
  );

  app.get(
    '/api/manage/venues/:id/slots',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: "A venue's slots for its managers, cancelled ones included",
        operationId: 'listManagedSlots',
        params: VenueIdParams,
        querystring: ManagedSlotsQuery,
        response: { 200: Type.Object({ items: Type.Array(ManagedSlot) }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await requireVenueManager(app.db, request.user!, request.params.id);
      const from = request.query.from ? new Date(localMidnight(request.query.from)) : new Date(Date.now() - DAY_MS);
      const to = request.query.to
        ? new Date(localMidnight(addDays(request.query.to, 1)))
        : new Date(Date.now() + 366 * DAY_MS);
      if (to <= from) throw Errors.invalidDateRange('to must not be before from');
      const rows = await venueSlotsForManagers(app.db, request.params.id, from, to);
      return { items: rows.map(presentManagedSlot) };
    },
  );

  app.post(
    '/api/slots/:id/cancel',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: 'Cancel a slot, with a reason; everyone booked in it is told through the outbox',
        operationId: 'cancelSlot',
        params: SlotIdParams,
        body: CancelSlotBody,
        response: { 200: ManagedSlot, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const input = { slotId: request.params.id, reason: request.body.reason };
      return presentManagedSlot(await runCommand(app.db, cancelSlot, request.actor, input));
    },
  );

  app.patch(
    '/api/slots/:id',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: "Change a slot's places, booking window, cancellation deadline or title",
        description:
          'Only a slot that has not started and is not cancelled. Cutting capacity or the school allocation (or moving ' +
          'the release so the public share overflows) below places live bookings take answers 409 CAPACITY_BELOW_TAKEN ' +
          'with `details` {limit, taken, asked}, unless `over_capacity` is `cancel_newest`: then the newest bookings over ' +
          'it are cancelled, each whole, their bookers told, and school places over a smaller allocation become public ' +
          'ones where groups may use them. Audited.',
        operationId: 'updateSlot',
        params: SlotIdParams,
        body: UpdateSlotBody,
        response: { 200: ChangedSlot, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const change = await runCommand(app.db, updateSlot, request.actor, {
        slotId: request.params.id,
        ...request.body,
      });
      return {
        ...presentManagedSlot(change.slot),
        bookings_cancelled: change.cancelled.map((b) => b.id),
        bookings_resplit: change.moved.map((m) => m.id),
      };
    },
  );
};

export default manageSlotRoutes;
