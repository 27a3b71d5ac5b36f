import type { Db } from '../../db/client.ts';
import {
  expireLapsedBookings,
  lockSlotForBooking,
  slotBookingFacts,
  updateBooking,
} from '../../db/queries/bookings.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import {
  getSlot,
  placeTakingBookings,
  updateSlotRow,
  type ManagedSlotRow,
  type NewSlot,
  type PlaceTakingBooking,
} from '../../db/queries/slots.ts';
import { brokenLimit, planCut, type PlacesMove, type PlacesShape } from '../../domain/capacity-cut.ts';
import { placesLeft, type PlacesLeft } from '../../domain/places-left.ts';
import { requireVenueManager } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { bookingCutMessage } from '../messages/booking-cut.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { offerFreedPlaces } from './waitlist-offers.ts';

/** What happens to bookings over a cut: refused (409 CAPACITY_BELOW_TAKEN, the default), or the newest cancelled. */
export type OverCapacity = 'refuse' | 'cancel_newest';

/** The body of PATCH /api/slots/{id}: every field optional; null clears a time or the title. */
export interface UpdateSlotFields {
  capacity?: number | undefined;
  school_allocation?: number | undefined;
  allocation_release_at?: string | null | undefined;
  booking_opens_at?: string | null | undefined;
  booking_closes_at?: string | null | undefined;
  cancel_hours_before?: number | undefined;
  title?: string | null | undefined;
  over_capacity?: OverCapacity | undefined;
  /** Told to the bookers a cut cancels. */
  reason?: string | undefined;
}

export interface UpdateSlotInput extends UpdateSlotFields {
  slotId: string;
}

export interface SlotChange {
  slot: ManagedSlotRow;
  /** Bookings the cut cancelled (over_capacity "cancel_newest"), newest first. */
  cancelled: PlaceTakingBooking[];
  /** Kept group bookings whose school places became public ones. */
  moved: PlacesMove[];
  /** True when the change leaves more places free in the public share or the allocation than before. */
  placesFreed: boolean;
}

/** The settings a change may set, by body field: the columns they fill. */
type Changes = Pick<
  NewSlot,
  | 'capacity'
  | 'schoolAllocation'
  | 'allocationReleaseAt'
  | 'bookingOpensAt'
  | 'bookingClosesAt'
  | 'cancelHoursBefore'
  | 'title'
>;

const AUDITED: Record<keyof Changes, string> = {
  capacity: 'capacity',
  schoolAllocation: 'school_allocation',
  allocationReleaseAt: 'allocation_release_at',
  bookingOpensAt: 'booking_opens_at',
  bookingClosesAt: 'booking_closes_at',
  cancelHoursBefore: 'cancel_hours_before',
  title: 'title',
};

/**
 * A venue's manager changes a slot that has not started and is not cancelled: its places (capacity,
 * school allocation, the allocation's release time), booking window, cancellation deadline or title.
 * Under the slot's lock, with the database's clock, the places its live bookings take are compared with
 * the new limits (domain/capacity-cut.ts): a cut below them answers 409 CAPACITY_BELOW_TAKEN with the
 * limit, what is taken and what was asked, unless the body says `over_capacity: "cancel_newest"` — then
 * the newest bookings over it are cancelled whole (their bookers told through the outbox) and school
 * places over a smaller allocation become public ones where the slot allows. Migration 0008's trigger
 * re-checks the result. Audited: the slot's before and after, and each booking cancelled or re-split.
 */
