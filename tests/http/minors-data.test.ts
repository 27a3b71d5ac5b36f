/**
 * Minors' data (PRODUCT.md; docs/SECURITY.md "Minors' data"), on both engines: a booking or waitlist
 * entry holds children as counts by age band and pupils as a count, never a name. The tables have no
 * column for a child's name, and a body that brings one (any field the schema does not name) is refused
 * with 400 and writes nothing.
 */
import { eq, getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { bookings, waitlistEntries } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import { createActor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { buildSlot, buildVenue } from '../support/factories.ts';
import { withTestApp } from '../support/http.ts';

describe.each(testEngines())("minors' data on %s", (engine) => {
  let app: App;
  let database: Database;
  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });

  it('bookings and waitlist entries have no column for a name, only counts of children and pupils', () => {
    for (const table of [bookings, waitlistEntries]) {
      const columns = Object.values(getTableColumns(table)).map((c) => c.name);
      expect(columns.filter((name) => /name|child_?ren_names|pupil_names/i.test(name))).toEqual([]);
    }
  });

  it('a booking or waitlist body that brings children’s names is refused with 400 and writes nothing', async () => {
    const parent = await createActor(database, { role: 'parent' });
    const venue = await buildVenue(database.db);
    const slot = await buildSlot(database.db, { venueId: venue.id, approval: 'none', capacity: 10 });
    const withNames = {
      slot_id: slot.id,
      kind: 'family',
      adults: 1,
      children_by_band: { '6-12': 1 },
      children: [{ name: '王小明', age: 8 }],
    };
    for (const url of ['/api/bookings', `/api/slots/${slot.id}/waitlist`]) {
      const answer = await app.inject({ method: 'POST', url, headers: parent.headers, payload: withNames });
      expect(answer.statusCode, url).toBe(400);
      expect(answer.json().error.code, url).toBe('VALIDATION_FAILED');
    }
    const byBand = { ...withNames, children: undefined, children_by_band: { 王小明: 1 } };
    const banded = await app.inject({ method: 'POST', url: '/api/bookings', headers: parent.headers, payload: byBand });
    expect(banded.statusCode).toBe(400);
    expect(await database.db.select().from(bookings).where(eq(bookings.slotId, slot.id))).toEqual([]);
    expect(await database.db.select().from(waitlistEntries).where(eq(waitlistEntries.slotId, slot.id))).toEqual([]);
  });
});
