import { randomUUID } from 'node:crypto';
import { slotGuardIsOff, type Db } from '../../db/client.ts';
import {
  bookingDetails,
  groupStanding,
  insertBookingsWithRecords,
  bookingBatchFacts,
  lockSlotForBooking,
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
 * `POST /api/bookings`: the requests for one slot that arrive in this process while its bookings are
 * being decided wait here, holding no database connection, and are then decided together in ONE
 * transaction under the slot's lock (createBookings: one lock, one read of the facts, the bookings
 * inserted together) — group commit. A lone request is decided on its own (createBooking). In a release
 * rush this turns thousands of transactions queueing for one row lock into a few dozen
 * (docs/PERFORMANCE.md, "Bookings").
 *
 * Sound because every decision is made under the lock, in arrival order, over facts read after the lock
 * was granted, with the places taken by the batch's earlier bookings counted: the same answers as one
 * transaction per request in that order. The database's lock and trigger still decide across processes.
 *
 * A slot that answered SOLD_OUT in the last seconds first answers its requests from one plain read, without
 * the lock, for all the requests waiting at that moment (answerFromRead): a refusal it finds is the answer
 * the request would have got had it been decided at the read's instant, which lies between its arrival and
 * its answer (a linearizable read); a request the read finds room for is decided under the lock. This
 * answers the thousands who come after the last place in a few statements, and stragglers at once while
 * another process holds the slot's lock.
 */
export async function bookSlot(db: Db, actor: Actor, body: BookingBody): Promise<BookingDetailRow> {
  const booker = signedInActor(actor);
  // The race tests' positive control goes straight to the transaction, without the queue or the read.
  if (slotGuardIsOff(db)) return runCommand(db, createBooking, booker, body);
  return SlotQueue.of(db, body.slot_id).book({ actor: booker, body });
}

/** When each slot last answered SOLD_OUT in this process, and for how long that keeps the plain read first. */
const soldOutAt = new Map<string, number>();
const SOLD_OUT_MEMORY_MS = 10_000;

function soldOutLately(slotId: string): boolean {
  const at = soldOutAt.get(slotId);
  if (at === undefined) return false;
  if (Date.now() - at < SOLD_OUT_MEMORY_MS) return true;
  soldOutAt.delete(slotId);
  return false;
}

function rememberOutcome(slotId: string, error: unknown): void {
  if (error instanceof ApiError && error.code === 'SOLD_OUT') rememberSoldOut(slotId);
}

function rememberSoldOut(slotId: string): void {
  if (soldOutAt.size > 1000) {
    for (const [id, at] of soldOutAt) if (Date.now() - at >= SOLD_OUT_MEMORY_MS) soldOutAt.delete(id);
  }
  soldOutAt.set(slotId, Date.now());
}

/** One request for places: who asks, and what they sent. */
export interface BookingRequest {
  actor: SignedInActor;
  body: BookingBody;
}

/** What became of one request of a batch: its booking, or its refusal. */
export type BookingOutcome = { booking: BookingDetailRow } | { refusal: ApiError };

interface Waiting {
  request: BookingRequest;
  resolve: (booking: BookingDetailRow) => void;
  reject: (error: unknown) => void;
  /** The plain read found room for it: the lock decides it. */
  read?: boolean;
}

/**
 * The booking requests of one slot through one database handle in this process: one batch decided at a
 * time, and the requests that arrive meanwhile wait for the next. A request under its Idempotency-Key
 * runs on its own transaction's handle, so it is always a batch of one.
 */
class SlotQueue {
  /** The most requests decided in one transaction. */
  static readonly BATCH = 500;
  /** The most requests one plain read answers. */
  static readonly READ = 5000;
  private static readonly queues = new WeakMap<Db, Map<string, SlotQueue>>();

  static of(db: Db, slotId: string): SlotQueue {
    let slots = SlotQueue.queues.get(db);
    if (!slots) SlotQueue.queues.set(db, (slots = new Map()));
    let queue = slots.get(slotId);
    if (!queue) slots.set(slotId, (queue = new SlotQueue(db, slotId, slots)));
    return queue;
  }

