/**
 * The model-based property test of the booking core: random sequences of steps (book as families and
 * groups by parents and by teachers of verified, unverified and not-yet-confirmed schools; cancel by the
 * booker, the venue and a stranger; approve; decline; a request's deadline passing; the allocation's
 * release passing; the venue changing capacity and allocation; joining and leaving the waitlist,
 * accepting an offer and letting one lapse) run through the real commands on a real database, and after
 * every step the database must agree with a plain in-memory model of PRODUCT.md's rules
 * (tests/support/booking-model.ts): the same answer or error code, the same places left in each
 * allocation, the same status and split of every booking, the same status and offer of every waitlist
 * entry. Time moves the way the commands read it: they compare with the database's now(), so a deadline
 * or a release "passes" when it is set before now(); then the sweep of lapsed offers and releases
 * (server/services/waitlist-sweep.ts) settles the slot, as it would within a minute.
 */
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.ts';
import { slotBookingFacts, takesPlaces } from '../../db/queries/bookings.ts';
import { bookings, waitlistEntries } from '../../db/schema/index.ts';
import { placesLeft } from '../../domain/places-left.ts';
import { cancelBooking, lapsedStatus } from '../../server/commands/cancel-booking.ts';
import { acceptOffer } from '../../server/commands/accept-offer.ts';
import { createBooking } from '../../server/commands/create-booking.ts';
import { decideBooking } from '../../server/commands/decide-booking.ts';
import { joinWaitlist } from '../../server/commands/join-waitlist.ts';
import { leaveWaitlist } from '../../server/commands/leave-waitlist.ts';
import { updateSlot } from '../../server/commands/update-slot.ts';
import { settleSlot, SYSTEM_ACTOR } from '../../server/commands/waitlist-offers.ts';
import { ApiError } from '../../server/errors.ts';
import type { BookingBody, WaitlistBody } from '../../server/schemas/booking-party.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import {
  applyStep,
  entryTargetOf,
  MODEL_ACCOUNTS,
  newModel,
  placesLeftOf,
  placesTaken,
  targetOf,
  type AccountKey,
  type ModelOutcome,
  type ModelParty,
  type ModelSlot,
  type ModelState,
  type ModelStep,
  type SchoolKey,
} from '../support/booking-model.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { actorOf, buildSchool, buildSchoolMember, buildVenue, buildVerifiedSchool } from '../support/factories.ts';
import { buildSlot } from '../support/factories.ts';

const HOUR = 3_600_000;
/** Sequences per engine: enough to meet every rule often, quick enough for the suite. */
const RUNS = 50;

const accountKeys = Object.keys(MODEL_ACCOUNTS) as AccountKey[];

const familyArb = (adults: fc.Arbitrary<number>) =>
  fc.record({ kind: fc.constant('family' as const), adults, children: fc.nat(3) });
const groupArb = (school: fc.Arbitrary<SchoolKey>, adults: fc.Arbitrary<number>) =>
  fc.record({ kind: fc.constant('group' as const), school, pupils: fc.integer({ min: 1, max: 15 }), adults });
const anySchool = fc.constantFrom('verified' as const, 'unverified' as const);

const parents: AccountKey[] = ['parentA', 'parentB', 'parentC', 'parentD', 'parentE', 'parentF', 'parentG', 'parentH'];

/**
 * Mostly requests that may succeed (so places fill, free and refill), some that break a rule. Small
 * families are the most common, so that several wait at once and the order of offers shows.
 */
const requestArb = <T extends 'book' | 'join'>(type: T) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant(type),
        who: fc.constantFrom(...parents),
        party: fc.record({ kind: fc.constant('family' as const), adults: fc.constant(1), children: fc.nat(2) }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant(type),
        who: fc.constantFrom(...parents),
        party: familyArb(fc.integer({ min: 1, max: 3 })),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant(type),
        who: fc.constantFrom<AccountKey>('teacherV1', 'teacherV2'),
        party: groupArb(fc.constant('verified'), fc.integer({ min: 1, max: 3 })),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant(type),
        who: fc.constant<AccountKey>('teacherU'),
        party: groupArb(fc.constant('unverified'), fc.integer({ min: 1, max: 3 })),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant(type),
        who: fc.constantFrom(...accountKeys),
        party: fc.oneof(familyArb(fc.nat(3)), groupArb(anySchool, fc.nat(3))),
      }),
    },
  );

