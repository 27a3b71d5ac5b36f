import type { Db } from '../../db/client.ts';
import { createOrganisation } from '../../db/queries/organisations.ts';
import { addSchoolMember, schoolStatus } from '../../db/queries/schools.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import { findUserForLogin, insertUser, type UserRow } from '../../db/queries/users.ts';
import { Errors } from '../errors.ts';
import { accountCreatedMessage, signUpWithExistingAccountMessage } from '../messages/sign-up.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';

/** What an account's role brings to it. */
export type NewAccountRole =
  | { role: 'parent' }
  /** A teacher joins a school, pending its admin's approval. */
  | { role: 'teacher'; schoolId: string }
  /** A school admin registers or claims their school after signing up. */
  | { role: 'school_admin' }
  /** A venue manager gets an organisation of their own for the venues they will run. */
  | { role: 'venue_manager'; organisationName: string };

/** A sign-up whose request was checked: the email lower-cased, names trimmed, the password hashed. */
export type RegisterAccountInput = NewAccountRole & {
  email: string;
  displayName: string;
  passwordHash: string;
  /** The web pages the message to the address links to: sign-in, and asking for a password reset. */
  pages: { loginUrl: string; resetUrl: string };
};

/** The account made, or none when the address already had one (whose owner is then told by message). */
export interface RegisteredAccount {
  user: UserRow | undefined;
}

/**
 * Creates an account anyone may make (parent, teacher, school admin, venue manager), in one
 * transaction: a teacher's pending membership of their school, a venue manager's organisation, the
 * audit entry and a welcome message to the address commit with the user or not at all. It does not
 * sign in: the caller's answer must be the same whether or not the address already had an account.
 * When it had one (the unique index decides, so two racing sign-ups get one account), nothing is
 * made and its owner gets a message saying someone tried, with links to sign in and to reset the
 * password (none for a disabled account). A teacher may join a pending school (the bureau has yet to
 * verify it), not a rejected one: SCHOOL_NOT_FOUND for an unknown school, SCHOOL_REJECTED for a
 * rejected one.
 */
export async function registerAccount(tx: Db, actor: Actor, input: RegisterAccountInput): Promise<RegisteredAccount> {
  if (input.role === 'teacher') {
    const status = await schoolStatus(tx, input.schoolId);
    if (!status) throw Errors.schoolNotFound();
    if (status === 'rejected') throw Errors.schoolRejected();
  }
  const user = await insertUser(tx, {
    email: input.email,
    displayName: input.displayName,
    passwordHash: input.passwordHash,
    role: input.role,
  });
  if (!user) {
    const existing = await findUserForLogin(tx, input.email);
    if (existing && !existing.disabledAt) {
      await enqueueMessage(
        tx,
        existing.email,
        signUpWithExistingAccountMessage({ recipientName: existing.displayName, ...input.pages }),
      );
    }
    return { user: undefined };
  }
  if (input.role === 'teacher') {
    await addSchoolMember(tx, { schoolId: input.schoolId, userId: user.id, role: 'teacher' });
  }
  if (input.role === 'venue_manager') await createOrganisation(tx, input.organisationName, user.id);
  await recordAudit(tx, actor, {
    action: 'user.register',
    entityType: 'user',
    entityId: user.id,
    after: { email: input.email, role: input.role, school_id: input.role === 'teacher' ? input.schoolId : null },
  });
  await enqueueMessage(tx, user.email, accountCreatedMessage({ recipientName: user.displayName, ...input.pages }));
  return { user };
}
