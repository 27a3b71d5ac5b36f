import type { Db } from '../../db/client.ts';
import { createOrganisation } from '../../db/queries/organisations.ts';
import { addSchoolMember, schoolStatus } from '../../db/queries/schools.ts';
import { insertUser, type UserRow } from '../../db/queries/users.ts';
import { Errors } from '../errors.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { signIn, type NewSession, type SessionRequest } from './sign-in.ts';

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
  /** The session the account is signed in with. */
  session: SessionRequest;
};

export interface RegisteredAccount {
  user: UserRow;
  session: NewSession;
}

/**
 * Creates an account anyone may make (parent, teacher, school admin, venue manager) and signs it in, in
 * one transaction: a teacher's pending membership of their school, a venue manager's organisation, the
 * audit entry and the session commit with the user or not at all. A teacher may join a pending school
 * (the bureau has yet to verify it), not a rejected one: SCHOOL_NOT_FOUND for an unknown school,
 * SCHOOL_REJECTED for a rejected one; EMAIL_TAKEN when the email has an account (the unique index decides, so two racing sign-ups
 * get one account).
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
  if (!user) throw Errors.emailTaken();
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
  return { user, session: await signIn(tx, actor, { userId: user.id, ...input.session }) };
}
