import type { Db } from '../../db/client.ts';
import { liveBookingOf, lockSlotForBooking, slotBookingFacts } from '../../db/queries/bookings.ts';
import {
  insertWaitlistEntry,
  liveEntryOf,
  waitlistEntryDetail,
  type WaitlistEntryRow,
} from '../../db/queries/waitlist.ts';
import { allocatePlaces, minorsOf, partyProblem, placesOf } from '../../domain/booking.ts';
import { placesLeft } from '../../domain/places-left.ts';
import { Errors } from '../errors.ts';
import type { BookingBody, WaitlistBody } from '../schemas/booking-party.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { checkBookable, groupGreenChannel, partyError, partyOf } from './create-booking.ts';
import { settleSlot, type StoredParty } from './waitlist-offers.ts';

export interface JoinWaitlistInput {
  slotId: string;
  party: WaitlistBody;
}

/**
 * Puts a party on a slot's waitlist, behind everyone already on it. The slot must take bookings and keep
 * a waitlist (WAITLIST_CLOSED), the party follow the same rules as a booking (sizes, grades, a group's
 * teacher), the account have no live booking (ALREADY_BOOKED) nor entry (ALREADY_WAITLISTED) there, and
 * the slot be full for this party: a party that fits is told to book instead (PLACES_AVAILABLE). Runs
 * under the slot's lock, after lapsed offers have moved on. Audited.
 */
export async function joinWaitlist(tx: Db, actor: SignedInActor, input: JoinWaitlistInput): Promise<WaitlistEntryRow> {
  const { user } = actor;
  const body = { ...input.party, slot_id: input.slotId } as BookingBody;
  await lockSlotForBooking(tx, input.slotId);
  let slot = await slotBookingFacts(tx, input.slotId);
  if (!slot) throw Errors.slotNotFound();
  checkBookable(slot);
  if (!slot.waitlistOpen) throw Errors.waitlistClosed();

  const party = partyOf(body);
  const problem = partyProblem(party, slot);
  if (problem) throw partyError(problem);
  const greenChannel = body.kind === 'group' ? await groupGreenChannel(tx, actor, body.school_id) : false;
  const places = placesOf(party);
  if (places > slot.capacity) throw Errors.partyExceedsSlot(slot.capacity);

  const booked = await liveBookingOf(tx, slot.id, user.id);
  if (booked) throw Errors.alreadyBooked(booked.id);
  const entered = await liveEntryOf(tx, slot.id, user.id);
  if (entered) throw Errors.alreadyWaitlisted(entered.id);

  const settled = await settleSlot(tx, slot.id, actor);
  if (settled.offers.length > 0) slot = (await slotBookingFacts(tx, slot.id))!;
  const left = placesLeft(slot, slot.now);
  if (allocatePlaces(party.kind, places, left, { greenChannel, groupsUsePublic: slot.groupsUsePublic })) {
    const available =
      party.kind === 'group'
        ? (greenChannel ? left.school : 0) + (slot.groupsUsePublic ? left.public : 0)
        : left.public;
    throw Errors.placesAvailable(available);
  }

  const stored: StoredParty =
    body.kind === 'family'
      ? { adults: body.adults, children_by_band: body.children_by_band }
      : {
          adults: body.adults,
          pupils: body.pupils,
          grade: body.grade,
          access_needs: body.access_needs ?? [],
          note: body.note?.trim() || null,
        };
  const id = await insertWaitlistEntry(tx, {
    slotId: slot.id,
    userId: user.id,
    kind: party.kind,
    status: 'waiting',
    places,
    party: stored,
    schoolId: body.kind === 'group' ? body.school_id : null,
  });
  await recordAudit(tx, actor, {
    action: 'waitlist.join',
    entityType: 'waitlist_entry',
    entityId: id,
    adcode: slot.venueAdcode,
    after: {
      slot_id: slot.id,
      kind: party.kind,
      places,
      minors: minorsOf(party),
      school_id: body.kind === 'group' ? body.school_id : null,
    },
  });
  return (await waitlistEntryDetail(tx, id))!;
}
