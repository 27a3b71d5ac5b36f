import type { Db } from '../../db/client.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import {
  insertInvitation,
  isStaffEmail,
  lockOrganisation,
  revokeLiveInvitations,
  type InvitationRow,
} from '../../db/queries/staff.ts';
import type { InvitableStaffRole } from '../../domain/vocab.ts';
import { requireOrganisationManager } from '../auth/ownership.ts';
import { hashToken, randomToken } from '../auth/tokens.ts';
import { Errors } from '../errors.ts';
import { staffInvitationMessage } from '../messages/staff-invitation.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

export interface InviteStaffInput {
  organisationId: string;
  /** The colleague's email, lower-cased. */
  email: string;
  role: InvitableStaffRole;
  /** The web page that accepts invitations (`…/invite`); the link adds the token to it. */
  invitePageUrl: string;
}

/**
 * A manager (or co-manager, or an admin) invites a colleague to the organisation's staff by email: the
 * link goes out through the outbox, its token stored only as its hash, working once for
 * INVITATION_DAYS. A new invitation to the same email replaces a live one; ALREADY_STAFF when the email's
 * account is on the staff. Audited (the email, the role; never the token).
 */
export async function inviteStaff(tx: Db, actor: SignedInActor, input: InviteStaffInput): Promise<InvitationRow> {
  await requireOrganisationManager(tx, actor.user, input.organisationId);
  const organisation = (await lockOrganisation(tx, input.organisationId))!;
  if (await isStaffEmail(tx, organisation.id, input.email)) throw Errors.alreadyStaff();
  await revokeLiveInvitations(tx, organisation.id, input.email);
  const token = randomToken();
  const invitation = await insertInvitation(tx, {
    organisationId: organisation.id,
    email: input.email,
    role: input.role,
    tokenHash: hashToken(token),
    invitedBy: actor.user.id,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
  });
  await enqueueMessage(
    tx,
    input.email,
    staffInvitationMessage({
      organisationName: organisation.name,
      inviterName: actor.user.displayName,
      role: input.role,
      link: `${input.invitePageUrl}/${token}`,
      validDays: INVITATION_DAYS,
    }),
  );
  await recordAudit(tx, actor, {
    action: 'staff.invite',
    entityType: 'organisation',
    entityId: organisation.id,
    after: { invitation_id: invitation.id, email: input.email, role: input.role },
  });
  return invitation;
}
