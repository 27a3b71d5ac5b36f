/**
 * Check-in at the door (PRODUCT.md rule 7: a booking code checks in once). The venue's staff scan or type
 * a code; the booking row is locked (FOR UPDATE) before its check-in is read, so of two scans of one
 * code at once the second waits for the first and then answers ALREADY_CHECKED_IN. The day is the
 * database's, in Asia/Shanghai. A check-in can be undone for five minutes; the counts at the door can be
 * corrected while it stands. Every change is audited.
 */
import type { Db } from '../../db/client.ts';
import { bookingDetail, type BookingDetailRow } from '../../db/queries/bookings.ts';
import { bookingIdByCode, checkInState, lockBookingForCheckIn, setCheckIn } from '../../db/queries/check-ins.ts';
import { checkInUndoUntil, isBookingCode, minorsOf, normaliseBookingCode, type Party } from '../../domain/booking.ts';
import { localDayOf } from '../../domain/hours/local-time.ts';
import { requireVenueStaff } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

export interface CheckInInput {
  /** As typed or scanned: normalised here (case, spaces, full-width and look-alike letters). */
  code: string;
  /** The venue the door belongs to: a code of another venue then answers CODE_OF_ANOTHER_VENUE. */
  venueId?: string | undefined;
}

/** A booking with its check-in: who checked it in, and until when it may be undone. */
export interface CheckInResult {
  booking: BookingDetailRow;
  checkedInBy: { id: string; name: string } | null;
  undoUntil: Date | null;
}

/** The party a booking was made for, as domain/booking.ts counts it. */
function partyOf(booking: BookingDetailRow): Party {
  return booking.kind === 'group'
    ? { kind: 'group', pupils: booking.pupils, adults: booking.adults, grade: booking.grade ?? 0 }
    : { kind: 'family', adults: booking.adults, childrenByBand: booking.childrenByBand as Record<string, number> };
}

async function resultOf(tx: Db, bookingId: string): Promise<CheckInResult> {
  const booking = (await bookingDetail(tx, bookingId))!;
  const state = (await checkInState(tx, bookingId))!;
  return {
    booking,
    checkedInBy: state.checkedInBy ? { id: state.checkedInBy, name: state.checkedInByName ?? '' } : null,
    undoUntil: state.checkedInAt ? checkInUndoUntil(state.checkedInAt) : null,
  };
}

/**
 * Checks a confirmed booking of today in, once. Refusals, in this order: INVALID_BOOKING_CODE (400),
 * the venue's ownership (404/403), BOOKING_CODE_NOT_FOUND (404), CODE_OF_ANOTHER_VENUE,
 * ALREADY_CHECKED_IN (with when and by whom), BOOKING_NOT_CONFIRMED (pending, cancelled…),
 * CODE_OF_ANOTHER_DAY (all 409). The counts at the door start as the booked party.
 */
export async function checkIn(tx: Db, actor: SignedInActor, input: CheckInInput): Promise<CheckInResult> {
  const code = normaliseBookingCode(input.code);
  if (!isBookingCode(code)) throw Errors.invalidBookingCode();
  if (input.venueId !== undefined) await requireVenueStaff(tx, actor.user, input.venueId);
  const bookingId = await bookingIdByCode(tx, code);
  if (!bookingId) throw Errors.bookingCodeNotFound();
  const found = (await bookingDetail(tx, bookingId))!;
  if (input.venueId !== undefined && found.venueId !== input.venueId) {
    throw Errors.checkInOtherVenue({ id: found.venueId, name: found.venueName });
  }
  if (input.venueId === undefined) await requireVenueStaff(tx, actor.user, found.venueId);

  await lockBookingForCheckIn(tx, bookingId);
  const booking = (await bookingDetail(tx, bookingId))!;
  const state = (await checkInState(tx, bookingId))!;
  if (state.checkedInAt) {
    throw Errors.alreadyCheckedIn({
      checked_in_at: state.checkedInAt.toISOString(),
      checked_in_by: state.checkedInBy ? { id: state.checkedInBy, name: state.checkedInByName ?? '' } : null,
    });
  }
  if (booking.status !== 'confirmed') {
    const lapsed = !booking.live && (booking.status === 'pending' || booking.status === 'held');
    throw Errors.bookingNotConfirmed(lapsed ? 'expired' : booking.status);
  }
  const slotDay = localDayOf(booking.startsAt.getTime());
  const today = localDayOf(state.now.getTime());
  if (slotDay !== today) {
    throw Errors.checkInOtherDay({ slot_day: slotDay, today, starts_at: booking.startsAt.toISOString() });
  }

  const arrivedAdults = booking.adults;
  const arrivedMinors = minorsOf(partyOf(booking));
  await setCheckIn(tx, bookingId, { checkedInAt: state.now, checkedInBy: actor.user.id, arrivedAdults, arrivedMinors });
  await recordAudit(tx, actor, {
    action: 'booking.check_in',
    entityType: 'booking',
    entityId: bookingId,
    adcode: booking.venueAdcode,
    before: { checked_in_at: null },
    after: { checked_in_at: state.now.toISOString(), arrived_adults: arrivedAdults, arrived_minors: arrivedMinors },
  });
  return resultOf(tx, bookingId);
}

