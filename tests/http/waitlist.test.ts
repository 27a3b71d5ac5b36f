/**
 * The waitlist over HTTP on both engines: joining (with Idempotency-Key), my entries with their offers,
 * accepting an offer, leaving, and the 4xx codes a client switches on.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { buildBooking, buildSlot, buildVenue } from '../support/factories.ts';
import { injectAs, withTestApp } from '../support/http.ts';
import { startWaitlistSweep } from '../../server/services/waitlist-sweep.ts';

interface Entry {
  id: string;
  status: string;
  places: number;
  position: number | null;
  offer: { booking_id: string; expires_at: string; accept_path: string } | null;
  booking_id: string | null;
  venue: { id: string; name: string };
  slot: { id: string; starts_at: string; status: string };
}

const family = (places: number) => ({ kind: 'family', adults: 1, children_by_band: { '6-12': places - 1 } });

describe.each(testEngines())('the waitlist over HTTP on %s', (engine) => {
  let app: App;
  let database: Database;
  let manager: TestActor;
  let parent: TestActor;
  let other: TestActor;

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });

  beforeAll(async () => {
    manager = await createActor(database, { role: 'venue_manager' });
    parent = await createActor(database, { role: 'parent' });
    other = await createActor(database, { role: 'parent' });
  });

  /** A slot of `capacity` places a week ahead, full with one booking of a fresh parent. */
  async function fullSlot(capacity = 4, overrides: Parameters<typeof buildSlot>[1] = {}) {
    const venue = await buildVenue(database.db, { organisationId: manager.organisationId! });
    const slot = await buildSlot(database.db, { venueId: venue.id, capacity, approval: 'none', ...overrides });
    const booker = await createActor(database, { role: 'parent' });
    const booking = await buildBooking(database.db, slot.id, booker.user.id, { places: capacity });
    return { slot, venue, booker, booking };
  }

  const join = (actor: TestActor | undefined, slotId: string, body: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/slots/${slotId}/waitlist`,
      headers: { ...(actor?.headers ?? {}), ...headers },
      payload: body as Record<string, unknown>,
    });
  const mine = async (actor: TestActor) => {
    const res = await injectAs(app, actor, 'GET', '/api/waitlist');
    expect(res.statusCode).toBe(200);
    return res.json<{ items: Entry[] }>().items;
  };

  it('201 joins a full slot, lists it under GET /api/waitlist; 409 ALREADY_WAITLISTED the second time', async () => {
    const { slot, venue } = await fullSlot();
    const res = await join(parent, slot.id, family(2));
    expect(res.statusCode, res.body).toBe(201);
    const entry = res.json<Entry>();
    expect(entry).toMatchObject({ status: 'waiting', places: 2, position: 1, offer: null, venue: { id: venue.id } });
    const second = await join(other, slot.id, family(3));
    expect(second.json<Entry>().position).toBe(2);

    const listed = (await mine(parent)).find((e) => e.id === entry.id);
    expect(listed).toMatchObject({ status: 'waiting', slot: { id: slot.id, status: 'scheduled' }, position: 1 });
    const again = await join(parent, slot.id, family(1));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'ALREADY_WAITLISTED', details: { entry_id: entry.id } });
  });

  it('Idempotency-Key: the same key and body replay the answer; another body answers 422', async () => {
    const { slot } = await fullSlot();
    const key = { 'idempotency-key': `wl-${randomUUID()}` };
    const first = await join(parent, slot.id, family(2), key);
    const replay = await join(parent, slot.id, family(2), key);
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json<Entry>().id).toBe(first.json<Entry>().id);
    const reused = await join(parent, slot.id, family(3), key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('4xx: 401 signed out, 400 a slot_id in the body or a bad party, 404 unknown slot, 409 room left or waitlist closed', async () => {
    const { slot } = await fullSlot();
    expect((await join(undefined, slot.id, family(2))).statusCode).toBe(401);
    const withSlot = await join(parent, slot.id, { ...family(2), slot_id: slot.id });
    expect(withSlot.statusCode).toBe(400);
    const noAdult = await join(parent, slot.id, { kind: 'family', adults: 0, children_by_band: { '0-5': 1 } });
    expect(noAdult.json().error.code).toBe('FAMILY_NEEDS_ADULT');
    const unknown = await join(parent, randomUUID(), family(2));
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'SLOT_NOT_FOUND']);

    const venue = await buildVenue(database.db, { organisationId: manager.organisationId! });
    const roomy = await buildSlot(database.db, { venueId: venue.id, capacity: 10 });
    const room = await join(parent, roomy.id, family(2));
    expect([room.statusCode, room.json().error.code]).toEqual([409, 'PLACES_AVAILABLE']);
    expect(room.json().error.details).toEqual({ places_left: 10 });
    const closed = await fullSlot(4, { waitlistOpen: false });
    const refused = await join(parent, closed.slot.id, family(2));
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'WAITLIST_CLOSED']);
    // The slot's SOLD_OUT tells a would-be booker the waitlist is open.
    const sold = await injectAs(app, other, 'POST', '/api/bookings', { slot_id: slot.id, ...family(2) });
    expect(sold.json().error).toMatchObject({ code: 'SOLD_OUT', details: { waitlist_open: true } });
  });

  it('a freed place is offered: GET shows the offer and its deadline; accept confirms it (twice is safe); others get 403', async () => {
    const { slot, booker, booking } = await fullSlot(2);
    const entry = (await join(parent, slot.id, family(2))).json<Entry>();
    const cancelled = await injectAs(app, booker, 'POST', `/api/bookings/${booking.id}/cancel`, {});
    expect(cancelled.statusCode).toBe(200);

    const offered = (await mine(parent)).find((e) => e.id === entry.id)!;
    expect(offered.status).toBe('offered');
    expect(offered.offer!.accept_path).toBe(`/api/bookings/${offered.offer!.booking_id}/accept`);
    expect(Date.parse(offered.offer!.expires_at)).toBeGreaterThan(Date.now());
    const held = await injectAs(app, parent, 'GET', `/api/bookings/${offered.offer!.booking_id}`);
    expect(held.json()).toMatchObject({ status: 'held', places: 2 });
    // Nobody else can book the held places.
    const newcomer = await injectAs(app, other, 'POST', '/api/bookings', { slot_id: slot.id, ...family(1) });
    expect(newcomer.json().error.code).toBe('SOLD_OUT');

    expect((await injectAs(app, other, 'POST', offered.offer!.accept_path)).statusCode).toBe(403);
    const accepted = await injectAs(app, parent, 'POST', offered.offer!.accept_path);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ id: offered.offer!.booking_id, status: 'confirmed', expires_at: null });
    const twice = await injectAs(app, parent, 'POST', offered.offer!.accept_path);
    expect(twice.json()).toMatchObject({ status: 'confirmed' });
    const booked = (await mine(parent)).find((e) => e.id === entry.id)!;
    expect(booked).toMatchObject({ status: 'booked', booking_id: offered.offer!.booking_id, offer: null });

    const notOffer = await injectAs(app, parent, 'POST', `/api/bookings/${randomUUID()}/accept`);
    expect([notOffer.statusCode, notOffer.json().error.code]).toEqual([404, 'BOOKING_NOT_FOUND']);
  });

  it('409 OFFER_EXPIRED when accepting after the deadline; the entry reads expired', async () => {
    const { slot, booker, booking } = await fullSlot(2);
    const entry = (await join(parent, slot.id, family(2))).json<Entry>();
    await injectAs(app, booker, 'POST', `/api/bookings/${booking.id}/cancel`, {});
    const offer = (await mine(parent)).find((e) => e.id === entry.id)!.offer!;
    await database.db.execute(
      sql`UPDATE bookings SET expires_at = now() - interval '1 minute' WHERE id = ${offer.booking_id}`,
    );
    const late = await injectAs(app, parent, 'POST', offer.accept_path);
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'OFFER_EXPIRED']);
    expect((await mine(parent)).find((e) => e.id === entry.id)).toMatchObject({ status: 'expired', offer: null });
  });

  it('the sweep job, started and stopped as the server does, moves a lapsed offer on to the next entry', async () => {
    const { slot, booker, booking } = await fullSlot(2);
    const first = (await join(parent, slot.id, family(2))).json<Entry>();
    const next = (await join(other, slot.id, family(2))).json<Entry>();
    await injectAs(app, booker, 'POST', `/api/bookings/${booking.id}/cancel`, {});
    const offer = (await mine(parent)).find((e) => e.id === first.id)!.offer!;
    await database.db.execute(
      sql`UPDATE bookings SET expires_at = now() - interval '1 minute' WHERE id = ${offer.booking_id}`,
    );
    const errors: unknown[] = [];
    const sweeper = startWaitlistSweep(database.db, { intervalMs: 20, onError: (error) => errors.push(error) });
    try {
      await expect
        .poll(async () => (await mine(other)).find((e) => e.id === next.id)?.status, { timeout: 10_000 })
        .toBe('offered');
    } finally {
      await sweeper.stop();
    }
    expect(errors).toEqual([]);
    expect((await mine(parent)).find((e) => e.id === first.id)!.status).toBe('expired');
  });

  it('DELETE leaves once (then 409 WAITLIST_ENTRY_NOT_LIVE); 403 for another account; 404 for an unknown entry', async () => {
    const { slot } = await fullSlot();
    const entry = (await join(parent, slot.id, family(2))).json<Entry>();
    const stranger = await injectAs(app, other, 'DELETE', `/api/waitlist/${entry.id}`);
    expect([stranger.statusCode, stranger.json().error.code]).toEqual([403, 'NOT_YOUR_WAITLIST_ENTRY']);
    const left = await injectAs(app, parent, 'DELETE', `/api/waitlist/${entry.id}`);
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ id: entry.id, status: 'left', position: null });
    const again = await injectAs(app, parent, 'DELETE', `/api/waitlist/${entry.id}`);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'WAITLIST_ENTRY_NOT_LIVE']);
    const unknown = await injectAs(app, parent, 'DELETE', `/api/waitlist/${randomUUID()}`);
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'WAITLIST_ENTRY_NOT_FOUND']);
    // Leaving lets the account join again.
    expect((await join(parent, slot.id, family(2))).statusCode).toBe(201);
  });
});
