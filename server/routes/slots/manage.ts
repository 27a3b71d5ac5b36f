import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { cancelSlotBookings } from '../../../db/queries/bookings.ts';
import { programmeVenue } from '../../../db/queries/programmes.ts';
import { cancelSlot, getSlot, insertSlots, venueSlotsForManagers, type NewSlot } from '../../../db/queries/slots.ts';
import type { slots } from '../../../db/schema/index.ts';
import { addDays, DAY_MS, localMidnight, MINUTE_MS, weekdayIndex } from '../../../domain/hours/local-time.ts';
import { requireVenueManager } from '../../auth/ownership.ts';
import { Errors } from '../../errors.ts';
import { errorResponses } from '../../schemas/common.ts';
import { recordAudit } from '../../commands/audit.ts';
import { enqueueMessage } from '../../../db/queries/outbox.ts';
import { slotCancelledMessage } from '../../messages/slot-cancelled.ts';
import { VenueIdParams } from '../venues/manage-schema.ts';
import {
  CancelSlotBody,
  CreatedSlots,
  CreateSlotsBody,
  ManagedSlot,
  ManagedSlotsQuery,
  MAX_SLOTS_PER_REQUEST,
  SlotIdParams,
} from './manage-schema.ts';

const MANAGERS = { access: { roles: ['venue_manager', 'admin'] } } as const;
const HOUR_MS = 60 * MINUTE_MS;

/** The console's slots: publish single or weekly open days with a school allocation, list, cancel. */
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
      const { id: venueId } = request.params;
      const body = request.body;
      const venue = await requireVenueManager(app.db, request.user!, venueId);
      if ((body.single === undefined) === (body.recurring === undefined)) {
        throw Errors.slotShape('give exactly one of single or recurring');
      }
      const allocation = body.school_allocation ?? 0;
      if (allocation > body.capacity) throw Errors.invalidAllocation('school_allocation is above capacity');
      if (allocation > 0 && body.allocation_release_hours === undefined) {
        throw Errors.invalidAllocation('a school allocation needs allocation_release_hours');
      }
      if (body.programme_id && (await programmeVenue(app.db, body.programme_id)) !== venueId) {
        throw Errors.programmeNotAtVenue();
      }
      const times = body.single ? singleTimes(body.single) : weeklyTimes(body.recurring!);
      const now = Date.now();
      if (times.some((t) => t.startsAt.getTime() <= now)) throw Errors.slotInPast();

      const rows: NewSlot[] = times.map(({ startsAt, endsAt }) => ({
        venueId,
        programmeId: body.programme_id ?? null,
        kind: body.programme_id ? 'programme' : 'open_day',
        title: body.title?.trim() ?? null,
        startsAt,
        endsAt,
        capacity: body.capacity,
        schoolAllocation: allocation,
        allocationReleaseAt:
          allocation > 0 ? new Date(startsAt.getTime() - body.allocation_release_hours! * HOUR_MS) : null,
      }));
      const created = await app.db.transaction(async (tx) => {
        const r = body.recurring;
        const result = await insertSlots(
          tx,
          r
            ? {
                venueId,
                programmeId: body.programme_id ?? null,
                weekdays: r.weekdays,
                startTime: r.start_time,
                endTime: r.end_time,
                firstDay: r.first_day,
                lastDay: r.last_day,
                exceptDays: r.except_days ?? [],
              }
            : undefined,
          rows,
        );
        await recordAudit(tx, request.actor, {
          action: 'slots.create',
          entityType: r ? 'slot_series' : 'slot',
          entityId: result.seriesId ?? result.slots[0]!.id,
          adcode: venue.adcode,
          after: { venue_id: venueId, request: body, slots: result.slots.length },
        });
        return result;
      });
      return reply.code(201).send({ series_id: created.seriesId, slots: created.slots.map(toManagedSlot) });
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
      return { items: rows.map(toManagedSlot) };
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
      const slot = await getSlot(app.db, request.params.id);
      if (!slot) throw Errors.slotNotFound();
      const venue = await requireVenueManager(app.db, request.user!, slot.venueId);
      const cancelled = await app.db.transaction(async (tx) => {
        const row = await cancelSlot(tx, slot.id);
        if (!row) throw Errors.slotAlreadyCancelled();
        const reason = request.body.reason.trim();
        const affected = await cancelSlotBookings(tx, slot.id);
        for (const booking of affected) {
          await enqueueMessage(
            tx,
            booking.email,
            slotCancelledMessage({
              recipientName: booking.displayName,
              booking,
              venueName: venue.nameZh,
              startsAt: row.startsAt,
              reason,
            }),
          );
        }
        await recordAudit(tx, request.actor, {
          action: 'slot.cancel',
          entityType: 'slot',
          entityId: slot.id,
          adcode: venue.adcode,
          before: { status: slot.status },
          after: { status: row.status, reason, bookings_cancelled: affected.map((b) => b.id) },
        });
        return row;
      });
      return toManagedSlot(cancelled);
    },
  );
};

function singleTimes(single: { starts_at: string; ends_at: string }) {
  const startsAt = new Date(single.starts_at);
  const endsAt = new Date(single.ends_at);
  if (endsAt <= startsAt) throw Errors.slotShape('ends_at must be after starts_at');
  if (endsAt.getTime() - startsAt.getTime() > DAY_MS) throw Errors.slotShape('a slot lasts at most a day');
  return [{ startsAt, endsAt }];
}

/** The instants of a weekly pattern, in Shanghai wall-clock time, skipping the exception days. */
export function weeklyTimes(r: {
  weekdays: number[];
  start_time: string;
  end_time: string;
  first_day: string;
  last_day: string;
  except_days?: string[] | undefined;
}): { startsAt: Date; endsAt: Date }[] {
  if (r.end_time <= r.start_time) throw Errors.slotShape('end_time must be after start_time');
  if (r.last_day < r.first_day) throw Errors.slotShape('last_day must not be before first_day');
  if (localMidnight(r.last_day) - localMidnight(r.first_day) > 366 * DAY_MS) {
    throw Errors.slotShape('a pattern spans at most a year');
  }
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const except = new Set(r.except_days ?? []);
  const out: { startsAt: Date; endsAt: Date }[] = [];
  for (let day = r.first_day; day <= r.last_day; day = addDays(day, 1)) {
    if (!r.weekdays.includes(weekdayIndex(day) + 1) || except.has(day)) continue;
    const midnight = localMidnight(day);
    out.push({
      startsAt: new Date(midnight + minutes(r.start_time) * MINUTE_MS),
      endsAt: new Date(midnight + minutes(r.end_time) * MINUTE_MS),
    });
  }
  if (out.length === 0) throw Errors.slotShape('the pattern gives no slot in that range');
  if (out.length > MAX_SLOTS_PER_REQUEST) {
    throw Errors.slotShape(`the pattern gives ${out.length} slots; at most ${MAX_SLOTS_PER_REQUEST} per request`);
  }
  return out;
}

function toManagedSlot(s: typeof slots.$inferSelect) {
  return {
    id: s.id,
    series_id: s.seriesId,
    programme_id: s.programmeId,
    kind: s.kind,
    title: s.title,
    starts_at: s.startsAt.toISOString(),
    ends_at: s.endsAt.toISOString(),
    capacity: s.capacity,
    school_allocation: s.schoolAllocation,
    allocation_release_at: s.allocationReleaseAt?.toISOString() ?? null,
    status: s.status,
    is_sample: s.isSample,
  };
}

export default manageSlotRoutes;
