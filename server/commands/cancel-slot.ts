import type { Db } from '../../db/client.ts';
import { cancelSlotBookings } from '../../db/queries/bookings.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import { getSlot, markSlotCancelled, type ManagedSlotRow } from '../../db/queries/slots.ts';
import { cancelSlotWaitlist } from '../../db/queries/waitlist.ts';
import { requireVenueManager } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { slotCancelledMessage } from '../messages/slot-cancelled.ts';
import { waitlistCancelledMessage } from '../messages/waitlist-cancelled.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

export interface CancelSlotInput {
  slotId: string;
  /** Why, told to everyone booked in it. */
  reason: string;
}

/**
 * A venue's manager cancels a slot, once (SLOT_ALREADY_CANCELLED after). Its live bookings are cancelled
 * with it and each booker is told why through the outbox; so is its waitlist, and everyone waiting. Audited with the bookings it cancelled.
 */
export async function cancelSlot(tx: Db, actor: SignedInActor, input: CancelSlotInput): Promise<ManagedSlotRow> {
  const slot = await getSlot(tx, input.slotId);
  if (!slot) throw Errors.slotNotFound();
  const venue = await requireVenueManager(tx, actor.user, slot.venueId);
  const cancelled = await markSlotCancelled(tx, slot.id);
  if (!cancelled) throw Errors.slotAlreadyCancelled();
  const reason = input.reason.trim();
  const affected = await cancelSlotBookings(tx, slot.id);
  for (const booking of affected) {
    await enqueueMessage(
      tx,
      booking.email,
      slotCancelledMessage({
        recipientName: booking.displayName,
        booking,
        venueName: venue.nameZh,
        startsAt: cancelled.startsAt,
        reason,
      }),
    );
  }
  // Its waitlist closes too: whoever waited is told (an offer's holder heard of its booking above).
  const entries = await cancelSlotWaitlist(tx, slot.id);
  for (const entry of entries.filter((e) => e.offerBookingId === null)) {
    await enqueueMessage(
      tx,
      entry.email,
      waitlistCancelledMessage({
        recipientName: entry.displayName,
        entry,
        venueName: venue.nameZh,
        startsAt: cancelled.startsAt,
        reason,
      }),
    );
  }
  await recordAudit(tx, actor, {
    action: 'slot.cancel',
    entityType: 'slot',
    entityId: slot.id,
    adcode: venue.adcode,
    before: { status: slot.status },
    after: {
      status: cancelled.status,
      reason,
      bookings_cancelled: affected.map((b) => b.id),
      ...(entries.length > 0 ? { waitlist_cancelled: entries.map((e) => e.id) } : {}),
    },
  });
  return cancelled;
}
