import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { addSchoolMember } from '../../db/queries/schools.ts';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { buildBooking, buildSlot, buildVenue, buildVerifiedSchool } from '../support/factories.ts';
import { testEngines } from '../support/engines.ts';
import { injectAs, withTestApp } from '../support/http.ts';
import { ACTORS, freshWorld, withWriteRoutesApp } from '../support/write-routes.ts';

interface Trip {
  id: string;
  status: string;
  kind: string;
  pupils: number;
  adults: number;
  grade: number | null;
  school: { id: string } | null;
  venue: { name: string };
  slot: { starts_at: string };
  booker: { name: string; email: string } | null;
}
interface TripList {
  school: { id: string; name: string };
  items: Trip[];
}

/**
 * GET /api/schools/{id}/bookings: a school's trips (its teachers' group bookings), coming soonest first
 * or past latest first, for the school's approved school admins and admins; every other caller is
 * refused. And the slot data a teacher's booking page reads: the approval policy and whether a group
 * may take public places.
 */
describe.each(testEngines())("a school's trips over HTTP on %s", (engine) => {
  let database: Database;
  let app: App;
  const tag = randomUUID().slice(0, 6);
  let schoolId = '';
  let otherSchoolId = '';
  let venueId = '';
  let slotId = '';
  let teacher: TestActor;
  let schoolAdmin: TestActor;
  let otherAdmin: TestActor;
  let otherTeacher: TestActor;
  let admin: TestActor;
  let requested = '';
  let past = '';
  let elsewhere = '';

  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });
  beforeAll(async () => {
    schoolId = (await buildVerifiedSchool(database.db, { name: `开门行程测试小学${tag}` })).id;
    otherSchoolId = (await buildVerifiedSchool(database.db, { name: `开门行程测试中学${tag}` })).id;
    teacher = await createActor(database, { role: 'teacher', schoolId, name: '王老师' });
    otherTeacher = await createActor(database, { role: 'teacher', schoolId: otherSchoolId, name: '李老师' });
    schoolAdmin = await createActor(database, { role: 'school_admin', schoolId });
    otherAdmin = await createActor(database, { role: 'school_admin', schoolId: otherSchoolId });
    admin = await createActor(database, { role: 'admin' });
    const venue = await buildVenue(database.db, { nameZh: `行程测试馆${tag}` });
    venueId = venue.id;
    const now = Date.now();
    slotId = (
      await buildSlot(database.db, {
        venueId,
        capacity: 60,
        schoolAllocation: 40,
        allocationReleaseAt: new Date(now + 5 * 86_400_000),
        startsAt: new Date(now + 7 * 86_400_000),
        endsAt: new Date(now + 7 * 86_400_000 + 2 * 3_600_000),
        approval: 'groups',
        groupsUsePublic: false,
      })
    ).id;
    // The coming trip, requested as a teacher would.
    const res = await injectAs(app, teacher, 'POST', '/api/bookings', {
      slot_id: slotId,
      kind: 'group',
      school_id: schoolId,
      pupils: 30,
      adults: 3,
      grade: 4,
      access_needs: ['wheelchair'],
      note: '大巴到达',
    });
    expect(res.statusCode, res.body).toBe(201);
    requested = res.json<{ id: string }>().id;
    // A past trip of this school, and a coming one of another school.
    const pastSlot = await buildSlot(database.db, {
      venueId,
      capacity: 60,
      startsAt: new Date(now - 9 * 86_400_000),
      endsAt: new Date(now - 9 * 86_400_000 + 2 * 3_600_000),
    });
    past = (
      await buildBooking(database.db, pastSlot.id, teacher.user.id, {
        kind: 'group',
        places: 25,
        publicPlaces: 25,
        adults: 2,
        grade: 3,
        schoolId,
      })
    ).id;
    const otherSlot = await buildSlot(database.db, { venueId, capacity: 60 });
    elsewhere = (
      await buildBooking(database.db, otherSlot.id, otherTeacher.user.id, {
        kind: 'group',
        places: 20,
        publicPlaces: 20,
        adults: 2,
        grade: 5,
        schoolId: otherSchoolId,
      })
    ).id;
  });

  const trips = (actor: TestActor | undefined, query = '', school = schoolId) =>
    injectAs(app, actor, 'GET', `/api/schools/${school}/bookings${query}`);

  it("answers the school's admins its coming trips soonest first and its past ones, with the teacher and the class", async () => {
    const coming = await trips(schoolAdmin);
    expect(coming.statusCode, coming.body).toBe(200);
    expect(coming.headers['cache-control']).toBe('no-store');
    const body = coming.json<TripList>();
    expect(body.school).toMatchObject({ id: schoolId, name: `开门行程测试小学${tag}` });
    expect(body.items.map((t) => t.id)).toEqual([requested]);
    expect(body.items[0]).toMatchObject({
      status: 'pending',
      kind: 'group',
      pupils: 30,
      adults: 3,
      grade: 4,
      school: { id: schoolId },
      venue: { name: `行程测试馆${tag}` },
      booker: { name: '王老师', email: teacher.user.email },
    });

    const before = await trips(schoolAdmin, '?when=past');
    expect(before.json<TripList>().items.map((t) => t.id)).toEqual([past]);
    expect(before.json<TripList>().items[0]).toMatchObject({ grade: 3, pupils: 23, adults: 2 });
    // Another school's trip is never among them, and it is its own admin's.
    const other = await trips(otherAdmin, '', otherSchoolId);
    expect(other.json<TripList>().items.map((t) => t.id)).toEqual([elsewhere]);
    expect((await trips(admin)).json<TripList>().items.map((t) => t.id)).toEqual([requested]);
  });

  it('refuses anonymous callers (401), teachers, parents, managers and other schools’ admins (403)', async () => {
    expect((await trips(undefined)).statusCode).toBe(401);
    const otherSchool = await trips(otherAdmin);
    expect(otherSchool.statusCode).toBe(403);
    expect(otherSchool.json()).toMatchObject({ error: { code: 'NOT_YOUR_SCHOOL' } });
    // The teacher who made the trip follows it on their own bookings, not the school's list.
    expect((await trips(teacher)).statusCode).toBe(403);
    expect((await trips(otherTeacher)).statusCode).toBe(403);
    for (const role of ['parent', 'venue_manager', 'bureau'] as const) {
      const res = await trips(await createActor(database, { role }));
      expect(res.statusCode, role).toBe(403);
    }
    // A school admin whose membership the school has not approved.
    const waiting = await createActor(database, { role: 'school_admin' });
    await addSchoolMember(database.db, {
      schoolId,
      userId: waiting.user.id,
      role: 'school_admin',
      status: 'pending',
    });
    expect((await trips(waiting)).json()).toMatchObject({ error: { code: 'NOT_YOUR_SCHOOL' } });
  });

  it('answers bad input with 400 and an unknown school with 404', async () => {
    expect((await trips(schoolAdmin, '?when=tomorrow')).statusCode).toBe(400);
    expect((await trips(schoolAdmin, '?limit=0')).statusCode).toBe(400);
    expect((await trips(schoolAdmin, '?limit=abc')).statusCode).toBe(400);
    expect((await trips(schoolAdmin, '?colour=red')).statusCode).toBe(400);
    expect((await trips(schoolAdmin, '', 'not-a-uuid')).statusCode).toBe(400);
    const unknown = await trips(admin, '', randomUUID());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'SCHOOL_NOT_FOUND' } });
  });

  it("a slot tells a teacher's booking page whether requests wait for approval and groups may take public places", async () => {
    const res = await app.inject(`/api/venues/${venueId}/slots?from=${new Date().toISOString().slice(0, 10)}`);
    expect(res.statusCode).toBe(200);
    const slot = res.json<{ items: Record<string, unknown>[] }>().items.find((s) => s.id === slotId);
    expect(slot).toMatchObject({
      approval: 'groups',
      groups_use_public: false,
      cancel_hours_before: 24,
      school_allocation: 40,
      places_left: { school: 7, public: 20 },
    });
  });
});

/**
 * The authorisation matrix's callers (tests/support/write-routes.ts: every kind of account, around one
 * school) against the read route: the school's own school admin and admins are answered, anonymous
 * callers 401, everyone else 403 — teachers of the school included.
 */
describe.each(testEngines())("a school's trips × every kind of caller on %s", (engine) => {
  let database: Database;
  let app: App;
  let schoolId = '';
  withWriteRoutesApp(engine, (opened) => ({ database, app, schoolId } = opened));

  it('GET /api/schools/:id/bookings: school_admin and admin 200, anonymous 401, every other caller 403', async () => {
    const world = await freshWorld(database, schoolId);
    const results: string[] = [];
    for (const actor of ACTORS) {
      const res = await injectAs(
        app,
        actor === 'anonymous' ? undefined : world.actors[actor],
        'GET',
        `/api/schools/${schoolId}/bookings`,
      );
      results.push(`${actor}: ${res.statusCode}`);
    }
    expect(results).toEqual(
      ACTORS.map(
        (actor) =>
          `${actor}: ${actor === 'school_admin' || actor === 'admin' ? 200 : actor === 'anonymous' ? 401 : 403}`,
      ),
    );
  });
});
