import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { outboxMessages } from '../../db/schema/index.ts';
import { newBookingCode } from '../../domain/booking.ts';
import type { App } from '../../server/app.ts';
import { createActor, sessionCookieOf, TEST_PASSWORD, type TestActor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { buildBooking, buildSlot, buildVenue, startedAgo } from '../support/factories.ts';
import { injectAs, withTestApp } from '../support/http.ts';

interface Staff {
  organisation: { id: string; name: string };
  members: { user_id: string; email: string; role: string }[];
  invitations: { id: string; email: string; role: string; expired: boolean }[];
}

describe.each(testEngines())('venue staff accounts over HTTP on %s', (engine) => {
  let app: App;
  let database: Database;
  let manager: TestActor;
  let venueId: string;
  let slotId: string;
  let codes: string[];
  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });

  beforeAll(async () => {
    manager = await createActor(database, { role: 'venue_manager', name: '李馆长' });
    venueId = (await buildVenue(database.db, { managedBy: manager, nameZh: '首都博物馆' })).id;
    const now = Date.now();
    slotId = (
      await buildSlot(database.db, {
        venueId,
        capacity: 20,
        approval: 'none',
        startsAt: startedAgo(600_000, now),
        endsAt: new Date(now + 7_200_000),
      })
    ).id;
    codes = [];
    for (let i = 0; i < 3; i++) {
      const parent = await createActor(database, { role: 'parent' });
      codes.push((await buildBooking(database.db, slotId, parent.user.id, { code: newBookingCode() })).code);
    }
  });

  const staffUrl = () => `/api/organisations/${manager.organisationId}/staff`;
  /** Invites `email` and reads the link's token from the outbox, as the e-mail would carry it. */
  async function invite(email: string, role = 'door_staff'): Promise<string> {
    const res = await injectAs(app, manager, 'POST', `/api/organisations/${manager.organisationId}/invitations`, {
      email: email.toUpperCase(),
      role,
    });
    expect(res.statusCode, res.body).toBe(201);
    const [message] = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.recipient, email))
      .orderBy(desc(outboxMessages.id))
      .limit(1);
    const link = (message!.data as { link: string }).link;
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    return link.split('/invite/')[1]!;
  }
  /** A signed-in session from a sign-up answer: its cookie, and the CSRF token GET /api/me gives. */
  async function actorFrom(res: { headers: Record<string, unknown> }): Promise<TestActor> {
    const cookie = sessionCookieOf(res.headers['set-cookie'] as string[])!;
    const me = (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json();
    return {
      user: { id: me.id, email: me.email } as TestActor['user'],
      headers: { cookie, 'x-csrf-token': me.csrf_token },
      me,
    } as TestActor & { me: unknown };
  }

  it('door staff sign up from the link, see the day’s slots and roster, check in — and nothing else; removal ends it at once', async () => {
    const email = `door-${Date.now()}@test.kaimen`;
    const token = await invite(email);
    const view = await injectAs(app, undefined, 'GET', `/api/invitations/${token}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ email, role: 'door_staff', account_exists: false });

    const signUp = await injectAs(app, undefined, 'POST', '/api/invitations/sign-up', {
      token,
      display_name: '门口小张',
      password: TEST_PASSWORD,
    });
    expect(signUp.statusCode, signUp.body).toBe(201);
    expect(signUp.json()).toMatchObject({ organisation: { id: manager.organisationId }, role: 'door_staff' });
    const door = await actorFrom(signUp);
    expect((door as TestActor & { me: unknown }).me).toMatchObject({
      email,
      role: 'venue_manager',
      organisations: [{ id: manager.organisationId, staff_role: 'door_staff' }],
    });
    expect((await injectAs(app, undefined, 'GET', `/api/invitations/${token}`)).json()).toMatchObject({
      error: { code: 'INVITATION_USED' },
    });

    const slots = await injectAs(app, door, 'GET', '/api/staff/slots');
    expect(slots.statusCode, slots.body).toBe(200);
    expect(slots.json().items).toEqual([
      expect.objectContaining({
        id: slotId,
        venue: { id: venueId, name: '首都博物馆' },
        roster_url: `/api/manage/slots/${slotId}/bookings`,
      }),
    ]);
    const roster = await injectAs(app, door, 'GET', `/api/manage/slots/${slotId}/bookings?format=csv`);
    expect(roster.statusCode).toBe(200);
    expect(roster.headers['content-type']).toContain('text/csv');

    const checked = await injectAs(app, door, 'POST', '/api/check-ins', { code: codes[0], venue_id: venueId });
    expect(checked.statusCode, checked.body).toBe(201);
    const bookingId = checked.json().booking.id as string;
    expect(
      (await injectAs(app, door, 'PATCH', `/api/check-ins/${bookingId}`, { arrived_adults: 2, arrived_minors: 0 }))
        .statusCode,
    ).toBe(200);
    expect((await injectAs(app, door, 'DELETE', `/api/check-ins/${bookingId}`)).statusCode).toBe(200);

    const refusals = [
      await injectAs(app, door, 'PATCH', `/api/venues/${venueId}`, { name_en: 'Door change' }),
      await injectAs(app, door, 'PATCH', `/api/slots/${slotId}`, { capacity: 30 }),
      await injectAs(app, door, 'GET', `/api/manage/venues/${venueId}/slots`),
      await injectAs(app, door, 'GET', staffUrl()),
      await injectAs(app, door, 'POST', '/api/venues', { name_zh: '新馆', kinds: ['museum'], lng: 116.4, lat: 39.9 }),
    ];
    expect(refusals.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);

    const removed = await injectAs(
      app,
      manager,
      'DELETE',
      `/api/organisations/${manager.organisationId}/members/${door.user.id}`,
    );
    expect(removed.statusCode).toBe(204);
    const after = [
      await injectAs(app, door, 'GET', '/api/staff/slots'),
      await injectAs(app, door, 'GET', `/api/manage/slots/${slotId}/bookings`),
      await injectAs(app, door, 'POST', '/api/check-ins', { code: codes[1], venue_id: venueId }),
    ];
    expect(after.map((r) => [r.statusCode, r.json().error.code])).toEqual([
      [403, 'NOT_STAFF'],
      [403, 'NOT_YOUR_VENUE'],
      [403, 'NOT_YOUR_VENUE'],
    ]);
  });

  it('a signed-in account accepts with its own email only; a co-manager manages venues, slots and staff', async () => {
    const colleague = await createActor(database, { role: 'venue_manager' });
    const token = await invite(colleague.user.email, 'co_manager');
    const wrong = await injectAs(app, manager, 'POST', '/api/invitations/accept', { token });
    expect(wrong.json()).toMatchObject({ error: { code: 'INVITATION_FOR_ANOTHER_EMAIL' } });
    expect(wrong.statusCode).toBe(403);
    expect((await injectAs(app, undefined, 'POST', '/api/invitations/accept', { token })).statusCode).toBe(401);
    const accepted = await injectAs(app, colleague, 'POST', '/api/invitations/accept', { token });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({
      organisation: { id: manager.organisationId, name: expect.any(String) },
      role: 'co_manager',
    });
    expect(
      (await injectAs(app, colleague, 'PATCH', `/api/venues/${venueId}`, { name_en: 'Capital Museum' })).statusCode,
    ).toBe(200);
    const later = await buildSlot(database.db, {
      venueId,
      startsAt: new Date(Date.now() + 5 * 86_400_000),
      endsAt: new Date(Date.now() + 5.1 * 86_400_000),
    });
    expect((await injectAs(app, colleague, 'PATCH', `/api/slots/${later.id}`, { capacity: 25 })).statusCode).toBe(200);
    const staff = (await injectAs(app, colleague, 'GET', staffUrl())).json() as Staff;
    expect(staff.members.map((m) => [m.email, m.role])).toEqual(
      expect.arrayContaining([
        [manager.user.email, 'manager'],
        [colleague.user.email, 'co_manager'],
      ]),
    );
  });

  it('managers list, revoke and re-role; the last manager stays; bad input gets stable codes', async () => {
    const org = manager.organisationId!;
    const email = `pending-${Date.now()}@test.kaimen`;
    const token = await invite(email);
    let staff = (await injectAs(app, manager, 'GET', staffUrl())).json() as Staff;
    const pending = staff.invitations.find((i) => i.email === email)!;
    expect(pending).toMatchObject({ role: 'door_staff', expired: false });
    expect(
      (await injectAs(app, manager, 'DELETE', `/api/organisations/${org}/invitations/${pending.id}`)).statusCode,
    ).toBe(204);
    expect((await injectAs(app, undefined, 'GET', `/api/invitations/${token}`)).json()).toMatchObject({
      error: { code: 'INVITATION_REVOKED' },
    });
    staff = (await injectAs(app, manager, 'GET', staffUrl())).json() as Staff;
    expect(staff.invitations.map((i) => i.email)).not.toContain(email);

    const solo = await createActor(database, { role: 'venue_manager' });
    const demote = await injectAs(
      app,
      solo,
      'PATCH',
      `/api/organisations/${solo.organisationId}/members/${solo.user.id}`,
      {
        role: 'door_staff',
      },
    );
    expect([demote.statusCode, demote.json().error.code]).toEqual([409, 'LAST_MANAGER']);
    const leave = await injectAs(
      app,
      solo,
      'DELETE',
      `/api/organisations/${solo.organisationId}/members/${solo.user.id}`,
    );
    expect([leave.statusCode, leave.json().error.code]).toEqual([409, 'LAST_MANAGER']);

    const bad = [
      await injectAs(app, manager, 'POST', `/api/organisations/${org}/invitations`, {
        email: 'not-an-email',
        role: 'door_staff',
      }),
      await injectAs(app, manager, 'POST', `/api/organisations/${org}/invitations`, {
        email: 'a@b.cn',
        role: 'manager',
      }),
      await injectAs(app, manager, 'POST', `/api/organisations/${org}/invitations`, {
        email: manager.user.email,
        role: 'door_staff',
      }),
      await injectAs(app, manager, 'GET', '/api/organisations/not-a-uuid/staff'),
      await injectAs(app, manager, 'GET', `/api/organisations/${crypto.randomUUID()}/staff`),
      await injectAs(app, undefined, 'GET', `/api/invitations/${'A'.repeat(43)}`),
      await injectAs(app, manager, 'GET', '/api/staff/slots?date=2026-02-30'),
    ];
    expect(bad.map((r) => [r.statusCode, r.json().error.code])).toEqual([
      [400, 'INVALID_EMAIL'],
      [400, 'INVALID_ROLE'],
      [409, 'ALREADY_STAFF'],
      [400, 'INVALID_ID'],
      [404, 'ORGANISATION_NOT_FOUND'],
      [404, 'INVITATION_NOT_FOUND'],
      [400, expect.stringMatching(/^(VALIDATION_FAILED|INVALID_DATE)$/)],
    ]);
  });
});
