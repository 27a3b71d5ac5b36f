import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { slots, venues } from '../../db/schema/index.ts';
import { addDays, localDayOf } from '../../domain/hours/local-time.ts';
import { DEMO_PASSWORD, ensureDemoAccounts } from '../../seeds/demo-accounts.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/database.ts';
import {
  DEMO_SCENES,
  DEMO_VENUE_NAME,
  ensureDemoBookings,
  todaySlotTimes,
} from '../../server/services/demo-bookings.ts';
import { sessionCookieOf } from '../support/accounts.ts';
import { openPrivateDb, testEngines } from '../support/engines.ts';
import { buildTestApp } from '../support/http.ts';

interface Counts {
  capacity: number;
  places_taken: number;
  booked: { bookings: number };
  pending: { bookings: number };
  waitlisted: { entries: number };
  checked_in: { bookings: number };
}

/** The demo venue's slots, each with what the manager's slot view (GET /api/manage/slots/{id}/bookings) counts. */
async function managerView(database: Database) {
  const app = await buildTestApp(database);
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'manager@demo.kaimen', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = sessionCookieOf(login.headers['set-cookie'])!;
    const [venue] = await database.db.select({ id: venues.id }).from(venues).where(eq(venues.nameZh, DEMO_VENUE_NAME));
    const list = await database.db
      .select({ id: slots.id, title: slots.title, startsAt: slots.startsAt })
      .from(slots)
      .where(eq(slots.venueId, venue!.id));
    const views = [];
    for (const slot of list) {
      const view = await app.inject({ url: `/api/manage/slots/${slot.id}/bookings`, headers: { cookie } });
      expect(view.statusCode).toBe(200);
      views.push({ ...slot, counts: view.json().counts as Counts });
    }
    return views;
  } finally {
    await app.close();
  }
}

describe.each(testEngines())('demo bookings on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ database, dispose } = await openPrivateDb(engine));
  });
  afterAll(async () => {
    await dispose?.();
  });

  it('a demo start makes a synthetic venue with coming bookings of every kind, once; the manager’s slot view counts them', async () => {
    const now = new Date();
    await ensureDemoAccounts(database.db, await hashPassword(DEMO_PASSWORD));
    const made = await ensureDemoBookings(database.db, now);
    // Today's check-in scene waits for the next start late in the evening (Beijing time).
    const lateEvening = todaySlotTimes(now) === undefined;
    expect(made).toEqual(
      lateEvening ? ['family', 'groupRequest', 'full'] : ['family', 'groupRequest', 'full', 'today'],
    );
    // A restart finds every scene and makes nothing.
    expect(await ensureDemoBookings(database.db)).toEqual([]);

    const [venue] = await database.db
      .select({ status: venues.status, nameEn: venues.nameEn })
      .from(venues)
      .where(eq(venues.nameZh, DEMO_VENUE_NAME));
    expect(venue).toMatchObject({ status: 'published' });
    expect(venue!.nameEn).toMatch(/synthetic/);

    const views = await managerView(database);
    const scene = (title: string) => views.find((v) => v.title === title)!;
    expect(views).toHaveLength(made.length);
    const today = localDayOf(now.getTime());
    for (const view of views) {
      expect(view.title).toMatch(/演示数据/);
      const day = localDayOf(view.startsAt.getTime());
      expect(day >= today && day <= addDays(today, 6)).toBe(true);
      if (view.title !== DEMO_SCENES.today) expect(view.startsAt.getTime()).toBeGreaterThan(now.getTime());
    }
    expect(scene(DEMO_SCENES.family).counts).toMatchObject({ booked: { bookings: 1 }, places_taken: 2 });
    expect(scene(DEMO_SCENES.groupRequest).counts).toMatchObject({ pending: { bookings: 1 }, places_taken: 35 });
    const full = scene(DEMO_SCENES.full).counts;
    expect(full).toMatchObject({ booked: { bookings: 1 }, waitlisted: { entries: 1 }, places_taken: 20 });
    expect(full.places_taken).toBe(full.capacity);
    if (!lateEvening) {
      expect(scene(DEMO_SCENES.today).counts).toMatchObject({ booked: { bookings: 1 }, checked_in: { bookings: 1 } });
    }
  });
});

describe('the embedded demo start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kaimen-demo-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('makes the demo bookings on the first start only, and none with demo mode off', async () => {
    const lines: string[] = [];
    const start = async (demo: 'on' | 'off') => {
      const config = loadConfig({ KAIMEN_DATA_DIR: dataDir, KAIMEN_DEMO: demo });
      const database = await openDatabase(config, (line) => lines.push(line));
      const rows = await database.db.select({ id: venues.id }).from(venues).where(eq(venues.nameZh, DEMO_VENUE_NAME));
      await database.close();
      return rows.length;
    };
    expect(await start('off')).toBe(0);
    expect(lines.join('\n')).not.toMatch(/demo bookings/);
    expect(await start('on')).toBe(1);
    expect(lines.filter((l) => /Added demo bookings/.test(l))).toHaveLength(1);
    expect(await start('on')).toBe(1);
    expect(lines.filter((l) => /Added demo bookings/.test(l))).toHaveLength(1);
  });
});
