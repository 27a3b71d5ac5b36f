import { randomUUID } from 'node:crypto';
import { slotGuardIsOff, type Db } from '../../db/client.ts';
import {
  bookingDecisionFacts,
  bookingDetail,
  groupStanding,
  insertBookingWithRecords,
  lockSlotForBooking,
  type Booker,
  type BookingDecisionFacts,
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
import { ApiError, Errors } from '../errors.ts';
import { bookingMadeMessage } from '../messages/booking-made.ts';
import { bookingRequestMessage } from '../messages/booking-request.ts';
import type { BookingBody } from '../schemas/booking-party.ts';
import { runCommand, signedInActor, type Actor, type SignedInActor } from './actor.ts';
import { auditValues } from './audit.ts';
import { tellVenuePeople } from './tell-venue.ts';
import { settleSlot } from './waitlist-offers.ts';

/**
 * `POST /api/bookings`: runs createBooking in its transaction, first answering from one plain read,
 * without the slot's lock, a request that read already refuses — above all SOLD_OUT in a release rush,
 * where thousands would otherwise queue for the lock only to be told the slot is full.
 *
 * Sound because the read is one statement, so it sees the bookings committed when it started: the refusal
 * is the answer the request would have got had it been decided at that instant, which lies between its
 * arrival and its answer (a linearizable read). Places can come free afterwards (a cancellation, a
 * declined or lapsed request — lapsed ones are left out of the count by their deadline, whether or not
 * the job has marked them yet); a request that arrives after that sees them. A read that finds room
 * decides nothing: createBooking decides again under the lock.
 *
 * In this process at most two transactions per slot wait for its lock (the rest wait here, holding no
 * database connection, so the pool stays free for the reads). When one of them is told SOLD_OUT, those
 * waiting here go back to the plain read, all at once, instead of queueing for the lock one by one. The
 * read costs a round trip, so it is made only when the slot is contended here (a transaction of it
 * running, or SOLD_OUT answered in the last seconds). None of this changes an answer, only how fast it
 * comes: the database's lock and trigger decide, across processes too.
 */
export async function bookSlot(db: Db, actor: Actor, body: BookingBody): Promise<BookingDetailRow> {
  const booker = signedInActor(actor);
  // The race tests' positive control goes straight to the transaction, without the queue or the read.
  if (slotGuardIsOff(db)) return runCommand(db, createBooking, booker, body);
  const traffic = SlotTraffic.of(body.slot_id);
  traffic.requests += 1;
  try {
    for (;;) {
      if (traffic.contended()) {
        decideBooking(await bookingDecisionFacts(db, body.slot_id, bookerOf(booker, body), false), booker, body);
      }
      const soldOutBefore = traffic.soldOutAt;
      await traffic.turn();
      try {
        // Sold out while this request waited: back to the plain read, with the others.
        if (traffic.soldOutAt !== soldOutBefore) continue;
        return await runCommand(db, createBooking, booker, body);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'SOLD_OUT') traffic.soldOutAt = Date.now();
        throw error;
      } finally {
        traffic.release();
      }
    }
  } finally {
    traffic.requests -= 1;
    traffic.forgetIfQuiet();
  }
}

/** A slot's booking requests in this process: turns at its lock, and when it last answered SOLD_OUT. */
class SlotTraffic {
  /** Transactions of one slot allowed to run (one holds the lock, one waits for it) at once. */
  static readonly TURNS = 2;
  /** How long a SOLD_OUT keeps the plain read first for its slot. */
  static readonly SOLD_OUT_MEMORY_MS = 10_000;
  private static readonly slots = new Map<string, SlotTraffic>();

  static of(slotId: string): SlotTraffic {
    let traffic = SlotTraffic.slots.get(slotId);
    if (!traffic) SlotTraffic.slots.set(slotId, (traffic = new SlotTraffic(slotId)));
    return traffic;
  }

  requests = 0;
  soldOutAt = 0;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  private constructor(private readonly slotId: string) {}

  contended(): boolean {
    return this.requests > 1 || Date.now() - this.soldOutAt < SlotTraffic.SOLD_OUT_MEMORY_MS;
  }

  /** Resolves when this request may run its transaction. */
  turn(): Promise<void> {
    if (this.running < SlotTraffic.TURNS) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the turn to the next waiting request, or frees it. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }

  /** Forgets the slot once nothing waits and its SOLD_OUT is old (and every such slot, past 1,000). */
  forgetIfQuiet(): void {
    const quiet = (t: SlotTraffic) => t.requests === 0 && Date.now() - t.soldOutAt >= SlotTraffic.SOLD_OUT_MEMORY_MS;
    if (quiet(this)) SlotTraffic.slots.delete(this.slotId);
    if (SlotTraffic.slots.size > 1000) {
      for (const [id, traffic] of SlotTraffic.slots) if (quiet(traffic)) SlotTraffic.slots.delete(id);
    }
  }
}

