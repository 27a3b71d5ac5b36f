import type { Db } from '../../db/client.ts';
import { lockBooking, lockSlotForBooking, updateBooking } from '../../db/queries/bookings.ts';
import {
  LIVE_WAITLIST_STATUSES,
  lockWaitlistEntry,
  updateWaitlistEntry,
  waitlistEntryDetail,
  type WaitlistEntryRow,
} from '../../db/queries/waitlist.ts';
import { Errors } from '../errors.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { settleSlot } from './waitlist-offers.ts';

/**
 * The account leaves a slot's waitlist (only its own entry: NOT_YOUR_WAITLIST_ENTRY). An entry holding an
 * offer declines it: the held booking is released and its places are offered to the next entry that
 * fits, in the same transaction. An entry no longer waiting answers WAITLIST_ENTRY_NOT_LIVE. Locks in the
 * fixed order: slot, booking, entry. Audited.
 */
export async function leaveWaitlist(
  tx: Db,
  actor: SignedInActor,
  input: { entryId: string },
): Promise<WaitlistEntryRow> {
  const entry = await waitlistEntryDetail(tx, input.entryId);
  if (!entry) throw Errors.waitlistEntryNotFound();
  if (entry.userId !== actor.user.id) throw Errors.notYourWaitlistEntry();
  await lockSlotForBooking(tx, entry.slotId);
  // Offers are made under the slot's lock: read again now, the entry may have been offered meanwhile.
  const { offerBookingId } = (await waitlistEntryDetail(tx, entry.id))!;
  const offer = offerBookingId ? await lockBooking(tx, offerBookingId) : undefined;
  const locked = (await lockWaitlistEntry(tx, entry.id))!;
  if (!(LIVE_WAITLIST_STATUSES as readonly string[]).includes(locked.status)) {
    throw Errors.waitlistEntryNotLive(locked.status);
  }
  const released = locked.status === 'offered' && offer?.status === 'held';
  if (released) {
    await updateBooking(tx, offer.id, {
      status: 'cancelled',
      cancelledAt: new Date(),
      cancelledBy: actor.user.id,
      reason: 'waitlist offer declined',
      expiresAt: null,
    });
  }
  await updateWaitlistEntry(tx, entry.id, { status: 'left' });
  await recordAudit(tx, actor, {
    action: 'waitlist.leave',
    entityType: 'waitlist_entry',
    entityId: entry.id,
    before: { status: locked.status },
    after: { status: 'left', offer_released: released ? offer.id : null },
  });
  await settleSlot(tx, entry.slotId, actor);
  return (await waitlistEntryDetail(tx, entry.id))!;
}
