import type { Db } from '../../db/client.ts';
import {
  invitationByTokenHash,
  lockOrganisation,
  makeVenueManager,
  markInvitationAccepted,
  staffRoleOf,
  upsertStaffMember,
  type InvitationRow,
} from '../../db/queries/staff.ts';
import type { UserRow } from '../../db/queries/users.ts';
import { hashToken } from '../auth/tokens.ts';
import { Errors } from '../errors.ts';
import type { Actor, SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

/** Accounts that may join venue staff: venue managers, and parents (who become venue staff accounts). */
const JOINING_ROLES = new Set<string>(['venue_manager', 'parent']);

export type OpenInvitation = InvitationRow & { organisationName: string };

/**
 * The live invitation of a link's token, locked: INVITATION_NOT_FOUND (404), INVITATION_USED,
 * INVITATION_REVOKED, INVITATION_EXPIRED (409).
 */
export async function openInvitation(tx: Db, token: string): Promise<OpenInvitation> {
  return requireLiveInvitation(await invitationByTokenHash(tx, hashToken(token), true));
}

/** The invitation if it may still be accepted; the refusals of openInvitation otherwise. */
export function requireLiveInvitation(invitation: OpenInvitation | undefined): OpenInvitation {
  if (!invitation) throw Errors.invitationNotFound();
  if (invitation.acceptedAt) throw Errors.invitationUsed();
  if (invitation.revokedAt) throw Errors.invitationRevoked();
  if (invitation.expiresAt.getTime() <= Date.now()) throw Errors.invitationExpired();
  return invitation;
}

/**
 * Puts the account on the invitation's staff with its role and uses the invitation up. A parent's account
 * becomes a venue staff account; teachers, school admins, bureaus and admins cannot join
 * (ACCOUNT_CANNOT_JOIN_STAFF, 403); ALREADY_STAFF when the account is on that staff. Audited.
 */
export async function joinStaff(tx: Db, actor: Actor, invitation: OpenInvitation, user: UserRow): Promise<void> {
  if (!JOINING_ROLES.has(user.role)) throw Errors.accountCannotJoinStaff(user.role);
  await lockOrganisation(tx, invitation.organisationId);
  if (await staffRoleOf(tx, invitation.organisationId, user.id)) throw Errors.alreadyStaff();
  if (user.role !== 'venue_manager') await makeVenueManager(tx, user.id);
  await upsertStaffMember(tx, invitation.organisationId, user.id, invitation.role);
  await markInvitationAccepted(tx, invitation.id, user.id);
  await recordAudit(tx, actor, {
    action: 'staff.join',
    entityType: 'organisation',
    entityId: invitation.organisationId,
    before: user.role === 'venue_manager' ? null : { account_role: user.role },
    after: { invitation_id: invitation.id, user_id: user.id, email: user.email, role: invitation.role },
  });
}

/**
 * The signed-in invitee accepts an invitation: its email must be the account's
 * (INVITATION_FOR_ANOTHER_EMAIL, 403); the link works once, until it expires. Answers the organisation
 * joined and the role.
 */
export async function acceptStaffInvitation(
  tx: Db,
  actor: SignedInActor,
  input: { token: string },
): Promise<{ organisationId: string; organisationName: string; role: InvitationRow['role'] }> {
  const invitation = await openInvitation(tx, input.token);
  if (invitation.email !== actor.user.email) throw Errors.invitationForAnotherEmail();
  await joinStaff(tx, actor, invitation, actor.user);
  return {
    organisationId: invitation.organisationId,
    organisationName: invitation.organisationName,
    role: invitation.role,
  };
}