const stepArb: fc.Arbitrary<ModelStep> = fc.oneof(
  { weight: 8, arbitrary: requestArb('book') },
  { weight: 4, arbitrary: requestArb('join') },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('leave' as const),
      entry: fc.nat(10),
      by: fc.constantFrom('self' as const, 'self' as const, 'stranger' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('accept' as const), entry: fc.nat(10) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('lapse' as const), entry: fc.nat(10) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('cancel' as const),
      booking: fc.nat(20),
      by: fc.constantFrom('booker' as const, 'venue' as const, 'stranger' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constantFrom('approve' as const, 'decline' as const),
      booking: fc.nat(20),
      by: fc.constantFrom('venue' as const, 'venue' as const, 'stranger' as const),
      among: fc.constantFrom('waiting' as const, 'waiting' as const, 'any' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('expire' as const), booking: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('release' as const) }) },
  {
    weight: 1,
    arbitrary: fc
      .record({ capacity: fc.nat(45), share: fc.double({ min: 0, max: 1, noNaN: true }) })
      .map(({ capacity, share }) => ({
        type: 'resize' as const,
        capacity,
        allocation: Math.floor(capacity * share),
      })),
  },
);

const slotArb: fc.Arbitrary<ModelSlot> = fc
  .record({
    capacity: fc.integer({ min: 4, max: 24 }),
    share: fc.double({ min: 0, max: 0.8, noNaN: true }),
    approval: fc.constantFrom('none' as const, 'groups' as const, 'all' as const),
    groupsUsePublic: fc.boolean(),
    maxFamilyParty: fc.integer({ min: 2, max: 8 }),
    cancellationClosed: fc.boolean(),
  })
  .map(({ share, ...slot }) => ({ ...slot, allocation: Math.floor(slot.capacity * share), released: false }));

/** The accounts of the model, a venue manager and a stranger manager, made once per engine. */
interface Cast {
  accounts: Record<AccountKey, TestActor>;
  schools: Record<'verified' | 'unverified', string>;
  manager: TestActor;
  stranger: TestActor;
}

async function castOf(database: Database, tx: Db): Promise<Cast> {
  const inTx: Database = { ...database, db: tx };
  const schools = { verified: (await buildVerifiedSchool(tx)).id, unverified: (await buildSchool(tx)).id };
  const accounts = {} as Record<AccountKey, TestActor>;
  for (const key of accountKeys) {
    const spec: { role: 'parent' | 'teacher'; school?: 'verified' | 'unverified' | null } = MODEL_ACCOUNTS[key];
    const actor = await createActor(inTx, { role: spec.role });
    if (spec.role === 'teacher') {
      // A teacher without a confirmed school is one the verified school has not confirmed yet.
      const school = spec.school ?? 'verified';
      await buildSchoolMember(tx, schools[school], actor, { status: spec.school ? 'approved' : 'pending' });
    }
    accounts[key] = actor;
  }
  return {
    accounts,
    schools,
    manager: await createActor(inTx, { role: 'venue_manager' }),
    stranger: await createActor(inTx, { role: 'venue_manager' }),
  };
}

/** One sequence's slot in the database and the ids of its bookings and waitlist entries, in the model's order. */
interface Real {
  tx: Db;
  cast: Cast;
  slotId: string;
  bookingIds: string[];
  entryIds: string[];
}

async function realSlot(tx: Db, cast: Cast, slot: ModelSlot): Promise<string> {
  const venue = await buildVenue(tx, { organisationId: cast.manager.organisationId! });
  const built = await buildSlot(tx, {
    venueId: venue.id,
    capacity: slot.capacity,
    schoolAllocation: slot.allocation,
    allocationReleaseAt: new Date(Date.now() + 48 * HOUR),
    approval: slot.approval,
    groupsUsePublic: slot.groupsUsePublic,
    maxFamilyParty: slot.maxFamilyParty,
    // The slot starts 6–7 days on: 200 hours before it has passed already.
    cancelHoursBefore: slot.cancellationClosed ? 200 : 24,
  });
  return built.id;
}

function bodyOf(real: Real, party: ModelParty): BookingBody {
  return party.kind === 'family'
    ? { slot_id: real.slotId, kind: 'family', adults: party.adults, children_by_band: { '6-12': party.children } }
    : {
        slot_id: real.slotId,
        kind: 'group',
        school_id: real.cast.schools[party.school],
        pupils: party.pupils,
        adults: party.adults,
        grade: 4,
      };
}