  /** Requests for the lock, in arrival order. */
  private readonly waiting: Waiting[] = [];
  /** Requests for the plain read (the slot answered SOLD_OUT lately). */
  private readonly toRead: Waiting[] = [];
  private deciding = false;
  private reading = false;

  private constructor(
    private readonly db: Db,
    private readonly slotId: string,
    private readonly home: Map<string, SlotQueue>,
  ) {}

  book(request: BookingRequest): Promise<BookingDetailRow> {
    return new Promise((resolve, reject) => {
      const waiting = { request, resolve, reject };
      if (soldOutLately(this.slotId)) {
        this.toRead.push(waiting);
        if (!this.reading) void this.readAll();
      } else {
        this.waiting.push(waiting);
        if (!this.deciding) void this.decideAll();
      }
    });
  }

  private async decideAll(): Promise<void> {
    this.deciding = true;
    try {
      for (;;) {
        // Once the slot has answered SOLD_OUT, those waiting are answered from a plain read first.
        if (soldOutLately(this.slotId)) this.readFirst();
        if (this.waiting.length === 0) break;
        await this.decide(this.waiting.splice(0, SlotQueue.BATCH));
      }
    } finally {
      this.deciding = false;
      this.forgetIfIdle();
    }
  }

  /** Moves the waiting requests the plain read has not seen to it. */
  private readFirst(): void {
    const unread = this.waiting.filter((w) => !w.read);
    if (unread.length === 0) return;
    this.waiting.splice(0, this.waiting.length, ...this.waiting.filter((w) => w.read));
    this.toRead.push(...unread);
    if (!this.reading) void this.readAll();
  }

  private async readAll(): Promise<void> {
    this.reading = true;
    try {
      while (this.toRead.length > 0) {
        // All that wait, in reads of up to READ each sent together: the next read's database time overlaps
        // the answering of the one before.
        const chunks: Waiting[][] = [];
        while (this.toRead.length > 0) chunks.push(this.toRead.splice(0, SlotQueue.READ));
        const survivors = (await Promise.all(chunks.map((chunk) => this.answerFromRead(chunk)))).flat();
        if (survivors.length === 0) continue;
        this.waiting.push(...survivors);
        if (!this.deciding) void this.decideAll();
      }
    } finally {
      this.reading = false;
      this.forgetIfIdle();
    }
  }

  private forgetIfIdle(): void {
    if (this.deciding || this.reading) return;
    if (this.waiting.length > 0) void this.decideAll();
    else if (this.toRead.length > 0) void this.readAll();
    else this.home.delete(this.slotId);
  }

  /**
   * Answers the requests the plain read refuses (one statement for them all, outside any transaction) and
   * returns those it finds room for, to be decided under the lock. Refusals take no places, so each is
   * the answer at the read's instant whatever the others are told.
   */
  private async answerFromRead(requests: Waiting[]): Promise<Waiting[]> {
    let facts: BatchFacts;
    try {
      facts = await batchFacts(
        this.db,
        this.slotId,
        requests.map((w) => w.request),
      );
    } catch {
      // The read failed: the lock decides.
      for (const waiting of requests) waiting.read = true;
      return requests;
    }
    const survivors: Waiting[] = [];
    // One view of the facts for every request, its booker's parts set before each decision (decideBooking
    // keeps nothing of it): a copy of the slot's facts per request was 3 % of a rush's CPU.
    const view = facts.slot && { ...facts.slot, liveBookingId: null as string | null, ...NO_STANDING };
    for (const waiting of requests) {
      const { actor, body } = waiting.request;
      if (view) {
        view.liveBookingId = facts.live.get(actor.user.id) ?? null;
        Object.assign(view, facts.standing.get(standingKey(actor, body)) ?? NO_STANDING);
      }
      try {
        decideBooking(view, actor, body);
        waiting.read = true;
        survivors.push(waiting);
      } catch (error) {
        if (!(error instanceof ApiError)) {
          waiting.read = true;
          survivors.push(waiting);
          continue;
        }
        rememberOutcome(this.slotId, error);
        waiting.reject(error);
      }
    }
    return survivors;
  }

