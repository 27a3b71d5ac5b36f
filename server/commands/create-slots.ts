import type { Db } from '../../db/client.ts';
import { programmeVenue } from '../../db/queries/programmes.ts';
import { insertSlots, type ManagedSlotRow, type NewSlot } from '../../db/queries/slots.ts';
import { addDays, DAY_MS, localMidnight, MINUTE_MS, weekdayIndex } from '../../domain/hours/local-time.ts';
import { requireVenueManager } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { MAX_SLOTS_PER_REQUEST, type CreateSlotsBody } from '../schemas/slot-times.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

const HOUR_MS = 60 * MINUTE_MS;

export interface CreateSlotsInput {
  venueId: string;
  /** One slot (`single`) or a weekly pattern (`recurring`), with capacity and school allocation. */
  slots: CreateSlotsBody;
}

export interface CreatedSlots {
  /** The weekly pattern's id; null for a single slot. */
  seriesId: string | null;
  slots: ManagedSlotRow[];
}

/**
 * A venue's manager publishes slots: one, or a weekly pattern over a date range (Shanghai wall-clock
 * times, exception days skipped). `school_allocation` places are held for verified school groups until
 * `allocation_release_hours` before the start. Every slot starts in the future; a programme's slots
 * must be of one of the venue's programmes. Audited once, for the single slot or the series.
 */
export async function createSlots(tx: Db, actor: SignedInActor, input: CreateSlotsInput): Promise<CreatedSlots> {
  const { venueId, slots: body } = input;
  const venue = await requireVenueManager(tx, actor.user, venueId);
  if ((body.single === undefined) === (body.recurring === undefined)) {
    throw Errors.slotShape('give exactly one of single or recurring');
  }
  const allocation = body.school_allocation ?? 0;
  if (allocation > body.capacity) throw Errors.invalidAllocation('school_allocation is above capacity');
  if (allocation > 0 && body.allocation_release_hours === undefined) {
    throw Errors.invalidAllocation('a school allocation needs allocation_release_hours');
  }
  if (body.programme_id && (await programmeVenue(tx, body.programme_id)) !== venueId) {
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
  const r = body.recurring;
  const series = r && {
    venueId,
    programmeId: body.programme_id ?? null,
    weekdays: r.weekdays,
    startTime: r.start_time,
    endTime: r.end_time,
    firstDay: r.first_day,
    lastDay: r.last_day,
    exceptDays: r.except_days ?? [],
  };
  const created = await insertSlots(tx, series, rows);
  await recordAudit(tx, actor, {
    action: 'slots.create',
    entityType: r ? 'slot_series' : 'slot',
    entityId: created.seriesId ?? created.slots[0]!.id,
    adcode: venue.adcode,
    after: { venue_id: venueId, request: body, slots: created.slots.length },
  });
  return created;
}

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