export async function updateSlot(tx: Db, actor: SignedInActor, input: UpdateSlotInput): Promise<SlotChange> {
  await lockSlotForBooking(tx, input.slotId);
  const slot = await getSlot(tx, input.slotId);
  if (!slot) throw Errors.slotNotFound();
  const venue = await requireVenueManager(tx, actor.user, slot.venueId);
  if (slot.status !== 'scheduled') throw Errors.slotAlreadyCancelled();
  const facts = (await slotBookingFacts(tx, slot.id))!;
  if (facts.now >= slot.startsAt) throw Errors.slotStarted();

  const changes = changesOf(input);
  if (Object.keys(changes).length === 0) throw Errors.emptyPatch();
  const next = { ...slot, ...changes } as ManagedSlotRow;
  checkPlaces(input, next);
  checkWindow(input, next);

  await expireLapsedBookings(tx, slot.id);
  const taken = await placeTakingBookings(tx, slot.id);
  const totals = {
    school: taken.reduce((sum, b) => sum + b.schoolPlaces, 0),
    public: taken.reduce((sum, b) => sum + b.publicPlaces, 0),
  };
  const shape: PlacesShape = {
    capacity: next.capacity,
    schoolAllocation: next.schoolAllocation,
    released: next.allocationReleaseAt === null || facts.now >= next.allocationReleaseAt,
    groupsUsePublic: next.groupsUsePublic,
  };
  const broken = brokenLimit(shape, totals);
  if (broken && (input.over_capacity ?? 'refuse') === 'refuse') throw Errors.capacityBelowTaken(broken);
  const plan = broken ? planCut(shape, taken) : { cancel: [], move: [] };

  const reason = input.reason?.trim() || null;
  const byId = new Map(taken.map((b) => [b.id, b]));
  const cancelled = plan.cancel.map((id) => byId.get(id)!);
  for (const booking of cancelled) {
    await updateBooking(tx, booking.id, {
      status: 'cancelled',
      cancelledAt: facts.now,
      cancelledBy: actor.user.id,
      reason,
      expiresAt: null,
    });
  }
  if (plan.move.length > 0) {
    // The booking guard checks each re-split booking against the slot as it stands, where more public
    // places may not fit yet, and the slot guard checks the new limits against the bookings as they
    // stand, whose school places do not fit yet. So the slot first takes limits that hold both (the
    // larger of each, the allocation released), invisible outside this transaction and its lock; the
    // final update below is checked against the re-split bookings.
    await updateSlotRow(tx, slot.id, {
      capacity: Math.max(slot.capacity, next.capacity),
      schoolAllocation: Math.max(slot.schoolAllocation, next.schoolAllocation),
      allocationReleaseAt: new Date(0),
    });
    for (const move of plan.move) {
      await updateBooking(tx, move.id, { schoolPlaces: move.schoolPlaces, publicPlaces: move.publicPlaces });
    }
  }
  const placesOfNext = {
    capacity: next.capacity,
    schoolAllocation: next.schoolAllocation,
    allocationReleaseAt: next.allocationReleaseAt,
  };
  const updated = await updateSlotRow(tx, slot.id, plan.move.length > 0 ? { ...changes, ...placesOfNext } : changes);

  const before = placesLeft({ ...slot, takenSchool: totals.school, takenPublic: totals.public }, facts.now);
  const keptSchool = totals.school - sumOf(cancelled, 'schoolPlaces') - movedPlaces(plan.move, byId);
  const keptPublic = totals.public - sumOf(cancelled, 'publicPlaces') + movedPlaces(plan.move, byId);
  const after = placesLeft({ ...updated, takenSchool: keptSchool, takenPublic: keptPublic }, facts.now);
  const placesFreed = freedAny(before, after);
  // Places a change frees go to the waitlist in order before the public (rule 4), under the same lock.
  if (placesFreed) await offerFreedPlaces(tx, slot.id, actor);

  for (const booking of cancelled) {
    await recordAudit(tx, actor, {
      action: 'booking.cancel',
      entityType: 'booking',
      entityId: booking.id,
      adcode: venue.adcode,
      before: { status: booking.status },
      after: { status: 'cancelled', by: 'venue', cause: 'slot.update', reason, places_freed: booking.places },
    });
    await enqueueMessage(
      tx,
      booking.email,
      bookingCutMessage({
        recipientName: booking.displayName,
        booking,
        reason,
        venueName: venue.nameZh,
        startsAt: slot.startsAt,
      }),
    );
  }
  for (const move of plan.move) {
    const was = byId.get(move.id)!;
    await recordAudit(tx, actor, {
      action: 'booking.resplit',
      entityType: 'booking',
      entityId: move.id,
      adcode: venue.adcode,
      before: { school_places: was.schoolPlaces, public_places: was.publicPlaces },
      after: { school_places: move.schoolPlaces, public_places: move.publicPlaces, cause: 'slot.update' },
    });
  }
  await recordAudit(tx, actor, {
    action: 'slot.update',
    entityType: 'slot',
    entityId: slot.id,
    adcode: venue.adcode,
    before: auditedValues(slot, changes),
    after: {
      ...auditedValues(updated, changes),
      ...(broken
        ? {
            over_capacity: input.over_capacity,
            broken_limit: broken,
            reason,
            bookings_cancelled: plan.cancel,
            bookings_resplit: plan.move.map((m) => m.id),
          }
        : {}),
    },
  });
  return { slot: updated, cancelled, moved: plan.move, placesFreed };
}