  private async decide(batch: Waiting[]): Promise<void> {
    if (batch.length > 1) {
      let outcomes: BookingOutcome[] | undefined;
      const seen = { full: false };
      try {
        outcomes = await this.db.transaction((tx) =>
          createBookings(
            tx,
            batch.map((w) => w.request),
            seen,
          ),
        );
      } catch {
        // Nothing of the batch was written (a failure of the database, say): each request on its own.
      }
      if (outcomes) {
        // The batch, now committed, left no place free: those who wait are answered from a plain read first,
        // rather than one more batch under the lock refusing them all.
        if (seen.full) rememberSoldOut(this.slotId);
        outcomes.forEach((outcome, i) => {
          if ('booking' in outcome) return batch[i]!.resolve(outcome.booking);
          rememberOutcome(this.slotId, outcome.refusal);
          batch[i]!.reject(outcome.refusal);
        });
        return;
      }
    }
    for (const { request, resolve, reject } of batch) {
      try {
        resolve(await runCommand(this.db, createBooking, request.actor, request.body));
      } catch (error) {
        rememberOutcome(this.slotId, error);
        reject(error);
      }
    }
  }
}

/**
 * Books places in a slot for a family or a school group (PRODUCT.md, "Rules the booking core never
 * breaks"): createBookings for one request, its refusal thrown (so the transaction writes nothing).
 */
export async function createBooking(tx: Db, actor: SignedInActor, body: BookingBody): Promise<BookingDetailRow> {
  const [outcome] = await createBookings(tx, [{ actor, body }]);
  if (!outcome) throw new Error('createBookings answered nothing');
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome.booking;
}

/**
 * Decides requests for places in ONE slot, in order, under the slot's lock (PRODUCT.md, "Rules the
 * booking core never breaks"). For each it checks the slot takes bookings now, the party's size and
 * grade, the one live booking per account, and the green channel (a group of a verified school's
 * confirmed teacher takes school-allocation places until their release, then public ones if the slot
 * allows); a party that does not fit whole is refused SOLD_OUT. A booking is confirmed, or pending when
 * the slot wants the venue's approval, holding its places until the venue decides or the deadline
 * passes. Audited; the booker (and, for a request, the venue) told through the outbox. Each request's
 * decision counts the places of the batch's bookings before it, exactly as if each had its own
 * transaction in this order.
 *
 * Four round trips however many requests (docs/PERFORMANCE.md, "Bookings"): BEGIN; the lock and the
 * facts, sent together; the bookings with their audit entries and messages in one statement, sent
 * together with the read of their detail; COMMIT — plus the slot's settling (settleSlot) when something
 * lapsed or someone waits while places are free.
 */