/** The booking, its venue's staff checked (door staff too), locked for a change of its check-in. */
async function lockedCheckIn(tx: Db, actor: SignedInActor, bookingId: string) {
  const found = await bookingDetail(tx, bookingId);
  if (!found) throw Errors.bookingNotFound();
  await requireVenueStaff(tx, actor.user, found.venueId);
  await lockBookingForCheckIn(tx, bookingId);
  const booking = (await bookingDetail(tx, bookingId))!;
  const state = (await checkInState(tx, bookingId))!;
  if (!state.checkedInAt) throw Errors.notCheckedIn();
  return { booking, state, checkedInAt: state.checkedInAt };
}

/** Undoes a check-in within five minutes of it (UNDO_WINDOW_CLOSED after): the code can be used again. */
export async function undoCheckIn(tx: Db, actor: SignedInActor, input: { bookingId: string }): Promise<CheckInResult> {
  const { booking, state, checkedInAt } = await lockedCheckIn(tx, actor, input.bookingId);
  const until = checkInUndoUntil(checkedInAt);
  if (state.now > until) throw Errors.undoWindowClosed(until);
  await setCheckIn(tx, booking.id, { checkedInAt: null, checkedInBy: null, arrivedAdults: null, arrivedMinors: null });
  await recordAudit(tx, actor, {
    action: 'booking.undo_check_in',
    entityType: 'booking',
    entityId: booking.id,
    adcode: booking.venueAdcode,
    before: {
      checked_in_at: checkedInAt.toISOString(),
      checked_in_by: state.checkedInBy,
      arrived_adults: booking.arrivedAdults,
      arrived_minors: booking.arrivedMinors,
    },
    after: { checked_in_at: null },
  });
  return resultOf(tx, booking.id);
}

export interface CorrectArrivalsInput {
  bookingId: string;
  arrivedAdults?: number | undefined;
  arrivedMinors?: number | undefined;
}

/**
 * Corrects who came, as counted at the door, while the booking is checked in (NOT_CHECKED_IN otherwise).
 * The counts may differ from the booked party, but not exceed the slot's capacity (ARRIVED_TOO_MANY).
 */
export async function correctArrivals(
  tx: Db,
  actor: SignedInActor,
  input: CorrectArrivalsInput,
): Promise<CheckInResult> {
  if (input.arrivedAdults === undefined && input.arrivedMinors === undefined) throw Errors.emptyPatch();
  const { booking, state } = await lockedCheckIn(tx, actor, input.bookingId);
  const adults = input.arrivedAdults ?? booking.arrivedAdults ?? 0;
  const minors = input.arrivedMinors ?? booking.arrivedMinors ?? 0;
  if (adults + minors > state.capacity) throw Errors.arrivedTooMany(state.capacity);
  await setCheckIn(tx, booking.id, { arrivedAdults: adults, arrivedMinors: minors });
  await recordAudit(tx, actor, {
    action: 'booking.correct_arrivals',
    entityType: 'booking',
    entityId: booking.id,
    adcode: booking.venueAdcode,
    before: { arrived_adults: booking.arrivedAdults, arrived_minors: booking.arrivedMinors },
    after: { arrived_adults: adults, arrived_minors: minors },
  });
  return resultOf(tx, booking.id);
}
