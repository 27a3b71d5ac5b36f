import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  invitationByTokenHash,
  organisationSlots,
  organisationStaff,
  pendingInvitations,
  type InvitationRow,
} from '../../../db/queries/staff.ts';
import { findUserForLogin, userAffiliations } from '../../../db/queries/users.ts';
import { addDays, localDayOf, localMidnight } from '../../../domain/hours/local-time.ts';
import { hashPassword, refuseWeakPassword } from '../../auth/passwords.ts';
import { requireOrganisationManager } from '../../auth/ownership.ts';
import { countAttempt, RateLimiter } from '../../auth/rate-limit.ts';
import { hashToken } from '../../auth/tokens.ts';
import { acceptStaffInvitation, requireLiveInvitation } from '../../commands/accept-staff-invitation.ts';
import { runCommand, runPublicCommand } from '../../commands/actor.ts';
import { changeStaffRole } from '../../commands/change-staff-role.ts';
import { INVITATION_DAYS, inviteStaff } from '../../commands/invite-staff.ts';
import { registerStaffAccount } from '../../commands/register-staff-account.ts';
import { removeStaffMember } from '../../commands/remove-staff-member.ts';
import { revokeStaffInvitation } from '../../commands/revoke-staff-invitation.ts';
import { Errors } from '../../errors.ts';
import { errorResponses } from '../../schemas/common.ts';
import {
  AcceptBody,
  Invitation,
  InvitationParams,
  InvitationView,
  InviteBody,
  Joined,
  MemberParams,
  OrganisationParams,
  RoleBody,
  SignUpBody,
  Staff,
  StaffSlots,
  StaffSlotsQuery,
  TokenParams,
} from './schema.ts';

/** Staff changes: the managers check (requireOrganisationManager) runs in each command. */
const MANAGERS = { access: { roles: ['venue_manager', 'admin'] } } as const;
const TAGS = ['staff'];
const HOUR = 3_600_000;

const presentInvitation = (row: InvitationRow) => ({
  id: row.id,
  email: row.email,
  role: row.role,
  expires_at: row.expiresAt.toISOString(),
  expired: row.expiresAt.getTime() <= Date.now(),
  created_at: row.createdAt.toISOString(),
});

/**
 * Venue staff accounts: a venue organisation's managers invite colleagues by email as co-managers or
 * door staff, list them, change their roles and remove them; invitees accept signed in or sign up from
 * the link; door staff find the day's slots of their organisations.
 */
