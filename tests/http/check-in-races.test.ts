/**
 * PRODUCT.md rule 7 under concurrency, with real clients: many scans of one booking code at once, over
 * HTTP on a real port against PostgreSQL (PGlite has one connection, so it cannot race). The race runs
 * against the app as it ships, where exactly one scan checks the booking in, and against the same app
 * whose database connections switch the check-in lock off (db/client.ts `checkInLock: false`: the
 * booking row is not locked before its check-in is read), where more than one scan must succeed — the
 * positive control that shows the test can see a double check-in.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import { newBookingCode } from '../../domain/booking.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { openPrivateDb, TEST_DATABASE_URL } from '../support/engines.ts';
import { all, post, serve, type Served } from '../support/races.ts';
import { buildBooking, buildSlot, buildVenue } from '../support/factories.ts';

const SCANS = 20;

describe('the check-in lock switch', () => {
  it('is refused when NODE_ENV=production', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(createDb({ checkInLock: false })).rejects.toThrow(/NODE_ENV=production/);
    } finally {
      process.env.NODE_ENV = before;
    }
  });
});

describe.runIf(TEST_DATABASE_URL)('check-in races over HTTP on PostgreSQL', () => {
  let dispose: () => Promise<void>;
  let database: Database;
  let guarded: Served;
  let unguarded: Served;
  let manager: TestActor;
  let colleague: TestActor;
  let parent: TestActor;

  beforeAll(async () => {
    const opened = await openPrivateDb('postgres');
    ({ database, dispose } = opened);
    guarded = await serve(opened.url!, { checkInLock: true });
    unguarded = await serve(opened.url!, { checkInLock: false });
    manager = await createActor(database, { role: 'venue_manager' });
    colleague = await createActor(database, { role: 'venue_manager', organisationId: manager.organisationId! });
    parent = await createActor(database, { role: 'parent' });
  }, 180_000);
  afterAll(async () => {
    for (const served of [guarded, unguarded]) {
      await served?.app.close();
      await served?.database.close();
    }
    await dispose?.();
  });

  /** A confirmed booking in a slot of today, scanned SCANS times at once by two of the venue's staff. */
  async function doubleScan(server: Served) {
    const venue = await buildVenue(database.db, { managedBy: manager });
    const now = Date.now();
    const slot = await buildSlot(database.db, {
      venueId: venue.id,
      startsAt: new Date(now - 5 * 60_000),
      endsAt: new Date(now + 3_600_000),
    });
    const booking = await buildBooking(database.db, slot.id, parent.user.id, { code: newBookingCode() });
    const outcomes = await all(
      Array.from({ length: SCANS }, (_, i) =>
        post(server.base, '/api/check-ins', i % 2 === 0 ? manager : colleague, {
          code: booking.code,
          venue_id: venue.id,
        }),
      ),
    );
    const audited = await database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, booking.id), eq(auditLog.action, 'booking.check_in')));
    return { outcomes, winners: outcomes.filter((o) => o.status === 201).length, audited: audited.length };
  }

  it(`rule 7: double check-in (one succeeds) — ${SCANS} scans of one code at once check it in exactly once`, async () => {
    const { outcomes, winners, audited } = await doubleScan(guarded);
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
    expect(winners).toBe(1);
    const losers = outcomes.filter((o) => o.status !== 201);
    expect(losers).toHaveLength(SCANS - 1);
    expect(losers.every((o) => o.status === 409 && o.body.error?.code === 'ALREADY_CHECKED_IN')).toBe(true);
    expect(audited).toBe(1);
  });

  it('positive control: without the check-in lock the same scans check in more than once', async () => {
    let doubled = false;
    for (let attempt = 0; attempt < 5 && !doubled; attempt++) {
      const { winners, audited } = await doubleScan(unguarded);
      doubled = winners > 1 && audited > 1;
    }
    expect(doubled).toBe(true);
  });
});
