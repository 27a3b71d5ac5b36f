import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { organisationInvitations } from '../../db/schema/index.ts';
import { getUser } from '../../db/queries/users.ts';
import { staffRoleOf } from '../../db/queries/staff.ts';
import { newBookingCode } from '../../domain/booking.ts';
import { requireVenueManager, requireVenueStaff } from '../../server/auth/ownership.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { acceptStaffInvitation } from '../../server/commands/accept-staff-invitation.ts';
import { changeStaffRole } from '../../server/commands/change-staff-role.ts';
import { checkIn } from '../../server/commands/check-in.ts';
import { inviteStaff } from '../../server/commands/invite-staff.ts';
import { registerStaffAccount } from '../../server/commands/register-staff-account.ts';
import { removeStaffMember } from '../../server/commands/remove-staff-member.ts';
import { revokeStaffInvitation } from '../../server/commands/revoke-staff-invitation.ts';
import { updateVenue } from '../../server/commands/update-venue.ts';
import { createActor, TEST_PASSWORD, type TestActor } from '../support/accounts.ts';
import { auditOf, codeOf, messagesTo } from '../support/commands.ts';
import { openPrivateDb, testEngines } from '../support/engines.ts';
import { actorOf, buildBooking, buildSlot, buildVenue, startedAgo } from '../support/factories.ts';

const PAGE = 'http://kaimen.test/invite';
const session = { replaces: null, userAgent: 'vitest' };