/** Runs work in a savepoint, answering `ok` or the code it was refused with. */
async function attempt(tx: Db, work: (sp: Db) => Promise<unknown>): Promise<string> {
  try {
    await tx.transaction(async (sp) => {
      await work(sp);
    });
    return 'ok';
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
}

/**
 * The bookings the step's commands made (waitlist offers) that the real run has not seen yet, in the
 * order they were made: the model appends its offers in the same order.
 */
async function noteNewBookings(real: Real): Promise<void> {
  const known = new Set(real.bookingIds);
  const rows = await real.tx
    .select({ id: bookings.id, entryId: waitlistEntries.id })
    .from(bookings)
    .leftJoin(waitlistEntries, eq(waitlistEntries.offerBookingId, bookings.id))
    .where(eq(bookings.slotId, real.slotId));
  // Offers are made in the order of the entries they go to.
  const order = new Map(real.entryIds.map((id, i) => [id, i]));
  const fresh = rows
    .filter((row) => !known.has(row.id))
    .sort((a, b) => (order.get(a.entryId ?? '') ?? -1) - (order.get(b.entryId ?? '') ?? -1));
  real.bookingIds.push(...fresh.map((row) => row.id));
}

/** The sweep of lapsed offers and releases, for this slot: what server/services/waitlist-sweep.ts does within a minute. */
const sweep = (real: Real) =>
  attempt(real.tx, (sp) => settleSlot(sp, real.slotId, SYSTEM_ACTOR)).then((code) => {
    if (code !== 'ok') throw new Error(`the sweep was refused: ${code}`);
  });

const waitlistPartyOf = (real: Real, party: ModelParty): WaitlistBody => {
  const { slot_id: _slot, ...rest } = bodyOf(real, party);
  return rest as WaitlistBody;
};

/** Runs a step through the real commands (time passes in the database, then the sweep runs), noting new bookings. */
async function runStep(real: Real, model: ModelState, step: ModelStep): Promise<ModelOutcome> {
  const outcome = await runCommand(real, model, step);
  await noteNewBookings(real);
  return outcome;
}

async function runCommand(real: Real, model: ModelState, step: ModelStep): Promise<ModelOutcome> {
  const { tx, cast } = real;
  // The booking the step acts on, found the model's way (the model's bookings and the database's agree,
  // checked after every step).
  const target = targetOf(model, step);
  switch (step.type) {
    case 'book': {
      let made: { id: string; status: string } | undefined;
      const code = await attempt(tx, async (sp) => {
        made = await createBooking(sp, actorOf(cast.accounts[step.who]), bodyOf(real, step.party));
      });
      if (!made) return { code };
      // Every step leaves no waiting party that fits the places free, so the command offered nothing first.
      real.bookingIds.push(made.id);
      return { code, status: made.status as ModelOutcome['status'] };
    }
    case 'cancel': {
      if (target === undefined) return { code: 'nothing' };
      const by = { booker: cast.accounts[model.bookings[target]!.who], venue: cast.manager, stranger: cast.stranger }[
        step.by
      ];
      const input = { bookingId: real.bookingIds[target]!, reason: '模型测试' };
      const code = await attempt(tx, (sp) => cancelBooking(sp, actorOf(by), input));
      return code === 'ok' ? { code, status: 'cancelled' } : { code };
    }
    case 'approve':
    case 'decline': {
      if (target === undefined) return { code: 'nothing' };
      const by = step.by === 'venue' ? cast.manager : cast.stranger;
      const outcome = step.type === 'approve' ? 'confirmed' : 'declined';
      const input = { bookingId: real.bookingIds[target]!, outcome, reason: '名额调整' } as const;
      const code = await attempt(tx, (sp) => decideBooking(sp, actorOf(by), input));
      return code === 'ok' ? { code, status: outcome } : { code };
    }
    case 'expire': {
      if (target === undefined) return { code: 'nothing' };
      const id = real.bookingIds[target]!;
      await tx.execute(sql`UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = ${id}`);
      await sweep(real);
      return { code: 'ok', status: 'expired' };
    }
    case 'release':
      await tx.execute(
        sql`UPDATE slots SET allocation_release_at = now() - interval '1 second' WHERE id = ${real.slotId}`,
      );
      await sweep(real);
      return { code: 'ok' };
    case 'resize': {
      const input = { slotId: real.slotId, capacity: step.capacity, school_allocation: step.allocation };
      return { code: await attempt(tx, (sp) => updateSlot(sp, actorOf(cast.manager), input)) };
    }
    case 'join': {
      let entryId: string | undefined;
      const code = await attempt(tx, async (sp) => {
        const input = { slotId: real.slotId, party: waitlistPartyOf(real, step.party) };
        entryId = (await joinWaitlist(sp, actorOf(cast.accounts[step.who]), input)).id;
      });
      if (entryId) real.entryIds.push(entryId);
      return { code };
    }
    case 'leave': {
      const i = entryTargetOf(model, step);
      if (i === undefined) return { code: 'nothing' };
      const self = cast.accounts[model.waitlist[i]!.who];
      const by = step.by === 'self' ? self : cast.accounts[self === cast.accounts.parentA ? 'parentB' : 'parentA'];
      return { code: await attempt(tx, (sp) => leaveWaitlist(sp, actorOf(by), { entryId: real.entryIds[i]! })) };
    }
    case 'accept': {
      const i = entryTargetOf(model, step);
      if (i === undefined) return { code: 'nothing' };
      const entry = model.waitlist[i]!;
      let status: ModelOutcome['status'];
      const code = await attempt(tx, async (sp) => {
        const input = { bookingId: real.bookingIds[entry.offer!]! };
        status = (await acceptOffer(sp, actorOf(cast.accounts[entry.who]), input)).status as ModelOutcome['status'];
      });
      return code === 'ok' ? { code, status } : { code };
    }
    case 'lapse': {
      const i = entryTargetOf(model, step);
      if (i === undefined) return { code: 'nothing' };
      const id = real.bookingIds[model.waitlist[i]!.offer!]!;
      await tx.execute(sql`UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = ${id}`);
      await sweep(real);
      return { code: 'ok' };
    }
  }
}

/** The database must agree with the model: places left per allocation, and each booking's status and split. */
async function expectAgreement(real: Real, model: ModelState, context: string): Promise<void> {
  const facts = (await slotBookingFacts(real.tx, real.slotId))!;
  expect({ capacity: facts.capacity, allocation: facts.schoolAllocation }, context).toEqual({
    capacity: model.slot.capacity,
    allocation: model.slot.allocation,
  });
  expect(placesLeft(facts, facts.now), context).toEqual(placesLeftOf(model));
  // Rule 1, on the rows themselves.
  const taken = placesTaken(model);
  expect(facts.takenSchool + facts.takenPublic, context).toBe(taken.total);
  expect(taken.total, context).toBeLessThanOrEqual(model.slot.capacity);
  expect(taken.school, context).toBeLessThanOrEqual(model.slot.allocation);
  const rows = await real.tx
    .select({
      id: bookings.id,
      status: bookings.status,
      live: takesPlaces().mapWith(Boolean),
      school: bookings.schoolPlaces,
      public: bookings.publicPlaces,
    })
    .from(bookings)
    .where(eq(bookings.slotId, real.slotId));
  const byId = new Map(rows.map((row) => [row.id, row]));
  expect(rows, context).toHaveLength(model.bookings.length);
  expect(
    real.bookingIds.map((id) => {
      const row = byId.get(id)!;
      return { status: lapsedStatus(row.status, row.live), school: row.school, public: row.public };
    }),
    context,
  ).toEqual(model.bookings.map((b) => ({ status: b.status, school: b.school, public: b.public })));
  // Rule 4: each entry's status, and the offer that holds its places.
  const entries = await real.tx
    .select({ id: waitlistEntries.id, status: waitlistEntries.status, offer: waitlistEntries.offerBookingId })
    .from(waitlistEntries)
    .where(eq(waitlistEntries.slotId, real.slotId));
  const entryById = new Map(entries.map((row) => [row.id, row]));
  expect(entries, context).toHaveLength(model.waitlist.length);
  expect(
    real.entryIds.map((id) => {
      const row = entryById.get(id)!;
      return { status: row.status, offer: row.offer === null ? undefined : real.bookingIds.indexOf(row.offer) };
    }),
    context,
  ).toEqual(model.waitlist.map((e) => ({ status: e.status, offer: e.offer })));
}

describe.each(testEngines())('the booking core against its model on %s', (engine) => {
  it('rules 1–5: random sequences of book, cancel, approve, decline, expire, waitlist (join, leave, accept, lapse), release and capacity change agree with the model after every step', async () => {
    const database = await openTestDb(engine);
    try {
      await rollback(database, async (tx) => {
        const cast = await castOf(database, tx);
        await fc.assert(
          fc.asyncProperty(
            slotArb,
            fc.array(stepArb, { minLength: 5, maxLength: 60, size: 'medium' }),
            async (slot, steps) => {
              const model = newModel(slot);
              const slotId = await realSlot(tx, cast, slot);
              const real: Real = { tx, cast, slotId, bookingIds: [], entryIds: [] };
              for (const [n, step] of steps.entries()) {
                const context = `step ${n + 1}: ${JSON.stringify(step)}`;
                const actual = await runStep(real, model, step);
                const expected = applyStep(model, step);
                expect(actual, context).toEqual(expected);
                await expectAgreement(real, model, context);
              }
            },
          ),
          { numRuns: RUNS },
        );
      });
    } finally {
      await database.close();
    }
  }, 240_000);
});
