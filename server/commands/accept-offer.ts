import type { Db } from '../../db/client.ts';
import {
  bookingDetail,
  lockBooking,
  lockSlotForBooking,
  slotBookingFacts,
  updateBooking,
  type BookingDetailRow,
} from '../../db/queries/bookings.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import { lockEntryOfOffer, updateWaitlistEntry } from '../../db/queries/waitlist.ts';
import { approvalDeadline, needsApproval } from '../../domain/booking.ts';
import type { ApprovalPolicy, BookingKind } from '../../domain/vocab.ts';
import { Errors } from '../errors.ts';
import { bookingMadeMessage } from '../messages/booking-made.ts';
import { bookingRequestMessage } from '../messages/booking-request.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { lapsedStatus } from './cancel-booking.ts';
import { tellVenuePeople } from './tell-venue.ts';

/**
 * The booker accepts a waitlist offer: the held booking keeps its places and becomes confirmed, or
 * pending when the slot wants the venue's approval; the entry is `booked`. Accepting again answers the
 * booking as it is (safe to retry); after the offer's deadline OFFER_EXPIRED (its places went on to the
 * next entry); a booking that was never an offer NOT_AN_OFFER. Locks slot, booking, entry in that order.
 * Audited; the booker (and, for a request, the venue) told.
 */
export async function acceptOffer(
  tx: Db,
  actor: SignedInActor,
  input: { bookingId: string },
): Promise<BookingDetailRow> {
  const booking = await bookingDetail(tx, input.bookingId);
  if (!booking) throw Errors.bookingNotFound();
  if (booking.userId !== actor.user.id) throw Errors.notYourBooking();
  await lockSlotForBooking(tx, booking.slotId);
  const row = (await lockBooking(tx, booking.id))!;
  const entry = await lockEntryOfOffer(tx, booking.slotId, booking.id);
  const current = (await bookingDetail(tx, booking.id))!;
  if (!entry) throw Errors.notAnOffer(lapsedStatus(row.status, current.live));
  if (entry.status === 'booked' && (row.status === 'confirmed' || row.status === 'pending')) return current;
  if (row.status === 'expired' || (row.status === 'held' && !current.live) || entry.status === 'expired') {
    throw Errors.offerExpired(row.expiresAt);
  }
  if (row.status !== 'held' || entry.status !== 'offered') {
    throw Errors.notAnOffer(lapsedStatus(row.status, current.live));
  }

  const slot = (await slotBookingFacts(tx, booking.slotId))!;
  const pending = needsApproval(slot.approval as ApprovalPolicy, row.kind as BookingKind);
  const expiresAt = pending ? approvalDeadline(slot.now, slot.approvalHours, slot.startsAt) : null;
  await updateBooking(tx, booking.id, { status: pending ? 'pending' : 'confirmed', expiresAt });
  await updateWaitlistEntry(tx, entry.id, { status: 'booked' });
  const accepted = (await bookingDetail(tx, booking.id))!;
  await recordAudit(tx, actor, {
    action: 'booking.accept',
    entityType: 'booking',
    entityId: booking.id,
    adcode: slot.venueAdcode,
    before: { status: 'held' },
    after: { status: accepted.status, waitlist_entry_id: entry.id, places: row.places },
  });
  const facts = {
    id: booking.id,
    code: row.code,
    places: row.places,
    status: accepted.status as 'confirmed' | 'pending',
    expiresAt,
  };
  await enqueueMessage(
    tx,
    actor.user.email,
    bookingMadeMessage({
      recipientName: actor.user.displayName,
      booking: facts,
      venueName: slot.venueName,
      startsAt: slot.startsAt,
    }),
  );
  if (pending && expiresAt) {
    await tellVenuePeople(tx, slot, (recipientName) =>
      bookingRequestMessage({
        recipientName,
        booking: { ...facts, pupils: accepted.pupils, schoolName: accepted.schoolName, expiresAt },
        venueName: slot.venueName,
        startsAt: slot.startsAt,
      }),
    );
  }
  return accepted;
}