export async function createBookings(
  tx: Db,
  requests: BookingRequest[],
  /** Set to whether the batch's bookings leave the slot without a free place. */
  seen: { full: boolean } = { full: false },
): Promise<BookingOutcome[]> {
  const slotId = requests[0]?.body.slot_id;
  if (!slotId || requests.some((r) => r.body.slot_id !== slotId)) throw new Error('one slot per batch');
  // The lock and the facts go out together, in this order, in one write to the transaction's connection:
  // PostgreSQL runs the facts statements, and takes their snapshots, only once the lock is granted, so they
  // see every booking committed before (facts sent first would miss those; the trigger would then refuse
  // the insert, a 500). drizzle hands a statement to postgres.js a few microtasks after it is awaited, and
  // postgres.js writes on the next turn of the event loop, so one turn of the loop between the two keeps
  // their order without waiting a round trip (tests/commands/book-slot.test.ts checks it).
  const locked = lockSlotForBooking(tx, slotId);
  locked.catch(() => {}); // awaited below; this only keeps a failure from being reported as unhandled
  await new Promise((resolve) => setImmediate(resolve));
  let facts = await batchFacts(tx, slotId, requests);
  await locked;
  // With the slot guard off (the race tests' positive control, test-only) the slot is settled every time,
  // as before this check existed: the same steps between read and write as the guarded path had when the
  // controls were written, so they see the race the lock prevents.
  if (facts.slot?.status === 'scheduled' && (facts.guardOff || needsSettling(facts))) {
    // Lapsed offers and requests expire, and places they free go to the waitlist before these bookers
    // (rule 4); then the facts are read again.
    const settled = await settleSlot(tx, slotId, requests[0]!.actor);
    if (settled.expired > 0 || settled.offers.length > 0) facts = await batchFacts(tx, slotId, requests);
  }

  const takenHere = { school: 0, public: 0 };
  const bookedHere = new Map<string, string>();
  const outcomes: (BookingOutcome | NewBookingPlan)[] = [];
  const plans: NewBookingPlan[] = [];
  for (const request of requests) {
    const { actor, body } = request;
    const slot = decisionFacts(facts, actor, body, takenHere, bookedHere.get(actor.user.id));
    try {
      const decision = decideBooking(slot, actor, body);
      const plan = { request, facts: slot!, decision, id: randomUUID() };
      takenHere.school += decision.split.school;
      takenHere.public += decision.split.public;
      bookedHere.set(actor.user.id, plan.id);
      plans.push(plan);
      outcomes.push(plan);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      outcomes.push({ refusal: error });
    }
  }

  seen.full =
    facts.slot !== undefined &&
    placesLeft(
      {
        ...facts.slot,
        takenSchool: facts.slot.takenSchool + takenHere.school,
        takenPublic: facts.slot.takenPublic + takenHere.public,
      },
      facts.slot.now,
    ).total === 0;
  const made = await insertBookings(tx, plans);
  for (const plan of plans) {
    const { decision, facts: slot } = plan;
    const booking = made.get(plan.id)!;
    if (decision.pending && decision.expiresAt) {
      const request = {
        id: booking.id,
        code: booking.code,
        places: decision.places,
        status: booking.status,
        expiresAt: decision.expiresAt,
        pupils: booking.pupils,
        schoolName: booking.schoolName,
      };
      await tellVenuePeople(tx, slot, (recipientName) =>
        bookingRequestMessage({ recipientName, booking: request, venueName: slot.venueName, startsAt: slot.startsAt }),
      );
    }
  }
  return outcomes.map((outcome) => ('decision' in outcome ? { booking: made.get(outcome.id)! } : outcome));
}

/** A booking decided and about to be written. */
interface NewBookingPlan {
  request: BookingRequest;
  facts: BookingDecisionFacts;
  decision: ReturnType<typeof decideBooking>;
  id: string;
}

/**
 * The facts a batch's decisions read, in statements sent together: the slot's facts with the live
 * bookings of its accounts and whether it needs settling (one statement), and for each group the
 * school's standing and its booker's membership.
 */
async function batchFacts(tx: Db, slotId: string, requests: BookingRequest[]) {
  const groups = new Map<string, { userId: string; schoolId: string }>();
  for (const { actor, body } of requests) {
    if (body.kind === 'group')
      groups.set(standingKey(actor, body), { userId: actor.user.id, schoolId: body.school_id });
  }
  const [facts, standings] = await Promise.all([
    bookingBatchFacts(tx, slotId, [...new Set(requests.map((r) => r.actor.user.id))]),
    Promise.all(
      [...groups].map(async ([key, { userId, schoolId }]) => {
        const standing = await groupStanding(tx, userId, schoolId);
        return [
          key,
          { schoolExists: standing.schoolExists, schoolVerified: standing.verified, schoolMember: standing.member },
        ] as const;
      }),
    ),
  ]);
  return {
    slot: facts?.slot,
    live: facts?.live ?? new Map<string, string>(),
    guardOff: facts?.guardOff ?? false,
    settling: { lapsed: facts?.lapsedHolds ?? false, waiting: facts?.waitlistWaiting ?? false },
    standing: new Map(standings),
  };
}