describe.each(testEngines())('venue staff commands on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let passwordHash: string;

  // A database of its own: the tests commit venues, slots and bookings the shared seeded one must not see.
  beforeAll(async () => {
    ({ database, dispose } = await openPrivateDb(engine));
    passwordHash = await hashPassword(TEST_PASSWORD);
  });
  afterAll(async () => {
    await dispose?.();
  });

  const fresh = () => `colleague-${Math.random().toString(36).slice(2)}@test.kaimen`;
  /** Invites `email` to the manager's organisation and answers the link's token, read from the outbox. */
  async function invite(manager: TestActor, email: string, role: 'co_manager' | 'door_staff' = 'door_staff') {
    const invitation = await inviteStaff(database.db, actorOf(manager), {
      organisationId: manager.organisationId!,
      email,
      role,
      invitePageUrl: PAGE,
    });
    const messages = await messagesTo(database.db, email);
    const link = (messages.at(-1)!.data as { link: string }).link;
    return { invitation, token: link.slice(`${PAGE}/`.length) };
  }

  it('invites by email through the outbox, storing only the hash of the token; audited; a new invitation replaces the live one', async () => {
    const manager = await createActor(database, { role: 'venue_manager' });
    const email = fresh();
    const first = await invite(manager, email);
    const [message] = await messagesTo(database.db, email);
    expect(message).toMatchObject({ topic: 'staff_invitation' });
    expect(message!.body).toContain(first.token);
    expect(message!.body).toContain('现场核验员');
    const stored = await database.db.execute(
      sql`SELECT count(*)::int AS n FROM organisation_invitations WHERE token_hash = ${first.token}`,
    );
    expect(JSON.stringify(stored)).toContain('"n":0');
    const [entry] = await auditOf(database.db, manager.organisationId!);
    expect(entry).toMatchObject({ action: 'staff.invite', actorId: manager.user.id });
    expect(JSON.stringify(entry!.after)).not.toContain(first.token);

    const second = await invite(manager, email, 'co_manager');
    const rows = await database.db
      .select()
      .from(organisationInvitations)
      .where(eq(organisationInvitations.email, email));
    expect(rows.find((r) => r.id === first.invitation.id)!.revokedAt).toBeInstanceOf(Date);
    expect(rows.find((r) => r.id === second.invitation.id)!.revokedAt).toBeNull();
    expect(
      await codeOf(acceptStaffInvitation(database.db, actorOf(await parentWith(email)), { token: first.token })),
    ).toBe('INVITATION_REVOKED');
  });

  /** A parent account with this email. */
  async function parentWith(email: string): Promise<TestActor> {
    const parent = await createActor(database, { role: 'parent' });
    await database.db.execute(sql`UPDATE users SET email = ${email} WHERE id = ${parent.user.id}`);
    return { ...parent, user: { ...parent.user, email } };
  }

  it('refuses invitations from door staff, from another organisation, and to someone already on the staff', async () => {
    const manager = await createActor(database, { role: 'venue_manager' });
    const door = await createActor(database, {
      role: 'venue_manager',
      organisationId: manager.organisationId!,
      staffRole: 'door_staff',
    });
    const stranger = await createActor(database, { role: 'venue_manager' });
    const input = {
      organisationId: manager.organisationId!,
      email: fresh(),
      role: 'door_staff' as const,
      invitePageUrl: PAGE,
    };
    expect(await codeOf(inviteStaff(database.db, actorOf(door), input))).toBe('NOT_YOUR_ORGANISATION');
    expect(await codeOf(inviteStaff(database.db, actorOf(stranger), input))).toBe('NOT_YOUR_ORGANISATION');
    expect(await codeOf(inviteStaff(database.db, actorOf(manager), { ...input, email: door.user.email }))).toBe(
      'ALREADY_STAFF',
    );
  });

  it('a signed-in parent accepts once and becomes door staff; another email, a used or unknown link are refused', async () => {
    const manager = await createActor(database, { role: 'venue_manager' });
    const email = fresh();
    const { token } = await invite(manager, email);
    const other = await createActor(database, { role: 'parent' });
    expect(await codeOf(acceptStaffInvitation(database.db, actorOf(other), { token }))).toBe(
      'INVITATION_FOR_ANOTHER_EMAIL',
    );
    const invitee = await parentWith(email);
    const joined = await acceptStaffInvitation(database.db, actorOf(invitee), { token });
    expect(joined).toMatchObject({ organisationId: manager.organisationId, role: 'door_staff' });
    expect(await staffRoleOf(database.db, manager.organisationId!, invitee.user.id)).toBe('door_staff');
    expect((await getUser(database.db, invitee.user.id))!.role).toBe('venue_manager');
    const entries = await auditOf(database.db, manager.organisationId!);
    expect(entries.at(-1)).toMatchObject({ action: 'staff.join', actorId: invitee.user.id });
    expect(await codeOf(acceptStaffInvitation(database.db, actorOf(invitee), { token }))).toBe('INVITATION_USED');
    expect(await codeOf(acceptStaffInvitation(database.db, actorOf(invitee), { token: 'x'.repeat(43) }))).toBe(
      'INVITATION_NOT_FOUND',
    );
  });

  it('refuses an expired link, and accounts that cannot join venue staff (a teacher)', async () => {
    const manager = await createActor(database, { role: 'venue_manager' });
    const email = fresh();
    const { invitation, token } = await invite(manager, email);
    await database.db
      .update(organisationInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(organisationInvitations.id, invitation.id));
    expect(await codeOf(acceptStaffInvitation(database.db, actorOf(await parentWith(email)), { token }))).toBe(
      'INVITATION_EXPIRED',
    );
    const teacher = await createActor(database, { role: 'teacher' });
    const forTeacher = await invite(manager, teacher.user.email);
    expect(await codeOf(acceptStaffInvitation(database.db, actorOf(teacher), { token: forTeacher.token }))).toBe(
      'ACCOUNT_CANNOT_JOIN_STAFF',
    );
  });

  it('signs up from the link with its email and joins; a taken email is refused', async () => {
    const manager = await createActor(database, { role: 'venue_manager' });
    const email = fresh();
    const { token } = await invite(manager, email, 'co_manager');
    const made = await registerStaffAccount(
      database.db,
      { user: null, ip: '127.0.0.1' },
      {
        token,
        displayName: '新同事',
        passwordHash,
        session,
      },
    );
    expect(made.user).toMatchObject({ email, role: 'venue_manager' });
    expect(await staffRoleOf(database.db, manager.organisationId!, made.user.id)).toBe('co_manager');
    expect(made.session.token).toBeTruthy();

    const parent = await createActor(database, { role: 'parent' });
    const again = await invite(manager, parent.user.email);
    expect(
      await codeOf(
        registerStaffAccount(
          database.db,
          { user: null, ip: '127.0.0.1' },
          {
            token: again.token,
            displayName: 'x',
            passwordHash,
            session,
          },
        ),
      ),
    ).toBe('EMAIL_TAKEN');
  });

  it('revokes a pending invitation once, only in its own organisation', async () => {
    const manager = await createActor(database, { role: 'venue_manager' });
    const stranger = await createActor(database, { role: 'venue_manager' });
    const { invitation } = await invite(manager, fresh());
    const input = { organisationId: manager.organisationId!, invitationId: invitation.id };
    expect(await codeOf(revokeStaffInvitation(database.db, actorOf(stranger), input))).toBe('NOT_YOUR_ORGANISATION');
    expect(
      await codeOf(
        revokeStaffInvitation(database.db, actorOf(stranger), { ...input, organisationId: stranger.organisationId! }),
      ),
    ).toBe('INVITATION_NOT_FOUND');
    await revokeStaffInvitation(database.db, actorOf(manager), input);
    expect(await codeOf(revokeStaffInvitation(database.db, actorOf(manager), input))).toBe('INVITATION_REVOKED');
    expect((await auditOf(database.db, manager.organisationId!)).at(-1)).toMatchObject({
      action: 'staff.invitation_revoke',
    });
  });

  it('changes roles and removes members, but always keeps one manager', async () => {
    const manager = await createActor(database, { role: 'venue_manager' });
    const org = manager.organisationId!;
    const alone = { organisationId: org, userId: manager.user.id };
    expect(await codeOf(changeStaffRole(database.db, actorOf(manager), { ...alone, role: 'door_staff' }))).toBe(
      'LAST_MANAGER',
    );
    expect(await codeOf(removeStaffMember(database.db, actorOf(manager), alone))).toBe('LAST_MANAGER');

    const door = await createActor(database, { role: 'venue_manager', organisationId: org, staffRole: 'door_staff' });
    const member = { organisationId: org, userId: door.user.id };
    expect(await codeOf(changeStaffRole(database.db, actorOf(door), { ...member, role: 'co_manager' }))).toBe(
      'NOT_YOUR_ORGANISATION',
    );
    await changeStaffRole(database.db, actorOf(manager), { ...member, role: 'co_manager' });
    expect(await staffRoleOf(database.db, org, door.user.id)).toBe('co_manager');
    // Two managers now: the maker may step down to the door, and the co-manager may then not.
    await changeStaffRole(database.db, actorOf(manager), { ...alone, role: 'door_staff' });
    expect(await codeOf(removeStaffMember(database.db, actorOf(door), member))).toBe('LAST_MANAGER');
    await removeStaffMember(database.db, actorOf(door), alone);
    expect(await staffRoleOf(database.db, org, manager.user.id)).toBeUndefined();
    expect(await codeOf(removeStaffMember(database.db, actorOf(door), alone))).toBe('STAFF_MEMBER_NOT_FOUND');
    const actions = (await auditOf(database.db, org)).map((e) => e.action);
    expect(actions).toEqual(['staff.role_change', 'staff.role_change', 'staff.remove']);
  });

  it('door staff check codes in but change nothing else; once removed they are refused at once; a co-manager manages', async () => {
    const manager = await createActor(database, { role: 'venue_manager' });
    const org = manager.organisationId!;
    const door = await createActor(database, { role: 'venue_manager', organisationId: org, staffRole: 'door_staff' });
    const co = await createActor(database, { role: 'venue_manager', organisationId: org, staffRole: 'co_manager' });
    const parents = [await createActor(database, { role: 'parent' }), await createActor(database, { role: 'parent' })];
    const venue = await buildVenue(database.db, { organisationId: org });
    const now = Date.now();
    const slot = await buildSlot(database.db, {
      venueId: venue.id,
      startsAt: startedAgo(600_000, now),
      endsAt: new Date(now + 7_200_000),
    });
    const codes = [newBookingCode(), newBookingCode()];
    for (const [i, code] of codes.entries()) await buildBooking(database.db, slot.id, parents[i]!.user.id, { code });

    await requireVenueStaff(database.db, actorOf(door).user, venue.id);
    expect(await codeOf(requireVenueManager(database.db, actorOf(door).user, venue.id))).toBe('NOT_YOUR_VENUE');
    const done = await checkIn(database.db, actorOf(door), { code: codes[0]!, venueId: venue.id });
    expect(done.checkedInBy).toMatchObject({ id: door.user.id });
    const edit = { venueId: venue.id, changes: { name_en: 'Changed by the door' } };
    expect(await codeOf(updateVenue(database.db, actorOf(door), edit as never))).toBe('NOT_YOUR_VENUE');
    await updateVenue(database.db, actorOf(co), {
      venueId: venue.id,
      changes: { name_en: 'Changed by a co-manager' },
    } as never);

    await removeStaffMember(database.db, actorOf(co), { organisationId: org, userId: door.user.id });
    expect(await codeOf(checkIn(database.db, actorOf(door), { code: codes[1]!, venueId: venue.id }))).toBe(
      'NOT_YOUR_VENUE',
    );
  });
});
