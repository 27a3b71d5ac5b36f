import { databaseNow, type Db } from '../../db/client.ts';
import {
  bookingDetail,
  lockBooking,
  lockSlotForBooking,
  updateBooking,
  type BookingDetailRow,
} from '../../db/queries/bookings.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import { cancellationDeadline } from '../../domain/booking.ts';
import { Errors } from '../errors.ts';
import { bookingCancelledMessage } from '../messages/booking-cancelled.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { requireBookingAccess } from './booking-access.ts';
import { closeOfferEntry, settleSlot } from './waitlist-offers.ts';

export interface CancelBookingInput {
  bookingId: string;
  /** Why; told to the booker when the venue cancels. */
  reason?: string | undefined;
}

/**
 * Cancels a live booking (confirmed, pending or held), freeing its places exactly once: a second cancel
 * answers BOOKING_NOT_LIVE. The booker may cancel until the slot's cancellation deadline
 * (CANCELLATION_CLOSED after it); the venue's managers at any time, and the booker is told. The freed
 * places are offered to the slot's waitlist in the same transaction; cancelling a held offer declines it.
 * Audited.
 */
export async function cancelBooking(
  tx: Db,
  actor: SignedInActor,
  input: CancelBookingInput,
): Promise<BookingDetailRow> {
  const { booking, relation } = await requireBookingAccess(tx, actor.user, input.bookingId);
  if (relation === 'school') throw Errors.notYourBooking();
  // Lock order: the slot, then the booking (then, for a held offer, its waitlist entry).
  await lockSlotForBooking(tx, booking.slotId);
  const row = (await lockBooking(tx, booking.id))!;
  const current = (await bookingDetail(tx, booking.id))!;
  if (!current.live) throw Errors.bookingNotLive(lapsedStatus(row.status, current.live));
  const byVenue = relation === 'venue' && booking.userId !== actor.user.id;
  // The database's clock, as every other booking deadline is judged by (a server's clock may drift).
  const now = await databaseNow(tx);
  if (!byVenue) {
    const deadline = cancellationDeadline(current.startsAt, current.cancelHoursBefore);
    if (now >= deadline) throw Errors.cancellationClosed(deadline);
  }
  const reason = input.reason?.trim() || null;
  await updateBooking(tx, booking.id, {
    status: 'cancelled',
    cancelledAt: now,
    cancelledBy: actor.user.id,
    reason,
    expiresAt: null,
  });
  // A held offer cancelled is an offer declined: its entry leaves the waitlist.
  if (row.status === 'held') await closeOfferEntry(tx, booking.slotId, booking.id, byVenue ? 'cancelled' : 'left');
  // The freed places go to the waitlist before the public (rule 4).
  await settleSlot(tx, booking.slotId, actor);
  const cancelled = (await bookingDetail(tx, booking.id))!;
  await recordAudit(tx, actor, {
    action: 'booking.cancel',
    entityType: 'booking',
    entityId: booking.id,
    adcode: booking.venueAdcode,
    before: { status: row.status },
    after: { status: 'cancelled', by: byVenue ? 'venue' : 'booker', reason, places_freed: row.places },
  });
  if (byVenue) {
    await enqueueMessage(
      tx,
      booking.bookerEmail,
      bookingCancelledMessage({
        recipientName: booking.bookerName,
        booking: { id: booking.id, code: booking.code, places: booking.places },
        reason,
        venueName: booking.venueName,
        startsAt: booking.startsAt,
      }),
    );
  }
  return cancelled;
}

/** A booking's status as a person would say it, a lapsed request included. */
export function lapsedStatus(status: string, live: boolean): string {
  return !live && (status === 'pending' || status === 'held') ? 'expired' : status;
}
