/**
 * PRODUCT.md rule 6 through the API on both engines: `POST /api/bookings` with an `Idempotency-Key`.
 * The same key and body from the same account get the same answer (marked `Idempotent-Replayed`), the
 * same key with another body 422, and keys are kept at least a day. Concurrent retries race on
 * PostgreSQL in tests/http/booking-races.test.ts.
 */
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { purgeIdempotencyKeys } from '../../db/queries/idempotency.ts';
import { bookings, idempotencyKeys } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { buildBooking, buildSlot, buildVenue } from '../support/factories.ts';
import { withTestApp } from '../support/http.ts';

describe.each(testEngines())('Idempotency-Key on POST /api/bookings on %s', (engine) => {
  let app: App;
  let database: Database;
  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });

  async function newSlot(capacity = 10) {
    const venue = await buildVenue(database.db);
    return buildSlot(database.db, { venueId: venue.id, approval: 'none', capacity });
  }

  const family = (slotId: string, adults = 1) => ({
    slot_id: slotId,
    kind: 'family',
    adults,
    children_by_band: { '6-12': 1 },
  });

  function book(actor: TestActor, body: unknown, key?: string) {
    return app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: { ...actor.headers, ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload: body as Record<string, unknown>,
    });
  }

  const bookingsOf = (slotId: string) =>
    database.db.select({ id: bookings.id }).from(bookings).where(eq(bookings.slotId, slotId));

  it('rule 6: a retry with the same key and body gets the same answer, marked replayed; one booking is made', async () => {
    const parent = await createActor(database, { role: 'parent' });
    const slot = await newSlot();
    const first = await book(parent, family(slot.id), 'retry-1');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await book(parent, family(slot.id), 'retry-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await bookingsOf(slot.id)).toHaveLength(1);
  });

  it('rule 6: the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED and books nothing more', async () => {
    const parent = await createActor(database, { role: 'parent' });
    const slot = await newSlot();
    expect((await book(parent, family(slot.id), 'other-body')).statusCode).toBe(201);
    const other = await book(parent, family(slot.id, 2), 'other-body');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await bookingsOf(slot.id)).toHaveLength(1);
  });

  it('rule 6: a refusal is an answer too — a retried SOLD_OUT stays SOLD_OUT after places free up', async () => {
    const parent = await createActor(database, { role: 'parent' });
    const holder = await createActor(database, { role: 'parent' });
    const slot = await newSlot(2);
    const held = await buildBooking(database.db, slot.id, holder.user.id);
    const refused = await book(parent, family(slot.id), 'sold-out');
    expect(refused.statusCode).toBe(409);
    await database.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, held.id));
    const retried = await book(parent, family(slot.id), 'sold-out');
    expect(retried.statusCode).toBe(409);
    expect(retried.json()).toEqual(refused.json());
    // A new key is a new request.
    expect((await book(parent, family(slot.id), 'sold-out-2')).statusCode).toBe(201);
  });

  it('rule 6: keys belong to an account — another account sending the same key books for itself', async () => {
    const [a, b] = [await createActor(database, { role: 'parent' }), await createActor(database, { role: 'parent' })];
    const slot = await newSlot();
    const first = await book(a, family(slot.id), 'shared-key');
    const second = await book(b, family(slot.id), 'shared-key');
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.json<{ id: string }>().id).not.toBe(first.json<{ id: string }>().id);
  });

  it('rule 6: a malformed key answers 400 INVALID_IDEMPOTENCY_KEY and books nothing', async () => {
    const parent = await createActor(database, { role: 'parent' });
    const slot = await newSlot();
    const res = await book(parent, family(slot.id), 'x'.repeat(256));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'INVALID_IDEMPOTENCY_KEY' } });
    expect(await bookingsOf(slot.id)).toHaveLength(0);
  });

  it('rule 6: keys are kept at least 24 hours — a purge asked for one hour forgets only those older than a day', async () => {
    const parent = await createActor(database, { role: 'parent' });
    const slot = await newSlot();
    await book(parent, family(slot.id), 'day-old');
    await book(parent, family(slot.id), 'hours-old');
    const age = (key: string, hours: number) =>
      database.db
        .update(idempotencyKeys)
        .set({ createdAt: sql`now() - make_interval(hours => ${hours})` })
        .where(and(eq(idempotencyKeys.userId, parent.user.id), eq(idempotencyKeys.key, key)));
    await age('day-old', 25);
    await age('hours-old', 23);
    await purgeIdempotencyKeys(database.db, 1);
    const kept = await database.db
      .select({ key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.userId, parent.user.id));
    expect(kept.map((k) => k.key)).toEqual(['hours-old']);
  });
});
