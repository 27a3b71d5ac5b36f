import type { Db } from '../../db/client.ts';
import {
  bookingDetail,
  lockBooking,
  lockSlotForBooking,
  updateBooking,
  type BookingDetailRow,
} from '../../db/queries/bookings.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import { requireVenueManager } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { bookingDecidedMessage } from '../messages/booking-decided.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { lapsedStatus } from './cancel-booking.ts';
import { settleSlot } from './waitlist-offers.ts';

export interface DecideBookingInput {
  bookingId: string;
  outcome: 'confirmed' | 'declined';
  /** Required to decline; told to the booker. */
  reason?: string | undefined;
}

/**
 * The venue's managers approve a pending request (it keeps its places, now confirmed) or decline it
 * with a reason (its places are freed and offered to the waitlist first). Only a request still within its deadline can be decided:
 * BOOKING_NOT_PENDING otherwise. Audited; the booker told.
 */
export async function decideBooking(
  tx: Db,
  actor: SignedInActor,
  input: DecideBookingInput,
): Promise<BookingDetailRow> {
  const booking = await bookingDetail(tx, input.bookingId);
  if (!booking) throw Errors.bookingNotFound();
  await requireVenueManager(tx, actor.user, booking.venueId);
  // Lock order: the slot, then the booking.
  await lockSlotForBooking(tx, booking.slotId);
  const row = (await lockBooking(tx, booking.id))!;
  const current = (await bookingDetail(tx, booking.id))!;
  if (row.status !== 'pending' || !current.live) throw Errors.bookingNotPending(lapsedStatus(row.status, current.live));
  const reason = input.reason?.trim() || null;
  if (input.outcome === 'declined' && !reason) throw Errors.validation('declining needs a reason for the booker');
  await updateBooking(tx, booking.id, {
    status: input.outcome,
    decidedAt: new Date(),
    decidedBy: actor.user.id,
    reason,
    expiresAt: input.outcome === 'confirmed' ? null : row.expiresAt,
  });
  // A declined request's places (and any lapsed ones') go to the waitlist before the public (rule 4).
  await settleSlot(tx, booking.slotId, actor);
  const decided = (await bookingDetail(tx, booking.id))!;
  await recordAudit(tx, actor, {
    action: input.outcome === 'confirmed' ? 'booking.approve' : 'booking.decline',
    entityType: 'booking',
    entityId: booking.id,
    adcode: booking.venueAdcode,
    before: { status: 'pending' },
    after: { status: input.outcome, reason },
  });
  await enqueueMessage(
    tx,
    booking.bookerEmail,
    bookingDecidedMessage({
      recipientName: booking.bookerName,
      booking: { id: booking.id, code: booking.code, places: booking.places },
      outcome: input.outcome,
      reason,
      venueName: booking.venueName,
      startsAt: booking.startsAt,
    }),
  );
  return decided;
}
