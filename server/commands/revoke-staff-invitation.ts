import type { Db } from '../../db/client.ts';
import { lockInvitation, markInvitationRevoked } from '../../db/queries/staff.ts';
import { requireOrganisationManager } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

/**
 * A manager withdraws an invitation of their organisation that nobody accepted yet: its link stops
 * working. INVITATION_NOT_FOUND (also for another organisation's), INVITATION_USED, INVITATION_REVOKED.
 * Audited.
 */
export async function revokeStaffInvitation(
  tx: Db,
  actor: SignedInActor,
  input: { organisationId: string; invitationId: string },
): Promise<void> {
  await requireOrganisationManager(tx, actor.user, input.organisationId);
  const invitation = await lockInvitation(tx, input.invitationId);
  if (!invitation || invitation.organisationId !== input.organisationId) throw Errors.invitationNotFound();
  if (invitation.acceptedAt) throw Errors.invitationUsed();
  if (invitation.revokedAt) throw Errors.invitationRevoked();
  await markInvitationRevoked(tx, invitation.id);
  await recordAudit(tx, actor, {
    action: 'staff.invitation_revoke',
    entityType: 'organisation',
    entityId: input.organisationId,
    before: { invitation_id: invitation.id, email: invitation.email, role: invitation.role },
  });
}
