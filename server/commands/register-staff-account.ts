import type { Db } from '../../db/client.ts';
import { insertUser } from '../../db/queries/users.ts';
import type { InvitableStaffRole } from '../../domain/vocab.ts';
import { Errors } from '../errors.ts';
import { joinStaff, openInvitation } from './accept-staff-invitation.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import type { UserRow } from '../../db/queries/users.ts';
import { signIn, type NewSession, type SessionRequest } from './sign-in.ts';

export interface RegisterStaffAccountInput {
  /** The invitation link's token. */
  token: string;
  displayName: string;
  /** Hashed before the transaction (argon2 is slow). */
  passwordHash: string;
  session: SessionRequest;
}

/**
 * Signs up from an invitation link: the account gets the invitation's email (the invitee cannot choose
 * another), is a venue staff account on the organisation's staff with the invited role, and is signed
 * in, in one transaction. The link works once, until it expires (see openInvitation); EMAIL_TAKEN when
 * the email has an account already (sign in and accept instead). Audited as a sign-up and a join.
 */
export async function registerStaffAccount(
  tx: Db,
  actor: Actor,
  input: RegisterStaffAccountInput,
): Promise<{
  user: UserRow;
  session: NewSession;
  organisationId: string;
  organisationName: string;
  role: InvitableStaffRole;
}> {
  const invitation = await openInvitation(tx, input.token);
  const user = await insertUser(tx, {
    email: invitation.email,
    displayName: input.displayName,
    passwordHash: input.passwordHash,
    role: 'venue_manager',
  });
  if (!user) throw Errors.emailTaken();
  await recordAudit(tx, actor, {
    action: 'user.register',
    entityType: 'user',
    entityId: user.id,
    after: { email: user.email, role: user.role, invitation_id: invitation.id },
  });
  await joinStaff(tx, actor, invitation, user);
  const session = await signIn(tx, actor, { userId: user.id, ...input.session });
  return {
    user,
    session,
    organisationId: invitation.organisationId,
    organisationName: invitation.organisationName,
    role: invitation.role,
  };
}
