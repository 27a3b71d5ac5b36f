import { and, desc, eq } from 'drizzle-orm';
import gcoordModule from 'gcoord';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { auditLog, bookings, outboxMessages, venues } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import { addDays, localDayOf, weekdayIndex } from '../../domain/hours/local-time.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { buildBooking, buildSchool } from '../support/factories.ts';
import { testEngines } from '../support/engines.ts';
import { injectAs, withTestApp } from '../support/http.ts';

const gcoord = gcoordModule as unknown as typeof gcoordModule.default;

interface VenueRecord {
  id: string;
  name_zh: string;
  lng: number;
  lat: number;
  adcode: string | null;
  status: string;
  verification_status: string;
  coord_precision: string;
  source_crs: string;
  location_checked_at: string | null;
  opening_hours: string | null;
  hours_known: boolean;
  age_min: number | null;
  organisation: { id: string } | null;
}

/** The coming Saturday at least a week away, Shanghai date. */
function saturdayAhead(): string {
  let day = addDays(localDayOf(Date.now()), 7);
  while (weekdayIndex(day) !== 5) day = addDays(day, 1);
  return day;
}

describe.each(testEngines())('venue console on %s', (engine) => {
  let database: Database;
  let app: App;
  let manager: TestActor;
  let otherManager: TestActor;
  let parent: TestActor;

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });
  beforeAll(async () => {
    manager = await createActor(database, { role: 'venue_manager' });
    otherManager = await createActor(database, { role: 'venue_manager' });
    parent = await createActor(database, { role: 'parent' });
  });

  const as = (actor: TestActor | undefined, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    injectAs(app, actor, method, url, payload);

  const createVenue = async (actor: TestActor, body: Record<string, unknown> = {}) => {
    const res = await as(actor, 'POST', '/api/venues', {
      name_zh: '东城少年科学工作室',
      kinds: ['science_center'],
      themes: ['science'],
      lng: 116.4166,
      lat: 39.9288,
      adcode: '110101',
      address_zh: '北京市东城区某街 1 号',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<VenueRecord>();
  };

  it('creates a draft waiting for review, converts gcj02 to WGS-84, and keeps it out of public search', async () => {
    const gcj = { lng: 116.4229, lat: 39.9301 };
    const venue = await createVenue(manager, { ...gcj, crs: 'gcj02' });
    const [wgsLng, wgsLat] = gcoord.transform<[number, number]>([gcj.lng, gcj.lat], gcoord.GCJ02, gcoord.WGS84);
    expect(venue.lng).toBeCloseTo(wgsLng, 6);
    expect(venue.lat).toBeCloseTo(wgsLat, 6);
    expect(venue).toMatchObject({
      status: 'draft',
      verification_status: 'pending',
      source_crs: 'gcj02',
      coord_precision: 'high',
      adcode: '110101',
      organisation: { id: manager.organisationId },
    });
    expect((await as(undefined, 'GET', `/api/venues/${venue.id}`)).statusCode).toBe(404);
    const search = await as(undefined, 'GET', `/api/venues?q=${encodeURIComponent('东城少年科学工作室')}`);
    expect(search.json<{ items: unknown[] }>().items).toEqual([]);
    const mine = await as(manager, 'GET', '/api/manage/venues');
    expect(mine.json<{ items: { id: string }[] }>().items.map((v) => v.id)).toContain(venue.id);
    const theirs = await as(otherManager, 'GET', '/api/manage/venues');
    expect(theirs.json<{ items: { id: string }[] }>().items.map((v) => v.id)).not.toContain(venue.id);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, venue.id), eq(auditLog.action, 'venue.create')));
    expect(entry).toMatchObject({ actorId: manager.user.id, actorRole: 'venue_manager', adcode: '110101' });
    expect((entry!.after as VenueRecord).name_zh).toBe('东城少年科学工作室');
  });

  it('finds the district from the point when no adcode is given', async () => {
    const venue = await createVenue(manager, { adcode: undefined, lng: 121.4737, lat: 31.2304 });
    expect(venue.adcode?.startsWith('31')).toBe(true);
  });

  it('lets only the venue’s own managers (and admins) read and edit it', async () => {
    const venue = await createVenue(manager);
    const patch = { name_en: 'Dongcheng Young Science Studio' };
    expect((await as(undefined, 'PATCH', `/api/venues/${venue.id}`, patch)).statusCode).toBe(401);
    const byParent = await as(parent, 'PATCH', `/api/venues/${venue.id}`, patch);
    expect(byParent.statusCode).toBe(403);
    expect(byParent.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const byOther = await as(otherManager, 'PATCH', `/api/venues/${venue.id}`, patch);
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json()).toMatchObject({ error: { code: 'NOT_YOUR_VENUE' } });
    expect((await as(otherManager, 'GET', `/api/manage/venues/${venue.id}`)).statusCode).toBe(403);
    const admin = await createActor(database, { role: 'admin' });
    expect((await as(admin, 'PATCH', `/api/venues/${venue.id}`, patch)).statusCode).toBe(200);
    const [row] = await database.db.select().from(venues).where(eq(venues.id, venue.id));
    expect(row!.nameEn).toBe('Dongcheng Young Science Studio');
  });

  it('edits hours (recomputing open days), moves the pin to the entrance, and audits only what changed', async () => {
    const venue = await createVenue(manager, { adcode: '110101' });
    await database.db.update(venues).set({ coordPrecision: 'low' }).where(eq(venues.id, venue.id));
    const res = await as(manager, 'PATCH', `/api/venues/${venue.id}`, {
      opening_hours: 'Tu-Su 09:00-17:00; PH off',
      lng: 116.41701,
      lat: 39.92899,
      age_min: 6,
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json<VenueRecord>();
    expect(edited).toMatchObject({ hours_known: true, coord_precision: 'high', age_min: 6, lng: 116.41701 });
    expect(edited.location_checked_at).not.toBeNull();
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, venue.id), eq(auditLog.action, 'venue.update')))
      .orderBy(desc(auditLog.id));
    expect(Object.keys(entry!.after as object).sort()).toEqual(
      ['age_min', 'coord_precision', 'hours_known', 'lat', 'lng', 'location_checked_at', 'opening_hours'].sort(),
    );
    expect(entry!.before).toMatchObject({ opening_hours: null, coord_precision: 'low', age_min: null });
  });

  it('clears a field with null and keeps false and 0 as given (JSON bodies are not coerced)', async () => {
    const venue = await createVenue(manager, { wheelchair: true, hearing: true, age_min: 3, name_en: 'X' });
    const res = await as(manager, 'PATCH', `/api/venues/${venue.id}`, {
      hearing: null,
      wheelchair: false,
      age_min: 0,
      name_en: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ hearing: null, wheelchair: false, age_min: 0, name_en: null });
    const asText = await as(manager, 'PATCH', `/api/venues/${venue.id}`, { age_min: '5' });
    expect(asText.statusCode).toBe(400);
  });

  it('refuses bad edits with 4xx and a stable code, changing nothing', async () => {
    const venue = await createVenue(manager, { age_max: 10 });
    const cases: [Record<string, unknown>, string][] = [
      [{ opening_hours: 'Mo-Fr 9 to 5' }, 'INVALID_OPENING_HOURS'],
      [{ age_min: 12 }, 'INVALID_RANGE'],
      [{ lng: 116.4 }, 'VALIDATION_FAILED'],
      [{ lng: 200, lat: 39 }, 'INVALID_COORDINATES'],
      [{ adcode: '999999' }, 'UNKNOWN_ADCODE'],
      [{ kinds: ['spaceport'] }, 'UNKNOWN_KIND'],
      [{ name_zh: '   ' }, 'INVALID_NAME'],
      [{}, 'VALIDATION_FAILED'],
      [{ status: 'published' }, 'VALIDATION_FAILED'],
    ];
    const before = (await as(manager, 'GET', `/api/manage/venues/${venue.id}`)).json<VenueRecord>();
    for (const [body, code] of cases) {
      const res = await as(manager, 'PATCH', `/api/venues/${venue.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json(), JSON.stringify(body)).toMatchObject({ error: { code } });
    }
    expect((await as(manager, 'GET', `/api/manage/venues/${venue.id}`)).json<VenueRecord>()).toEqual(before);
    const missing = await as(manager, 'PATCH', '/api/venues/00000000-0000-4000-8000-000000000000', { age_min: 1 });
    expect(missing.statusCode).toBe(404);
  });

  it('publishes a weekly open day with a school allocation; once the venue is published it is on /api/slots and in the .ics', async () => {
    const venue = await createVenue(manager, { name_zh: '周六开放日测试馆' });
    const first = saturdayAhead();
    const res = await as(manager, 'POST', `/api/venues/${venue.id}/slots`, {
      title: '周六开放日',
      capacity: 60,
      school_allocation: 40,
      allocation_release_hours: 48,
      recurring: {
        weekdays: [6],
        start_time: '09:00',
        end_time: '11:00',
        first_day: first,
        last_day: addDays(first, 27),
        except_days: [addDays(first, 14)],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ series_id: string; slots: { starts_at: string; allocation_release_at: string }[] }>();
    expect(created.series_id).toBeTruthy();
    expect(created.slots.map((s) => s.starts_at)).toEqual([0, 7, 21].map((d) => `${addDays(first, d)}T01:00:00.000Z`));
    expect(created.slots[0]!.allocation_release_at).toBe(`${addDays(first, -2)}T01:00:00.000Z`);

    // A draft's slots are not public; the bureau's approval (here straight in the database) publishes them.
    const publicSlots = () =>
      as(undefined, 'GET', `/api/venues/${venue.id}/slots?from=${first}&to=${addDays(first, 30)}`);
    expect((await publicSlots()).statusCode).toBe(404);
    await database.db
      .update(venues)
      .set({ status: 'published', verificationStatus: 'verified' })
      .where(eq(venues.id, venue.id));
    const listed = (await publicSlots()).json<{ items: { starts_at: string }[] }>();
    expect(listed.items).toHaveLength(3);
    const ics = await as(undefined, 'GET', `/api/venues/${venue.id}/calendar.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain(`DTSTART;TZID=Asia/Shanghai:${first.replaceAll('-', '')}T090000`);
    const nearby = await as(
      undefined,
      'GET',
      `/api/slots?near=116.4166,39.9288&radius_m=2000&from=${first}&to=${addDays(first, 1)}`,
    );
    expect(nearby.json<{ items: { venue: { id: string } }[] }>().items.map((s) => s.venue.id)).toContain(venue.id);
  });

  it('refuses impossible slots and cancels a slot exactly once', async () => {
    const venue = await createVenue(manager);
    const first = saturdayAhead();
    const single = { starts_at: `${first}T01:00:00Z`, ends_at: `${first}T03:00:00Z` };
    const bad: [Record<string, unknown>, string][] = [
      [{ capacity: 10, school_allocation: 11, allocation_release_hours: 1, single }, 'INVALID_ALLOCATION'],
      [{ capacity: 10, school_allocation: 5, single }, 'INVALID_ALLOCATION'],
      [{ capacity: 0, single }, 'INVALID_CAPACITY'],
      [{ capacity: 10 }, 'INVALID_SLOT_TIMES'],
      [
        { capacity: 10, single: { starts_at: '2020-01-01T01:00:00Z', ends_at: '2020-01-01T02:00:00Z' } },
        'SLOT_IN_PAST',
      ],
      [{ capacity: 10, single: { starts_at: single.ends_at, ends_at: single.starts_at } }, 'INVALID_SLOT_TIMES'],
      [
        {
          capacity: 10,
          recurring: { weekdays: [8], start_time: '09:00', end_time: '10:00', first_day: first, last_day: first },
        },
        'INVALID_RECURRENCE',
      ],
      [
        {
          capacity: 10,
          recurring: { weekdays: [1], start_time: '09:00', end_time: '10:00', first_day: first, last_day: first },
        },
        'INVALID_SLOT_TIMES',
      ],
      [{ capacity: 10, single, programme_id: '00000000-0000-4000-8000-000000000000' }, 'PROGRAMME_NOT_AT_VENUE'],
    ];
    for (const [body, code] of bad) {
      const res = await as(manager, 'POST', `/api/venues/${venue.id}/slots`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json(), JSON.stringify(body)).toMatchObject({ error: { code } });
    }
    const created = await as(manager, 'POST', `/api/venues/${venue.id}/slots`, { capacity: 10, single });
    expect(created.statusCode, created.body).toBe(201);
    const slotId = created.json<{ slots: { id: string }[] }>().slots[0]!.id;
    expect((await as(otherManager, 'POST', `/api/slots/${slotId}/cancel`, { reason: 'x' })).statusCode).toBe(403);
    const cancel = await as(manager, 'POST', `/api/slots/${slotId}/cancel`, { reason: '场馆临时闭馆' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json()).toMatchObject({ status: 'cancelled' });
    const again = await as(manager, 'POST', `/api/slots/${slotId}/cancel`, { reason: '场馆临时闭馆' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'SLOT_ALREADY_CANCELLED' } });
    const listed = await as(manager, 'GET', `/api/manage/venues/${venue.id}/slots`);
    expect(listed.json<{ items: { id: string; status: string }[] }>().items).toContainEqual(
      expect.objectContaining({ id: slotId, status: 'cancelled' }),
    );
  });

  it('tells everyone booked in a cancelled slot through the outbox, and only them', async () => {
    const venue = await createVenue(manager, { name_zh: '取消通知测试馆' });
    const first = saturdayAhead();
    const created = await as(manager, 'POST', `/api/venues/${venue.id}/slots`, {
      capacity: 40,
      single: { starts_at: `${first}T01:00:00Z`, ends_at: `${first}T03:00:00Z` },
    });
    const slotId = created.json<{ slots: { id: string }[] }>().slots[0]!.id;
    const school = await buildSchool(database.db, { name: '通知测试学校（测试数据）' });
    const family = await createActor(database, { role: 'parent' });
    const teacher = await createActor(database, { role: 'teacher', schoolId: school.id });
    const earlier = await createActor(database, { role: 'parent' });
    await buildBooking(database.db, slotId, family.user.id, { places: 3, adults: 1, childrenByBand: { '6-12': 2 } });
    // The slot has no school allocation, so the group's places are public ones.
    const group = { kind: 'group', status: 'pending', places: 30, adults: 3, schoolId: school.id, publicPlaces: 30 };
    await buildBooking(database.db, slotId, teacher.user.id, group);
    await buildBooking(database.db, slotId, earlier.user.id, { status: 'cancelled', places: 2, adults: 1 });

    const res = await as(manager, 'POST', `/api/slots/${slotId}/cancel`, { reason: '暴雨红色预警，闭馆一天' });
    expect(res.statusCode, res.body).toBe(200);
    const messages = await database.db.select().from(outboxMessages).where(eq(outboxMessages.topic, 'slot_cancelled'));
    const recipients = messages.filter((m) => (m.body ?? '').includes('取消通知测试馆')).map((m) => m.recipient);
    expect(recipients.sort()).toEqual([family.user.email, teacher.user.email].sort());
    const notice = messages.find((m) => m.recipient === family.user.email)!;
    expect(notice.body).toContain('暴雨红色预警，闭馆一天');
    expect(notice.body).toContain('09:00');
    const statuses = await database.db
      .select({ userId: bookings.userId, status: bookings.status })
      .from(bookings)
      .where(eq(bookings.slotId, slotId));
    expect(Object.fromEntries(statuses.map((b) => [b.userId, b.status]))).toEqual({
      [family.user.id]: 'slot_cancelled',
      [teacher.user.id]: 'slot_cancelled',
      [earlier.user.id]: 'cancelled',
    });
  });

  it('counts live bookings in the places left: families from the public, groups from the school allocation', async () => {
    const venue = await createVenue(manager, { name_zh: '余位测试馆' });
    const first = saturdayAhead();
    const created = await as(manager, 'POST', `/api/venues/${venue.id}/slots`, {
      capacity: 40,
      school_allocation: 20,
      allocation_release_hours: 48,
      single: { starts_at: `${first}T01:00:00Z`, ends_at: `${first}T03:00:00Z` },
    });
    const slotId = created.json<{ slots: { id: string }[] }>().slots[0]!.id;
    await database.db.update(venues).set({ status: 'published' }).where(eq(venues.id, venue.id));
    const school = await buildSchool(database.db, { name: '余位测试学校（测试数据）' });
    const family = await createActor(database, { role: 'parent' });
    const teacher = await createActor(database, { role: 'teacher', schoolId: school.id });
    await buildBooking(database.db, slotId, family.user.id, { status: 'confirmed', places: 3, adults: 1 });
    await buildBooking(database.db, slotId, family.user.id, { status: 'cancelled', places: 5, adults: 1 });
    const group = { kind: 'group', status: 'pending', places: 10, adults: 1, schoolId: school.id };
    await buildBooking(database.db, slotId, teacher.user.id, group);
    const res = await as(undefined, 'GET', `/api/venues/${venue.id}/slots?from=${first}&to=${addDays(first, 1)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: { places_left: unknown }[] }>().items[0]!.places_left).toEqual({
      total: 27,
      public: 17,
      school: 10,
    });
  });

  it('claims an existing venue once per manager; the claim waits for the bureau', async () => {
    const [seeded] = await database.db
      .select({ id: venues.id })
      .from(venues)
      .where(eq(venues.source, 'kaimen-curated'))
      .limit(1);
    const claim = await as(otherManager, 'POST', `/api/venues/${seeded!.id}/claims`, {
      evidence: '馆办主任，电话 010-1234',
    });
    expect(claim.statusCode, claim.body).toBe(201);
    expect(claim.json()).toMatchObject({ status: 'pending', venue_id: seeded!.id });
    const again = await as(otherManager, 'POST', `/api/venues/${seeded!.id}/claims`, { evidence: '再次申请' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'CLAIM_EXISTS' } });
    expect((await as(parent, 'POST', `/api/venues/${seeded!.id}/claims`, { evidence: 'x' })).statusCode).toBe(403);
    const blank = await as(manager, 'POST', `/api/venues/${seeded!.id}/claims`, { evidence: '  ' });
    expect(blank.json()).toMatchObject({ error: { code: 'INVALID_EVIDENCE' } });
  });

  it('previews opening hours over the coming days, and says why a string does not parse', async () => {
    const ok = await as(
      undefined,
      'GET',
      `/api/hours/preview?opening_hours=${encodeURIComponent('Tu-Su 09:00-17:00; PH off')}`,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ known: boolean; days: unknown[] }>()).toMatchObject({ known: true });
    expect(ok.json<{ days: unknown[] }>().days).toHaveLength(14);
    const bad = await as(undefined, 'GET', `/api/hours/preview?opening_hours=${encodeURIComponent('whenever')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'INVALID_OPENING_HOURS' } });
  });
});
