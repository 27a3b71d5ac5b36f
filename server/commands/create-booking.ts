import type { Db } from '../../db/client.ts';
import {
  bookingDetail,
  groupStanding,
  insertBooking,
  liveBookingOf,
  lockSlotForBooking,
  slotBookingFacts,
  type BookingDetailRow,
  type SlotBookingFacts,
} from '../../db/queries/bookings.ts';
import {
  allocatePlaces,
  approvalDeadline,
  bookingWindowProblem,
  minorsOf,
  needsApproval,
  newBookingCode,
  partyProblem,
  placesOf,
  type Party,
  type PartyProblem,
} from '../../domain/booking.ts';
import { placesLeft } from '../../domain/places-left.ts';
import type { ApprovalPolicy } from '../../domain/vocab.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import { Errors } from '../errors.ts';
import { bookingMadeMessage } from '../messages/booking-made.ts';
import { bookingRequestMessage } from '../messages/booking-request.ts';
import type { BookingBody } from '../schemas/booking-party.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { tellVenuePeople } from './tell-venue.ts';
import { settleSlot } from './waitlist-offers.ts';

/**
 * Books places in a slot for a family or a school group (PRODUCT.md, "Rules the booking core never
 * breaks"). Under the slot's lock it checks the slot takes bookings now, the party's size and grade, the
 * one live booking per account, and the green channel (a group of a verified school's confirmed teacher
 * takes school-allocation places until their release, then public ones if the slot allows); a party
 * that does not fit whole is refused SOLD_OUT. The booking is confirmed, or pending when the slot wants
 * the venue's approval, holding its places until the venue decides or the deadline passes. Audited; the
 * booker (and, for a request, the venue) told through the outbox.
 */
export async function createBooking(tx: Db, actor: SignedInActor, body: BookingBody): Promise<BookingDetailRow> {
  const { user } = actor;
  await lockSlotForBooking(tx, body.slot_id);
  let slot = await slotBookingFacts(tx, body.slot_id);
  if (!slot) throw Errors.slotNotFound();
  checkBookable(slot);
  // Places freed by lapsed offers and requests go to the waitlist before this booker (rule 4).
  const settled = await settleSlot(tx, slot.id, actor);
  if (settled.offers.length > 0) slot = (await slotBookingFacts(tx, slot.id))!;

  const party = partyOf(body);
  const problem = partyProblem(party, slot);
  if (problem) throw partyError(problem);

  const existing = await liveBookingOf(tx, slot.id, user.id);
  if (existing) throw Errors.alreadyBooked(existing.id);

  const greenChannel = body.kind === 'group' ? await groupGreenChannel(tx, actor, body.school_id) : false;

  const places = placesOf(party);
  const left = placesLeft(slot, slot.now);
  const split = allocatePlaces(party.kind, places, left, { greenChannel, groupsUsePublic: slot.groupsUsePublic });
  if (!split) {
    const available =
      party.kind === 'group'
        ? (greenChannel ? left.school : 0) + (slot.groupsUsePublic ? left.public : 0)
        : left.public;
    throw Errors.soldOut({ places_wanted: places, places_left: available, waitlist_open: slot.waitlistOpen });
  }

  const pending = needsApproval(slot.approval as ApprovalPolicy, party.kind);
  const expiresAt = pending ? approvalDeadline(slot.now, slot.approvalHours, slot.startsAt) : null;
  const id = await insertBooking(
    tx,
    {
      slotId: slot.id,
      userId: user.id,
      kind: party.kind,
      status: pending ? 'pending' : 'confirmed',
      places,
      schoolPlaces: split.school,
      publicPlaces: split.public,
      adults: party.adults,
      childrenByBand: body.kind === 'family' ? body.children_by_band : {},
      pupils: body.kind === 'group' ? body.pupils : 0,
      grade: body.kind === 'group' ? body.grade : null,
      accessNeeds: body.kind === 'group' ? (body.access_needs ?? []) : [],
      note: body.kind === 'group' ? body.note?.trim() || null : null,
      schoolId: body.kind === 'group' ? body.school_id : null,
      expiresAt,
    },
    () => newBookingCode(),
  );
  const booking = (await bookingDetail(tx, id))!;
  await recordAudit(tx, actor, {
    action: 'booking.create',
    entityType: 'booking',
    entityId: id,
    adcode: slot.venueAdcode,
    after: {
      slot_id: slot.id,
      kind: party.kind,
      status: booking.status,
      places,
      school_places: split.school,
      public_places: split.public,
      minors: minorsOf(party),
      school_id: booking.schoolId,
    },
  });
  const facts = { id, code: booking.code, places, status: booking.status as 'confirmed' | 'pending', expiresAt };
  await enqueueMessage(
    tx,
    user.email,
    bookingMadeMessage({
      recipientName: user.displayName,
      booking: facts,
      venueName: slot.venueName,
      startsAt: slot.startsAt,
    }),
  );
  if (pending && expiresAt) {
    await tellVenuePeople(tx, slot, (recipientName) =>
      bookingRequestMessage({
        recipientName,
        booking: { ...facts, pupils: booking.pupils, schoolName: booking.schoolName, expiresAt },
        venueName: slot.venueName,
        startsAt: slot.startsAt,
      }),
    );
  }
  return booking;
}