/**
 * Books places in a slot for a family or a school group (PRODUCT.md, "Rules the booking core never
 * breaks"). Under the slot's lock it checks the slot takes bookings now, the party's size and grade, the
 * one live booking per account, and the green channel (a group of a verified school's confirmed teacher
 * takes school-allocation places until their release, then public ones if the slot allows); a party
 * that does not fit whole is refused SOLD_OUT. The booking is confirmed, or pending when the slot wants
 * the venue's approval, holding its places until the venue decides or the deadline passes. Audited; the
 * booker (and, for a request, the venue) told through the outbox.
 *
 * Four round trips to the database (docs/PERFORMANCE.md, "Bookings"): BEGIN; the lock and the facts,
 * sent together; the booking with its audit entry and message in one statement, sent together with the
 * read of its detail; COMMIT.
 */
export async function createBooking(tx: Db, actor: SignedInActor, body: BookingBody): Promise<BookingDetailRow> {
  const { user } = actor;
  // The lock and the facts go out together, in this order, in one write to the transaction's connection:
  // PostgreSQL runs the facts statement, and takes its snapshot, only once the lock is granted, so it sees
  // every booking committed before (the facts sent first would miss those; the trigger would then refuse
  // the insert, a 500). drizzle hands a statement to postgres.js a few microtasks after it is awaited, and
  // postgres.js writes on the next turn of the event loop, so one turn of the loop between the two keeps
  // their order without waiting a round trip (tests/commands/book-slot.test.ts checks it).
  const locked = lockSlotForBooking(tx, body.slot_id);
  locked.catch(() => {}); // awaited below; this only keeps a failure from being reported as unhandled
  await new Promise((resolve) => setImmediate(resolve));
  let slot = await bookingDecisionFacts(tx, body.slot_id, bookerOf(actor, body), false);
  await locked;
  if (slot && slot.status === 'scheduled') {
    // Lapsed offers and requests expire, and places they free go to the waitlist before this booker
    // (rule 4); then the facts are read again.
    const settled = await settleSlot(tx, slot.id, actor);
    if (settled.expired > 0 || settled.offers.length > 0) {
      slot = await bookingDecisionFacts(tx, body.slot_id, bookerOf(actor, body), false);
    }
  }
  const { party, places, split, pending, expiresAt } = decideBooking(slot, actor, body);
  const facts = slot!;
  const status = pending ? ('pending' as const) : ('confirmed' as const);
  const id = randomUUID();
  const audit = auditValues(actor, {
    action: 'booking.create',
    entityType: 'booking',
    entityId: id,
    adcode: facts.venueAdcode,
    after: {
      slot_id: facts.id,
      kind: party.kind,
      status,
      places,
      school_places: split.school,
      public_places: split.public,
      minors: minorsOf(party),
      school_id: body.kind === 'group' ? body.school_id : null,
    },
  });
  let booking: BookingDetailRow | undefined;
  let code = '';
  while (!booking) {
    code = newBookingCode();
    const message = bookingMadeMessage({
      recipientName: user.displayName,
      booking: { id, code, places, status, expiresAt },
      venueName: facts.venueName,
      startsAt: facts.startsAt,
    });
    const values = {
      id,
      code,
      slotId: facts.id,
      userId: user.id,
      kind: party.kind,
      status,
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
    };
    // The detail read goes out together with the insert; should it have run first, it found nothing and
    // is made again. A clash of codes inserted nothing: draw another.
    const [inserted, detail] = await Promise.all([
      insertBookingWithRecords(tx, values, audit, [{ recipient: user.email, ...message }]),
      bookingDetail(tx, id),
    ]);
    if (inserted) booking = detail ?? (await bookingDetail(tx, id));
  }
  if (pending && expiresAt) {
    const request = { id, code, places, status, expiresAt, pupils: booking.pupils, schoolName: booking.schoolName };
    await tellVenuePeople(tx, facts, (recipientName) =>
      bookingRequestMessage({ recipientName, booking: request, venueName: facts.venueName, startsAt: facts.startsAt }),
    );
  }
  return booking;
}

/** The account and, for a group, the school the booking is for. */
function bookerOf(actor: SignedInActor, body: BookingBody): Booker {
  return { userId: actor.user.id, schoolId: body.kind === 'group' ? body.school_id : null };
}

/**
 * The booking rules over one read of the facts: throws the refusal (in this order: no slot, the slot takes
 * no bookings, the party, one live booking per account, the group's school, no room), or answers how
 * the party's places are taken and whether the venue must approve.
 */
export function decideBooking(slot: BookingDecisionFacts | undefined, actor: SignedInActor, body: BookingBody) {
  if (!slot) throw Errors.slotNotFound();
  checkBookable(slot);
  const party = partyOf(body);
  const problem = partyProblem(party, slot);
  if (problem) throw partyError(problem);
  if (slot.liveBookingId) throw Errors.alreadyBooked(slot.liveBookingId);

  let greenChannel = false;
  if (body.kind === 'group') {
    const { role } = actor.user;
    if (role !== 'teacher' && role !== 'school_admin') throw Errors.groupNeedsTeacher();
    if (!slot.schoolExists) throw Errors.bookingSchoolNotFound();
    if (!slot.schoolMember) throw Errors.notSchoolTeacher();
    // Only a verified school's teachers take allocation places; others book public places as a group.
    greenChannel = slot.schoolVerified;
  }

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
  return { party, places, split, pending, expiresAt };
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
