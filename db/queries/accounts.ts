import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { organisationMembers, passwordResets, schoolMembers, sessions, users } from '../schema/index.ts';
import type { Role } from '../../domain/vocab.ts';

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  regionPrefix: string | null;
  isDemo: boolean;
  disabledAt: Date | null;
}

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: sql<Role>`${users.role}`,
  regionPrefix: users.regionPrefix,
  isDemo: users.isDemo,
  disabledAt: users.disabledAt,
};

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  regionPrefix?: string | null;
  isDemo?: boolean;
}

/** Inserts a user; undefined when the email is taken (the unique index decides, so races are safe). */
export async function insertUser(db: Db, user: NewUser): Promise<UserRow | undefined> {
  const [row] = await db
    .insert(users)
    .values({ ...user, regionPrefix: user.regionPrefix ?? null, isDemo: user.isDemo ?? false })
    .onConflictDoNothing({ target: users.email })
    .returning(userColumns);
  return row;
}

/** The user with this (lower-cased) email, with the password hash for verification. */
export async function findUserForLogin(
  db: Db,
  email: string,
): Promise<(UserRow & { passwordHash: string }) | undefined> {
  const [row] = await db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email));
  return row;
}

export async function getUser(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return row;
}

export async function setPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export interface SessionUser extends UserRow {
  csrfToken: string;
}

export async function insertSession(
  db: Db,
  session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date; userAgent?: string; ip?: string },
): Promise<void> {
  await db.insert(sessions).values(session);
}

/** The live session's user: not revoked, not expired, the account not disabled. */
export async function findSessionUser(db: Db, tokenHash: string): Promise<SessionUser | undefined> {
  const [row] = await db
    .select({ ...userColumns, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    );
  return row;
}

export async function revokeSession(db: Db, tokenHash: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

/** Signs a user out everywhere (after a password reset). */
export async function revokeUserSessions(db: Db, userId: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.length;
}

export async function insertPasswordReset(
  db: Db,
  reset: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(passwordResets).values(reset);
}

/**
 * Uses a reset token once: marks it used and answers its user, or undefined when it is unknown, used or
 * expired. The conditional UPDATE makes two racing uses of one token succeed at most once.
 */
export async function consumePasswordReset(db: Db, tokenHash: string): Promise<string | undefined> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: passwordResets.userId });
  return row?.userId;
}

/** The organisations a venue manager belongs to. */
export async function userOrganisationIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId));
  return rows.map((r) => r.id);
}

export interface Membership {
  schoolId: string;
  role: 'teacher' | 'school_admin';
  status: 'pending' | 'approved' | 'rejected';
}

export async function userSchoolMemberships(db: Db, userId: string): Promise<Membership[]> {
  return db
    .select({
      schoolId: schoolMembers.schoolId,
      role: sql<Membership['role']>`${schoolMembers.role}`,
      status: sql<Membership['status']>`${schoolMembers.status}`,
    })
    .from(schoolMembers)
    .where(eq(schoolMembers.userId, userId));
}