type BatchFacts = Awaited<ReturnType<typeof batchFacts>>;

/**
 * One request's view of a batch's facts: the places the batch's earlier bookings took counted as taken,
 * and its account's live booking (one the batch made for it, or one before).
 */
function decisionFacts(
  facts: BatchFacts,
  actor: SignedInActor,
  body: BookingBody,
  takenHere = { school: 0, public: 0 },
  bookedHere?: string,
): BookingDecisionFacts | undefined {
  return (
    facts.slot && {
      ...facts.slot,
      takenSchool: facts.slot.takenSchool + takenHere.school,
      takenPublic: facts.slot.takenPublic + takenHere.public,
      liveBookingId: bookedHere ?? facts.live.get(actor.user.id) ?? null,
      ...(facts.standing.get(standingKey(actor, body)) ?? NO_STANDING),
    }
  );
}

/** The standing of a booker who books for no school (a family). */
const NO_STANDING: Readonly<Pick<BookingDecisionFacts, 'schoolExists' | 'schoolVerified' | 'schoolMember'>> = {
  schoolExists: false,
  schoolVerified: false,
  schoolMember: false,
};

/**
 * Whether settleSlot has anything to do: a hold or request lapsed (its places free), or someone waits
 * while places are free (they are offered before the public). Read with the facts, so a booking that
 * needs neither costs no round trip more.
 */
function needsSettling({ slot, settling }: BatchFacts): boolean {
  if (!slot) return false;
  return settling.lapsed || (settling.waiting && placesLeft(slot, slot.now).total > 0);
}

/** The key of a group's standing: its booker and school (a family has none). */
function standingKey(actor: SignedInActor, body: BookingBody): string {
  return body.kind === 'group' ? `${actor.user.id}/${body.school_id}` : '';
}

/**
 * Inserts the batch's bookings, with their audit entries and messages, in one statement; a booking whose
 * code clashed with another is drawn a new code and inserted again. Answers each booking's detail by id.
 */
async function insertBookings(tx: Db, plans: NewBookingPlan[]): Promise<Map<string, BookingDetailRow>> {
  const made = new Map<string, BookingDetailRow>();
  let left = plans;
  while (left.length > 0) {
    const ids = left.map((plan) => plan.id);
    // The read of the details goes out together with the insert; should it have run first, it found
    // nothing, and what is missing is read again.
    const [inserted, details] = await Promise.all([
      insertBookingsWithRecords(
        tx,
        left.map((plan) => bookingRecords(plan, newBookingCode())),
      ),
      bookingDetails(tx, ids),
    ]);
    for (const [id, detail] of details) if (inserted.has(id)) made.set(id, detail);
    const unread = ids.filter((id) => inserted.has(id) && !made.has(id));
    if (unread.length > 0) for (const [id, detail] of await bookingDetails(tx, unread)) made.set(id, detail);
    left = left.filter((plan) => !inserted.has(plan.id));
  }
  return made;
}

/** The booking's row, its audit entry and its message to the booker, under the given code. */
function bookingRecords(plan: NewBookingPlan, code: string) {
  const { request, facts, decision, id } = plan;
  const { actor, body } = request;
  const { party, places, split, pending, expiresAt } = decision;
  const status = pending ? ('pending' as const) : ('confirmed' as const);
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
  const message = bookingMadeMessage({
    recipientName: actor.user.displayName,
    booking: { id, code, places, status, expiresAt },
    venueName: facts.venueName,
    startsAt: facts.startsAt,
  });
  const values = {
    id,
    code,
    slotId: facts.id,
    userId: actor.user.id,
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
  return { values, audit, messages: [{ recipient: actor.user.email, ...message }] };
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
