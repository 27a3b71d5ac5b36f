/**
 * PRODUCT.md's booking rules under concurrency, proven with real clients: many HTTP requests at once
 * against the API on a real port over PostgreSQL (PGlite has one connection, so it cannot race). Each
 * race runs twice: against the app as it ships, where the rule must hold, and against the same app whose
 * database connections switch the slot guard off (db/client.ts `slotGuard: false`: no slot lock in the
 * booking command, no trigger), where the same check must fail — the positive control that shows the
 * test can see an oversold slot.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../db/client.ts';
import { bookings } from '../../db/schema/index.ts';
import { buildApp, type App } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { openPrivateDb, TEST_DATABASE_URL } from '../support/engines.ts';
import { buildSlot, buildVenue, buildVerifiedSchool } from '../support/factories.ts';

interface Served {
  app: App;
  database: Database;
  base: string;
}

async function serve(url: string, slotGuard: boolean): Promise<Served> {
  const database = await createDb({ databaseUrl: url, maxConnections: 16, slotGuard });
  const app = await buildApp({ database, config: loadConfig({}), web: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, database, base: address };
}

interface Outcome {
  status: number;
  body: { id?: string; error?: { code: string } };
}

/** Sends every request at once (each client its own connection), and answers in order. */
function all(requests: (() => Promise<Outcome>)[]): Promise<Outcome[]> {
  return Promise.all(requests.map((send) => send()));
}

function post(base: string, path: string, actor: TestActor, body: unknown, headers: Record<string, string> = {}) {
  return async (): Promise<Outcome> => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...actor.headers, ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Outcome['body'] };
  };
}

describe.runIf(TEST_DATABASE_URL)('booking races over HTTP on PostgreSQL', () => {
  let dispose: () => Promise<void>;
  let database: Database;
  let guarded: Served;
  let unguarded: Served;
  let manager: TestActor;
  let parents: TestActor[];
  let teachers: TestActor[];
  let schoolId: string;

  beforeAll(async () => {
    const opened = await openPrivateDb('postgres');
    ({ database, dispose } = opened);
    guarded = await serve(opened.url!, true);
    unguarded = await serve(opened.url!, false);
    manager = await createActor(database, { role: 'venue_manager' });
    parents = [];
    for (let i = 0; i < 60; i++) parents.push(await createActor(database, { role: 'parent' }));
    schoolId = (await buildVerifiedSchool(database.db)).id;
    teachers = [];
    for (let i = 0; i < 12; i++) teachers.push(await createActor(database, { role: 'teacher', schoolId }));
  }, 180_000);
  afterAll(async () => {
    for (const served of [guarded, unguarded]) {
      await served?.app.close();
      await served?.database.close();
    }
    await dispose?.();
  });

  async function newSlot(overrides: Parameters<typeof buildSlot>[1] = {}) {
    const venue = await buildVenue(database.db, { organisationId: manager.organisationId! });
    return buildSlot(database.db, { venueId: venue.id, approval: 'none', ...overrides });
  }

  async function placesTaken(slotId: string): Promise<number> {
    const [row] = await database.db
      .select({ places: sql<number>`coalesce(sum(${bookings.places}), 0)`.mapWith(Number) })
      .from(bookings)
      .where(and(eq(bookings.slotId, slotId), inArray(bookings.status, ['confirmed', 'pending', 'held'])));
    return row!.places;
  }

  /** 60 families of 2 race for 50 places: 25 win, 35 are told SOLD_OUT, nothing else. */
  async function familyRush(server: Served) {
    const slot = await newSlot({ capacity: 50 });
    const body = { slot_id: slot.id, kind: 'family', adults: 1, children_by_band: { '6-12': 1 } };
    const outcomes = await all(parents.map((parent) => post(server.base, '/api/bookings', parent, body)));
    return { outcomes, taken: await placesTaken(slot.id), capacity: 50 };
  }

  it('rule 1: places taken never exceed capacity, with 60 families at once', async () => {
    const { outcomes, taken } = await familyRush(guarded);
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
    expect(outcomes.filter((o) => o.status === 201)).toHaveLength(25);
    expect(outcomes.filter((o) => o.status === 409).every((o) => o.body.error?.code === 'SOLD_OUT')).toBe(true);
    expect(taken).toBe(50);
  });

  it('positive control: without the slot guard the same rush oversells', async () => {
    let oversold = false;
    for (let attempt = 0; attempt < 5 && !oversold; attempt++) {
      const { taken, capacity } = await familyRush(unguarded);
      oversold = taken > capacity;
    }
    expect(oversold).toBe(true);
  });

  /** 12 classes of 25 race for one slot of 30 places: a group is all or nothing. */
  async function groupRace(server: Served) {
    const slot = await newSlot({
      capacity: 30,
      schoolAllocation: 30,
      allocationReleaseAt: new Date(Date.now() + 48 * 3_600_000),
    });
    const body = { slot_id: slot.id, kind: 'group', school_id: schoolId, pupils: 23, adults: 2, grade: 5 };
    const outcomes = await all(teachers.map((teacher) => post(server.base, '/api/bookings', teacher, body)));
    return { winners: outcomes.filter((o) => o.status === 201).length, outcomes, taken: await placesTaken(slot.id) };
  }

  it('rule 2: two (or twelve) groups racing for the last places — exactly one wins, whole', async () => {
    const { winners, outcomes, taken } = await groupRace(guarded);
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
    expect(winners).toBe(1);
    expect(taken).toBe(25);
  });

  it('positive control: without the slot guard more than one group wins', async () => {
    let broken = false;
    for (let attempt = 0; attempt < 5 && !broken; attempt++) broken = (await groupRace(unguarded)).winners > 1;
    expect(broken).toBe(true);
  });

  it('rule 6: ten retries with one Idempotency-Key at once make one booking and get one answer', async () => {
    const slot = await newSlot({ capacity: 10 });
    const parent = parents[0]!;
    const body = { slot_id: slot.id, kind: 'family', adults: 2, children_by_band: { '0-5': 1 } };
    const key = { 'idempotency-key': `race-${slot.id}` };
    const outcomes = await all(
      Array.from({ length: 10 }, () => post(guarded.base, '/api/bookings', parent, body, key)),
    );
    expect(outcomes.map((o) => o.status)).toEqual(Array(10).fill(201));
    expect(new Set(outcomes.map((o) => o.body.id)).size).toBe(1);
    expect(await placesTaken(slot.id)).toBe(3);
    const other = await post(guarded.base, '/api/bookings', parent, { ...body, adults: 1 }, key)();
    expect(other).toMatchObject({ status: 422, body: { error: { code: 'IDEMPOTENCY_KEY_REUSED' } } });
  });

  it('rule 4: ten cancels of one booking at once free its places exactly once', async () => {
    const slot = await newSlot({ capacity: 10 });
    const parent = parents[1]!;
    const made = await post(guarded.base, '/api/bookings', parent, {
      slot_id: slot.id,
      kind: 'family',
      adults: 1,
      children_by_band: { '13-17': 1 },
    })();
    expect(made.status).toBe(201);
    const outcomes = await all(
      Array.from({ length: 10 }, () => post(guarded.base, `/api/bookings/${made.body.id}/cancel`, parent, {})),
    );
    expect(outcomes.filter((o) => o.status === 200)).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 409).every((o) => o.body.error?.code === 'BOOKING_NOT_LIVE')).toBe(true);
    expect(await placesTaken(slot.id)).toBe(0);
  });
});