/**
 * Checks a group's booker may book for the school (a confirmed teacher or admin of it) and answers
 * whether the group takes the green channel: only a verified school's teachers take allocation places;
 * others book public places as a group.
 */
export async function groupGreenChannel(tx: Db, actor: SignedInActor, schoolId: string): Promise<boolean> {
  const { user } = actor;
  if (user.role !== 'teacher' && user.role !== 'school_admin') throw Errors.groupNeedsTeacher();
  const standing = await groupStanding(tx, user.id, schoolId);
  if (!standing.schoolExists) throw Errors.bookingSchoolNotFound();
  if (!standing.member) throw Errors.notSchoolTeacher();
  return standing.verified;
}

/** Refuses a slot that takes no bookings: cancelled, a sample, hidden, started, or outside its window. */
export function checkBookable(slot: SlotBookingFacts): void {
  if (slot.status !== 'scheduled') throw Errors.slotNotBookable('the slot is cancelled');
  // A sample schedule shows what a venue might offer; the venue never announced it, so it takes no bookings.
  if (slot.isSample) throw Errors.slotNotBookable('this is a sample schedule, not one the venue announced');
  if (slot.venueStatus !== 'published') throw Errors.slotNotBookable('the venue is not published');
  if (slot.programmeId && slot.programmeStatus !== 'published') {
    throw Errors.slotNotBookable('the programme is not published');
  }
  const window = bookingWindowProblem(slot.now, slot);
  if (window) {
    throw Errors.bookingWindow(
      window,
      window === 'BOOKING_NOT_OPEN'
        ? slot.bookingOpensAt
        : window === 'BOOKING_CLOSED'
          ? slot.bookingClosesAt
          : slot.startsAt,
    );
  }
}

/** The party a booking body describes. */
export function partyOf(body: BookingBody): Party {
  return body.kind === 'family'
    ? { kind: 'family', adults: body.adults, childrenByBand: body.children_by_band }
    : { kind: 'group', adults: body.adults, pupils: body.pupils, grade: body.grade };
}

/** A party rule broken, as a 400 with its own code. */
export function partyError(problem: PartyProblem) {
  switch (problem.code) {
    case 'PARTY_EMPTY':
      return Errors.party(problem.code, 'a booking is for at least one person');
    case 'FAMILY_NEEDS_ADULT':
      return Errors.party(problem.code, 'children come with at least one adult');
    case 'PARTY_TOO_LARGE':
      return Errors.party(problem.code, `a family party may be at most ${problem.max} people at this slot`);
    case 'GROUP_NEEDS_ADULT':
      return Errors.party(problem.code, 'a school group comes with at least one teacher');
    case 'GROUP_TOO_SMALL':
      return Errors.party(problem.code, `this programme takes groups of at least ${problem.min} pupils`);
    case 'GROUP_TOO_LARGE':
      return Errors.party(problem.code, `this programme takes groups of at most ${problem.max} pupils`);
    case 'GRADE_NOT_SERVED':
      return Errors.party(problem.code, `this programme is for grades ${problem.min ?? 0}–${problem.max ?? 12}`);
  }
}