/** The columns the body changes (fields it leaves out stay as they are). */
function changesOf(input: UpdateSlotFields): Partial<Changes> {
  const changes: Partial<Changes> = {};
  const instant = (value: string | null) => (value === null ? null : new Date(value));
  if (input.capacity !== undefined) changes.capacity = input.capacity;
  if (input.school_allocation !== undefined) changes.schoolAllocation = input.school_allocation;
  if (input.allocation_release_at !== undefined) changes.allocationReleaseAt = instant(input.allocation_release_at);
  if (input.booking_opens_at !== undefined) changes.bookingOpensAt = instant(input.booking_opens_at);
  if (input.booking_closes_at !== undefined) changes.bookingClosesAt = instant(input.booking_closes_at);
  if (input.cancel_hours_before !== undefined) changes.cancelHoursBefore = input.cancel_hours_before;
  if (input.title !== undefined) changes.title = input.title === null ? null : input.title.trim();
  return changes;
}

/** The allocation's rules, checked when the body touches the places: within capacity, with a release by the start. */
function checkPlaces(input: UpdateSlotFields, next: ManagedSlotRow): void {
  const touched =
    input.capacity !== undefined || input.school_allocation !== undefined || input.allocation_release_at !== undefined;
  if (!touched) return;
  if (next.schoolAllocation > next.capacity) {
    throw Errors.invalidAllocation(`school_allocation (${next.schoolAllocation}) is above capacity (${next.capacity})`);
  }
  if (next.schoolAllocation > 0 && next.allocationReleaseAt === null) {
    throw Errors.invalidAllocation('a school allocation needs allocation_release_at');
  }
  if (next.allocationReleaseAt && next.allocationReleaseAt > next.startsAt) {
    throw Errors.invalidAllocation('allocation_release_at must not be after the slot starts');
  }
}

/** The booking window's rules, checked when the body touches it: opens before it closes, both by the start. */
function checkWindow(input: UpdateSlotFields, next: ManagedSlotRow): void {
  if (input.booking_opens_at === undefined && input.booking_closes_at === undefined) return;
  const { bookingOpensAt: opens, bookingClosesAt: closes, startsAt } = next;
  if (opens && closes && opens >= closes) {
    throw Errors.invalidBookingWindow('booking_opens_at must be before booking_closes_at');
  }
  if (opens && opens >= startsAt) throw Errors.invalidBookingWindow('booking_opens_at must be before the slot starts');
  if (closes && closes > startsAt) {
    throw Errors.invalidBookingWindow('booking_closes_at must not be after the slot starts');
  }
}

function sumOf(rows: PlaceTakingBooking[], column: 'schoolPlaces' | 'publicPlaces'): number {
  return rows.reduce((sum, b) => sum + b[column], 0);
}

/** School places the moves turned into public ones. */
function movedPlaces(moves: PlacesMove[], byId: Map<string, PlaceTakingBooking>): number {
  return moves.reduce((sum, m) => sum + byId.get(m.id)!.schoolPlaces - m.schoolPlaces, 0);
}

function freedAny(before: PlacesLeft, after: PlacesLeft): boolean {
  return after.public > before.public || after.school > before.school;
}

/** The changed settings as the API names them, times as ISO strings. */
function auditedValues(row: ManagedSlotRow, changes: Partial<Changes>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(changes) as (keyof Changes)[]) {
    const value = row[key];
    out[AUDITED[key]] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}
