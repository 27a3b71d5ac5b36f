/**
 * The model-based property test of the booking core: random sequences of steps (book as families and
 * groups by parents and by teachers of verified, unverified and not-yet-confirmed schools; cancel by the
 * booker, the venue and a stranger; approve; decline; a request's deadline passing; the allocation's
 * release passing; the venue changing capacity and allocation) run through the real commands on a real
 * database, and after every step the database must agree with a plain in-memory model of PRODUCT.md's
 * rules (tests/support/booking-model.ts): the same answer or error code, the same places left in each
 * allocation, the same status and split of every booking. Time moves the way the commands read it: they
 * compare with the database's now(), so a deadline or a release "passes" when it is set before now().
 */
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.ts';
import { slotBookingFacts, takesPlaces } from '../../db/queries/bookings.ts';
import { bookings, slots } from '../../db/schema/index.ts';
import { placesLeft } from '../../domain/places-left.ts';
import { cancelBooking, lapsedStatus } from '../../server/commands/cancel-booking.ts';
import { createBooking } from '../../server/commands/create-booking.ts';
import { decideBooking } from '../../server/commands/decide-booking.ts';
import { ApiError } from '../../server/errors.ts';
import type { BookingBody } from '../../server/schemas/booking-party.ts';
import { sqlState } from '../../server/services/import/db-errors.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import {
  applyStep,
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

/** Mostly requests that may succeed (so places fill, free and refill), some that break a rule. */
const bookArb: fc.Arbitrary<ModelStep> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('book' as const),
      who: fc.constantFrom<AccountKey>('parentA', 'parentB', 'parentC'),
      party: familyArb(fc.integer({ min: 1, max: 3 })),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('book' as const),
      who: fc.constantFrom<AccountKey>('teacherV1', 'teacherV2'),
      party: groupArb(fc.constant('verified'), fc.integer({ min: 1, max: 3 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('book' as const),
      who: fc.constant<AccountKey>('teacherU'),
      party: groupArb(fc.constant('unverified'), fc.integer({ min: 1, max: 3 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('book' as const),
      who: fc.constantFrom(...accountKeys),
      party: fc.oneof(familyArb(fc.nat(3)), groupArb(anySchool, fc.nat(3))),
    }),
  },
);

const stepArb: fc.Arbitrary<ModelStep> = fc.oneof(
  { weight: 8, arbitrary: bookArb },
  {
    weight: 2,
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
    capacity: fc.integer({ min: 4, max: 40 }),
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

/** One sequence's slot in the database and the ids of the bookings made so far, in the model's order. */
interface Real {
  tx: Db;
  cast: Cast;
  slotId: string;
  bookingIds: string[];
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
    // The slot guard's refusal of a capacity cut is the model's 409 (PATCH /api/slots will word it so).
    if (sqlState(error) === 'KM002') return 'CAPACITY_BELOW_TAKEN';
    throw error;
  }
}

/** Runs a step through the real commands (or, for time and the venue's slot changes, the database). */
async function runStep(real: Real, model: ModelState, step: ModelStep): Promise<ModelOutcome> {
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
      return { code: 'ok', status: 'expired' };
    }
    case 'release':
      await tx.execute(
        sql`UPDATE slots SET allocation_release_at = now() - interval '1 second' WHERE id = ${real.slotId}`,
      );
      return { code: 'ok' };
    case 'resize':
      return {
        code: await attempt(tx, (sp) =>
          sp
            .update(slots)
            .set({ capacity: step.capacity, schoolAllocation: step.allocation })
            .where(eq(slots.id, real.slotId)),
        ),
      };
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
}

describe.each(testEngines())('the booking core against its model on %s', (engine) => {
  it('rules 1–5: random sequences of book, cancel, approve, decline, expire, release and capacity change agree with the model after every step', async () => {
    const database = await openTestDb(engine);
    try {
      await rollback(database, async (tx) => {
        const cast = await castOf(database, tx);
        await fc.assert(
          fc.asyncProperty(
            slotArb,
            fc.array(stepArb, { minLength: 5, maxLength: 30, size: 'medium' }),
            async (slot, steps) => {
              const model = newModel(slot);
              const real: Real = { tx, cast, slotId: await realSlot(tx, cast, slot), bookingIds: [] };
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
