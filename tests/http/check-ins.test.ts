import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { bookings, outboxMessages, waitlistEntries } from '../../db/schema/index.ts';
import { newBookingCode } from '../../domain/booking.ts';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { injectAs, withTestApp } from '../support/http.ts';
import { buildBooking, buildSlot, buildVenue, buildVerifiedSchool } from '../support/factories.ts';
import { decodeQrSvg } from '../support/qr.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

interface CheckInAnswer {
  booking: { id: string; code: string; status: string; checked_in_at: string | null; arrived_adults: number | null };
  checked_in_at: string | null;
  checked_in_by: { id: string; name: string } | null;
  undo_until: string | null;
}
interface ErrorAnswer {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

describe.each(testEngines())('check-in, QR, calendar and the slot list over HTTP on %s', (engine) => {
  let app: App;
  let database: Database;
  let manager: TestActor;
  let stranger: TestActor;
  let parent: TestActor;
  let otherParent: TestActor;
  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });

  beforeAll(async () => {
    manager = await createActor(database, { role: 'venue_manager' });
    stranger = await createActor(database, { role: 'venue_manager' });
    parent = await createActor(database, { role: 'parent', name: '王女士' });
    otherParent = await createActor(database, { role: 'parent' });
  });

  /** A slot at a venue of the manager's organisation, starting `startsIn` from now (ten minutes ago by default). */
  async function slotOf(startsIn = -10 * MINUTE, capacity = 40) {
    const venue = await buildVenue(database.db, {
      managedBy: manager,
      nameZh: '中国科学技术馆',
      addressZh: '北京市朝阳区北辰东路5号',
    });
    const startsAt = new Date(Date.now() + startsIn);
    return buildSlot(database.db, {
      venueId: venue.id,
      capacity,
      approval: 'none',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    });
  }
  async function bookingOf(slotId: string, overrides: Parameters<typeof buildBooking>[3] = {}, who = parent) {
    return buildBooking(database.db, slotId, who.user.id, {
      code: newBookingCode(),
      places: 3,
      adults: 1,
      childrenByBand: { '6-12': 2 },
      ...overrides,
    });
  }
  const scan = (body: Record<string, unknown>, actor: TestActor | null = manager, key?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/check-ins',
      headers: { ...(actor?.headers ?? {}), ...(key ? { 'idempotency-key': key } : {}) },
      payload: body,
    });
  const errorCode = (res: { json: <T>() => T }) => res.json<ErrorAnswer>().error.code;

  it('POST /api/check-ins: 201 once, then 409 ALREADY_CHECKED_IN with when and who', async () => {
    const slot = await slotOf();
    const booking = await bookingOf(slot.id);
    const first = await scan({ code: booking.code.toLowerCase(), venue_id: slot.venueId });
    expect(first.statusCode, first.body).toBe(201);
    const answer = first.json<CheckInAnswer>();
    expect(answer.booking).toMatchObject({ id: booking.id, status: 'confirmed', arrived_adults: 1 });
    expect(answer.checked_in_by).toEqual({ id: manager.user.id, name: manager.user.displayName });
    expect(Date.parse(answer.undo_until!) - Date.parse(answer.checked_in_at!)).toBe(5 * MINUTE);

    const second = await scan({ code: booking.code });
    expect(second.statusCode).toBe(409);
    expect(second.json<ErrorAnswer>().error).toMatchObject({
      code: 'ALREADY_CHECKED_IN',
      details: { checked_in_at: answer.checked_in_at, checked_in_by: { id: manager.user.id } },
    });
  });

  it('every refusal of POST /api/check-ins has its status and code', async () => {
    const slot = await slotOf();
    const booking = await bookingOf(slot.id);
    const elsewhere = await bookingOf((await slotOf()).id);
    const tomorrow = await bookingOf((await slotOf(DAY)).id);
    const pending = await bookingOf((await slotOf()).id, { status: 'pending' });
    const cancelled = await bookingOf((await slotOf()).id, { status: 'cancelled' });
    const cases: [string, Record<string, unknown>, TestActor | null, number, string][] = [
      ['anonymous', { code: booking.code }, null, 401, 'AUTH_REQUIRED'],
      ['a parent', { code: booking.code }, parent, 403, 'FORBIDDEN'],
      ["another organisation's manager", { code: booking.code }, stranger, 403, 'NOT_YOUR_VENUE'],
      ['no code', {}, manager, 400, 'VALIDATION_FAILED'],
      ['a code that is none', { code: 'HELLO-WORLD' }, manager, 400, 'INVALID_BOOKING_CODE'],
      ['an unknown code', { code: 'ACDEFHJK' }, manager, 404, 'BOOKING_CODE_NOT_FOUND'],
      ['an unknown venue', { code: booking.code, venue_id: crypto.randomUUID() }, manager, 404, 'VENUE_NOT_FOUND'],
      ['a malformed venue', { code: booking.code, venue_id: 'x' }, manager, 400, 'VALIDATION_FAILED'],
      ['another venue', { code: elsewhere.code, venue_id: slot.venueId }, manager, 409, 'CODE_OF_ANOTHER_VENUE'],
      ['another day', { code: tomorrow.code }, manager, 409, 'CODE_OF_ANOTHER_DAY'],
      ['a pending booking', { code: pending.code }, manager, 409, 'BOOKING_NOT_CONFIRMED'],
      ['a cancelled booking', { code: cancelled.code }, manager, 409, 'BOOKING_NOT_CONFIRMED'],
    ];
    for (const [what, body, actor, status, code] of cases) {
      const res = await scan(body, actor);
      expect(`${what}: ${res.statusCode} ${res.statusCode < 300 ? res.body : errorCode(res)}`).toBe(
        `${what}: ${status} ${code}`,
      );
    }
    const [row] = await database.db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row!.checkedInAt).toBeNull();
  });

  it('honours Idempotency-Key: a retried scan replays its 201; the key with another body answers 422', async () => {
    const slot = await slotOf();
    const booking = await bookingOf(slot.id);
    const key = `scan-${booking.id}`;
    const first = await scan({ code: booking.code }, manager, key);
    const retry = await scan({ code: booking.code }, manager, key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const other = await scan({ code: booking.code, venue_id: slot.venueId }, manager, key);
    expect(other.statusCode).toBe(422);
    expect(errorCode(other)).toBe('IDEMPOTENCY_KEY_REUSED');
    // Without the key a second scan is a second scan.
    expect(errorCode(await scan({ code: booking.code }))).toBe('ALREADY_CHECKED_IN');
  });

  it('DELETE /api/check-ins/{booking_id} undoes within five minutes; PATCH corrects the counts; refusals have codes', async () => {
    const slot = await slotOf(-10 * MINUTE, 20);
    const booking = await bookingOf(slot.id);
    const url = `/api/check-ins/${booking.id}`;
    expect(errorCode(await injectAs(app, manager, 'DELETE', url))).toBe('NOT_CHECKED_IN');
    expect(errorCode(await injectAs(app, manager, 'PATCH', url, { arrived_adults: 1 }))).toBe('NOT_CHECKED_IN');
    expect((await scan({ code: booking.code })).statusCode).toBe(201);

    const patched = await injectAs(app, manager, 'PATCH', url, { arrived_adults: 2, arrived_minors: 1 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<CheckInAnswer>().booking).toMatchObject({ arrived_adults: 2, arrived_minors: 1 });
    for (const [body, status, code] of [
      [{}, 400, 'EMPTY_PATCH'],
      [{ arrived_adults: -1 }, 400, 'VALIDATION_FAILED'],
      [{ arrived_minors: 1.5 }, 400, 'VALIDATION_FAILED'],
      [{ arrived_minors: '3' }, 400, 'VALIDATION_FAILED'],
      [{ arrived_adults: 100_000 }, 400, 'VALIDATION_FAILED'],
      [{ arrived_adults: 10, arrived_minors: 11 }, 400, 'ARRIVED_TOO_MANY'],
      [{ pupils: 3 }, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await injectAs(app, manager, 'PATCH', url, body);
      expect(`${JSON.stringify(body)}: ${res.statusCode} ${errorCode(res)}`).toBe(
        `${JSON.stringify(body)}: ${status} ${code}`,
      );
    }
    expect(errorCode(await injectAs(app, stranger, 'PATCH', url, { arrived_adults: 1 }))).toBe('NOT_YOUR_VENUE');
    expect(errorCode(await injectAs(app, stranger, 'DELETE', url))).toBe('NOT_YOUR_VENUE');
    expect(errorCode(await injectAs(app, parent, 'DELETE', url))).toBe('FORBIDDEN');
    expect(errorCode(await injectAs(app, manager, 'DELETE', '/api/check-ins/nope'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await injectAs(app, manager, 'DELETE', `/api/check-ins/${crypto.randomUUID()}`))).toBe(
      'BOOKING_NOT_FOUND',
    );

    const undone = await injectAs(app, manager, 'DELETE', url);
    expect(undone.statusCode).toBe(200);
    expect(undone.json<CheckInAnswer>()).toMatchObject({ checked_in_at: null, checked_in_by: null, undo_until: null });
    expect((await scan({ code: booking.code })).statusCode).toBe(201);
    await database.db
      .update(bookings)
      .set({ checkedInAt: sql`now() - interval '5 minutes 1 second'` })
      .where(eq(bookings.id, booking.id));
    const late = await injectAs(app, manager, 'DELETE', url);
    expect(late.statusCode).toBe(409);
    expect(errorCode(late)).toBe('UNDO_WINDOW_CLOSED');
  });

  it('GET /api/bookings/{id}/qr.svg: an SVG that decodes to the code, for the booker, the venue and the school’s admins', async () => {
    const slot = await slotOf(3 * DAY);
    const booking = await bookingOf(slot.id);
    const url = `/api/bookings/${booking.id}/qr.svg`;
    for (const who of [parent, manager]) {
      const res = await injectAs(app, who, 'GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(decodeQrSvg(res.body)).toBe(booking.code);
    }
    const school = await buildVerifiedSchool(database.db);
    const teacher = await createActor(database, { role: 'teacher', schoolId: school.id });
    const schoolAdmin = await createActor(database, { role: 'school_admin', schoolId: school.id });
    const group = await buildBooking(database.db, (await slotOf(3 * DAY)).id, teacher.user.id, {
      code: newBookingCode(),
      kind: 'group',
      schoolId: school.id,
      places: 10,
      adults: 2,
      publicPlaces: 10,
    });
    expect((await injectAs(app, schoolAdmin, 'GET', `/api/bookings/${group.id}/qr.svg`)).statusCode).toBe(200);
    expect(errorCode(await injectAs(app, otherParent, 'GET', url))).toBe('NOT_YOUR_BOOKING');
    expect(errorCode(await injectAs(app, stranger, 'GET', url))).toBe('NOT_YOUR_BOOKING');
    expect(errorCode(await injectAs(app, undefined, 'GET', url))).toBe('AUTH_REQUIRED');
    expect(errorCode(await injectAs(app, parent, 'GET', `/api/bookings/${crypto.randomUUID()}/qr.svg`))).toBe(
      'BOOKING_NOT_FOUND',
    );
  });

  it('GET /api/bookings/{id}/calendar.ics: Asia/Shanghai, venue, address, code and party; signed in or with ?code=', async () => {
    const startsAt = new Date(Date.UTC(2030, 4, 18, 1, 30));
    const venue = await buildVenue(database.db, {
      managedBy: manager,
      nameZh: '首都博物馆',
      addressZh: '北京市西城区复兴门外大街16号',
    });
    const slot = await buildSlot(database.db, {
      venueId: venue.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * MINUTE),
      title: '国际博物馆日',
    });
    const booking = await bookingOf(slot.id);
    const url = `/api/bookings/${booking.id}/calendar.ics`;
    const signedIn = await injectAs(app, parent, 'GET', url);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = signedIn.body.replace(/\r\n /g, '');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai');
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20300518T093000');
    expect(text).toContain('DTEND;TZID=Asia/Shanghai:20300518T110000');
    expect(text).toContain('LOCATION:首都博物馆 北京市西城区复兴门外大街16号');
    expect(text).toContain(`SUMMARY:国际博物馆日 · 首都博物馆（${booking.code}）`);
    expect(text).toContain('成人 1 人，儿童 6-12 岁 2 人（共 3 人）');
    expect(text).toContain('STATUS:CONFIRMED');
    expect(text).not.toContain('王女士');

    const withCode = await injectAs(app, undefined, 'GET', `${url}?code=${booking.code}`);
    expect(withCode.statusCode).toBe(200);
    expect(withCode.body.replace(/DTSTAMP:\S+/, '')).toBe(signedIn.body.replace(/DTSTAMP:\S+/, ''));
    const typed = `${url}?code=${encodeURIComponent(booking.code.toLowerCase())}`;
    expect((await injectAs(app, undefined, 'GET', typed)).statusCode).toBe(200);
    expect(errorCode(await injectAs(app, undefined, 'GET', `${url}?code=ACDEFHJK`))).toBe('BOOKING_NOT_FOUND');
    expect(errorCode(await injectAs(app, undefined, 'GET', url))).toBe('AUTH_REQUIRED');
    expect(errorCode(await injectAs(app, otherParent, 'GET', url))).toBe('NOT_YOUR_BOOKING');
    expect((await injectAs(app, otherParent, 'GET', `${url}?code=${booking.code}`)).statusCode).toBe(200);
    expect(errorCode(await injectAs(app, undefined, 'GET', `${url}?code=`))).toBe('VALIDATION_FAILED');

    await database.db
      .update(bookings)
      .set({ status: 'cancelled', updatedAt: sql`now() + interval '1 minute'` })
      .where(eq(bookings.id, booking.id));
    const cancelled = await injectAs(app, parent, 'GET', url);
    expect(cancelled.body).toContain('STATUS:CANCELLED');
  });

  it('every booking message carries its calendar link, and the link opens without signing in', async () => {
    const slot = await slotOf(5 * DAY);
    const made = await injectAs(app, otherParent, 'POST', '/api/bookings', {
      slot_id: slot.id,
      kind: 'family',
      adults: 1,
      children_by_band: { '0-5': 1 },
    });
    expect(made.statusCode, made.body).toBe(201);
    const { id, code } = made.json<{ id: string; code: string }>();
    const cancelled = await injectAs(app, manager, 'POST', `/api/bookings/${id}/cancel`, { reason: '闭馆检修' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const messages = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, otherParent.user.email));
    const path = `/api/bookings/${id}/calendar.ics?code=${code}`;
    const topics = messages.filter((m) => (m.data as { booking_id?: string }).booking_id === id).map((m) => m.topic);
    expect(topics.sort()).toEqual(['booking_cancelled', 'booking_confirmed']);
    for (const message of messages.filter((m) => (m.data as { booking_id?: string }).booking_id === id)) {
      expect(message.body).toContain(path);
      expect(message.data).toMatchObject({ calendar_path: path });
    }
    const opened = await injectAs(app, undefined, 'GET', path);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('STATUS:CANCELLED');
  });

  it('GET /api/manage/slots/{id}/bookings: the bookings with counts of booked, pending, waitlisted and checked in', async () => {
    const slot = await slotOf(-10 * MINUTE, 40);
    const parents = await Promise.all([0, 1, 2, 3].map(() => createActor(database, { role: 'parent' })));
    const arrived = await bookingOf(slot.id, {}, parents[0]);
    await bookingOf(slot.id, { places: 2, childrenByBand: { '0-5': 1 } }, parents[1]);
    await bookingOf(slot.id, { status: 'pending', places: 4, childrenByBand: { '13-17': 3 } }, parents[2]);
    await bookingOf(slot.id, { status: 'cancelled' }, parents[3]);
    const party = { adults: 1, children_by_band: { '6-12': 1 } };
    for (const [who, status] of [
      [parents[1]!, 'waiting'],
      [parents[3]!, 'offered'],
      [otherParent, 'left'],
    ] as const) {
      await database.db
        .insert(waitlistEntries)
        .values({ slotId: slot.id, userId: who.user.id, kind: 'family', status, places: 2, party });
    }
    expect((await scan({ code: arrived.code })).statusCode).toBe(201);

    const url = `/api/manage/slots/${slot.id}/bookings`;
    const res = await injectAs(app, manager, 'GET', url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const roster = res.json<{ counts: unknown; items: { code: string; status: string }[]; slot: { id: string } }>();
    expect(roster.slot.id).toBe(slot.id);
    expect(roster.counts).toEqual({
      capacity: 40,
      places_taken: 9,
      booked: { bookings: 2, places: 5 },
      pending: { bookings: 1, places: 4 },
      held: { bookings: 0, places: 0 },
      waitlisted: { entries: 2, places: 4 },
      checked_in: { bookings: 1, places: 3, arrived_adults: 1, arrived_minors: 2 },
    });
    expect(roster.items.map((b) => b.status)).toEqual(['confirmed', 'confirmed', 'pending', 'cancelled']);
    expect(roster.items[0]!.code).toBe(arrived.code);

    expect(errorCode(await injectAs(app, stranger, 'GET', url))).toBe('NOT_YOUR_VENUE');
    expect(errorCode(await injectAs(app, parent, 'GET', url))).toBe('FORBIDDEN');
    expect(errorCode(await injectAs(app, undefined, 'GET', url))).toBe('AUTH_REQUIRED');
    expect(errorCode(await injectAs(app, manager, 'GET', `/api/manage/slots/${crypto.randomUUID()}/bookings`))).toBe(
      'SLOT_NOT_FOUND',
    );
    expect(errorCode(await injectAs(app, manager, 'GET', `${url}?format=xml`))).toBe('UNSUPPORTED_FORMAT');
  });

  it('the slot list as CSV: UTF-8 with a byte-order mark, Chinese intact, formulas defused, by ?format=csv or Accept', async () => {
    const slot = await slotOf(2 * DAY);
    const school = await buildVerifiedSchool(database.db, { name: '+东城区"实验"小学' });
    const teacher = await createActor(database, { role: 'teacher', schoolId: school.id, name: '@李老师' });
    await buildBooking(database.db, slot.id, teacher.user.id, {
      code: newBookingCode(),
      kind: 'group',
      schoolId: school.id,
      places: 30,
      adults: 3,
      grade: 5,
      publicPlaces: 30,
      note: '=HYPERLINK("http://evil.example","点我"),乘大巴\n下午到',
    });
    const family = await bookingOf(slot.id);
    const url = `/api/manage/slots/${slot.id}/bookings`;
    const byQuery = await injectAs(app, manager, 'GET', `${url}?format=csv`);
    expect(byQuery.statusCode).toBe(200);
    expect(byQuery.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(byQuery.headers['content-disposition']).toMatch(/^attachment; filename="kaimen-slot-.+-bookings\.csv"$/);
    const bytes = byQuery.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8').slice(1);
    const lines = csv.split('\r\n');
    expect(lines[0]!.startsWith('预约码 Code,类型 Kind,状态 Status,学校 School,人数 Places')).toBe(true);
    expect(csv).toContain(`"'+东城区""实验""小学"`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点我""),乘大巴\n下午到"`);
    expect(csv).toContain(`,'@李老师,`);
    expect(csv).toContain(`${family.code},family,confirmed,,3,1,0,2,0,,,,,王女士,`);
    // No cell, quoted or not, starts with a formula character.
    for (const cell of csv.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@]/);

    const byAccept = await app.inject({ url, headers: { ...manager.headers, accept: 'text/csv' } });
    expect(byAccept.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(byAccept.body).toBe(byQuery.body);
    const json = await app.inject({ url: `${url}?format=json`, headers: { ...manager.headers, accept: 'text/csv' } });
    expect(json.headers['content-type']).toMatch(/^application\/json/);
  });
});