const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const signUpPerAddress = new RateLimiter(20, HOUR);
  const limitSignUp = (request: FastifyRequest) => {
    if (!app.config.rateLimits) return;
    const wait = countAttempt(request, signUpPerAddress, request.ip);
    if (wait !== undefined) throw Errors.rateLimited(wait);
  };

  /** The staff view of an organisation, as its managers see it. */
  async function staffView(organisation: { id: string; name: string }) {
    const [members, invitations] = [
      await organisationStaff(app.db, organisation.id),
      await pendingInvitations(app.db, organisation.id),
    ];
    return {
      organisation,
      members: members.map((m) => ({
        user_id: m.userId,
        email: m.email,
        display_name: m.displayName,
        role: m.role,
        joined_at: m.joinedAt.toISOString(),
      })),
      invitations: invitations.map(presentInvitation),
    };
  }

  app.get(
    '/api/organisations/:id/staff',
    {
      config: MANAGERS,
      schema: {
        tags: TAGS,
        summary: "An organisation's staff and its pending invitations, for its managers",
        operationId: 'getOrganisationStaff',
        params: OrganisationParams,
        response: { 200: Staff, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const organisation = await requireOrganisationManager(app.db, request.user!, request.params.id);
      void reply.header('cache-control', 'no-store');
      return staffView(organisation);
    },
  );

  app.post(
    '/api/organisations/:id/invitations',
    {
      config: MANAGERS,
      schema: {
        tags: TAGS,
        summary: 'Invite a colleague by email as co-manager or door staff',
        description: `The link goes out through the outbox and works once, for ${INVITATION_DAYS} days, for the account with this email (or a sign-up with it). A new invitation to the same email replaces the live one. 409 ALREADY_STAFF.`,
        operationId: 'inviteStaff',
        params: OrganisationParams,
        body: InviteBody,
        response: { 201: Invitation, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const input = {
        organisationId: request.params.id,
        email: request.body.email.trim().toLowerCase(),
        role: request.body.role,
        invitePageUrl: `${app.config.publicUrl}/invite`,
      };
      const invitation = await runCommand(app.db, inviteStaff, request.actor, input);
      return reply.code(201).send(presentInvitation(invitation));
    },
  );

  app.delete(
    '/api/organisations/:id/invitations/:invitationId',
    {
      config: MANAGERS,
      schema: {
        tags: TAGS,
        summary: 'Withdraw an invitation nobody accepted yet',
        description: '404 INVITATION_NOT_FOUND; 409 INVITATION_USED or INVITATION_REVOKED.',
        operationId: 'revokeStaffInvitation',
        params: InvitationParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const input = { organisationId: request.params.id, invitationId: request.params.invitationId };
      await runCommand(app.db, revokeStaffInvitation, request.actor, input);
      return reply.code(204).send(null);
    },
  );

  app.patch(
    '/api/organisations/:id/members/:userId',
    {
      config: MANAGERS,
      schema: {
        tags: TAGS,
        summary: "Change a member's role",
        description: 'The organisation keeps at least one manager: 409 LAST_MANAGER. 404 STAFF_MEMBER_NOT_FOUND.',
        operationId: 'changeStaffRole',
        params: MemberParams,
        body: RoleBody,
        response: { 200: Staff, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const input = { organisationId: request.params.id, userId: request.params.userId, role: request.body.role };
      await runCommand(app.db, changeStaffRole, request.actor, input);
      return staffView(await requireOrganisationManager(app.db, request.user!, request.params.id));
    },
  );

  app.delete(
    '/api/organisations/:id/members/:userId',
    {
      config: MANAGERS,
      schema: {
        tags: TAGS,
        summary: 'Remove a member from the staff; their next request is refused',
        description: 'Yourself too, unless you are the last manager (409 LAST_MANAGER). 404 STAFF_MEMBER_NOT_FOUND.',
        operationId: 'removeStaffMember',
        params: MemberParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const input = { organisationId: request.params.id, userId: request.params.userId };
      await runCommand(app.db, removeStaffMember, request.actor, input);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: 'What an invitation link offers: the organisation, the role, the email it is for',
        description:
          'For the invitation page; the token is the secret. 404 INVITATION_NOT_FOUND; 409 INVITATION_USED, INVITATION_REVOKED, INVITATION_EXPIRED.',
        operationId: 'getStaffInvitation',
        params: TokenParams,
        response: { 200: InvitationView, ...errorResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const invitation = requireLiveInvitation(await invitationByTokenHash(app.db, hashToken(request.params.token)));
      void reply.header('cache-control', 'no-store');
      return {
        organisation: { name: invitation.organisationName },
        email: invitation.email,
        role: invitation.role,
        expires_at: invitation.expiresAt.toISOString(),
        account_exists: (await findUserForLogin(app.db, invitation.email)) !== undefined,
      };
    },
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: TAGS,
        summary: 'Accept an invitation with the signed-in account',
        description:
          'The invitation’s email must be the account’s (403 INVITATION_FOR_ANOTHER_EMAIL). A parent account becomes a venue staff account; other roles cannot join (403 ACCOUNT_CANNOT_JOIN_STAFF). 409 ALREADY_STAFF, INVITATION_USED, INVITATION_REVOKED, INVITATION_EXPIRED; 404 INVITATION_NOT_FOUND.',
        operationId: 'acceptStaffInvitation',
        body: AcceptBody,
        response: { 200: Joined, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const joined = await runCommand(app.db, acceptStaffInvitation, request.actor, { token: request.body.token });
      return { organisation: { id: joined.organisationId, name: joined.organisationName }, role: joined.role };
    },
  );

  app.post(
    '/api/invitations/sign-up',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: 'Sign up from an invitation link, with its email, join the staff and sign in',
        description:
          'Sets the session cookie; GET /api/me then answers the account and its CSRF token. 409 EMAIL_TAKEN when the email has an account (sign in and accept instead); the invitation’s refusals as for accepting.',
        operationId: 'signUpWithStaffInvitation',
        body: SignUpBody,
        response: { 201: Joined, ...errorResponses(400, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      limitSignUp(request);
      const { body } = request;
      const preview = await invitationByTokenHash(app.db, hashToken(body.token));
      if (preview) refuseWeakPassword(body.password, preview.email);
      const passwordHash = await hashPassword(body.password);
      const { session, organisationId, organisationName, role } = await runPublicCommand(
        app.db,
        registerStaffAccount,
        request.actor,
        {
          token: body.token,
          displayName: body.display_name.trim(),
          passwordHash,
          session: { replaces: request.sessionTokenHash, userAgent: request.headers['user-agent'] },
        },
      );
      app.setSessionCookie(reply, request, session.token, session.expiresAt);
      return reply.code(201).send({ organisation: { id: organisationId, name: organisationName }, role });
    },
  );

  app.get(
    '/api/staff/slots',
    {
      config: { access: { roles: ['venue_manager'] } },
      schema: {
        tags: TAGS,
        summary: "A day's slots at the venues of the organisations you are on the staff of (door staff too)",
        description:
          'Each with the link to its bookings. 403 NOT_STAFF when the account is on no staff (after being removed, say).',
        operationId: 'listStaffSlots',
        querystring: StaffSlotsQuery,
        response: { 200: StaffSlots, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { organisations } = await userAffiliations(app.db, request.user!.id);
      if (organisations.length === 0) throw Errors.notStaff();
      const date = request.query.date ?? localDayOf(Date.now());
      const from = new Date(dayStart(date));
      const to = new Date(localMidnight(addDays(date, 1)));
      const rows = await organisationSlots(
        app.db,
        organisations.map((o) => o.id),
        from,
        to,
      );
      void reply.header('cache-control', 'no-store');
      return {
        date,
        organisations: organisations.map((o) => ({ id: o.id, name: o.name, staff_role: o.staffRole })),
        items: rows.map((row) => ({
          id: row.id,
          venue: { id: row.venueId, name: row.venueName },
          title: row.title,
          starts_at: row.startsAt.toISOString(),
          ends_at: row.endsAt.toISOString(),
          capacity: row.capacity,
          status: row.status,
          roster_url: `/api/manage/slots/${row.id}/bookings`,
        })),
      };
    },
  );
};

/** Shanghai midnight of a day; INVALID_DATE for a day that does not exist. */
function dayStart(date: string): number {
  try {
    return localMidnight(date);
  } catch {
    throw Errors.invalidDate('date', date);
  }
}

export default staffRoutes;
