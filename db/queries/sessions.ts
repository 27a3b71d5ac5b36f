/**
 * Sign-in sessions and password-reset tokens; both are stored only as SHA-256 hashes of their tokens.
 */
import DataLoader from 'dataloader';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { passwordResets, sessions, users } from '../schema/index.ts';
import { userColumns, type UserRow } from './users.ts';

export interface SessionUser extends UserRow {
  csrfToken: string;
}
export async function insertSession(
  db: Db,
  session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date; userAgent?: string; ip?: string },
): Promise<void> {
  await db.insert(sessions).values(session);
}
/**
 * The live session's user: not revoked, not expired, the account not disabled. Every API request with a
 * cookie asks this, so the lookups asked in one turn of the event loop go to the database together, in one
 * prepared statement (DataLoader, without its cache: each answer is read after its request arrived, so a
 * revoked session is never seen alive). In a release rush that is a few hundred statements for ten
 * thousand requests instead of ten thousand queueing for the pool (docs/PERFORMANCE.md, "Bookings").
 */
export async function findSessionUser(db: Db, tokenHash: string): Promise<SessionUser | undefined> {
  let loader = sessionLoaders.get(db);
  if (!loader) sessionLoaders.set(db, (loader = sessionLoader(db)));
  return loader.load(tokenHash);
}
const sessionLoaders = new WeakMap<Db, DataLoader<string, SessionUser | undefined>>();

function sessionLoader(db: Db) {
  const lookup = db
    .select({ ...userColumns, csrfToken: sessions.csrfToken, tokenHash: sessions.tokenHash })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        sql`${sessions.tokenHash} = ANY(${sql.placeholder('tokenHashes')}::text[])`,
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    )
    .prepare('kaimen_session_users');
  return new DataLoader<string, SessionUser | undefined>(
    async (tokenHashes) => {
      const rows = await lookup.execute({ tokenHashes: [...tokenHashes] });
      const byHash = new Map(rows.map(({ tokenHash, ...user }) => [tokenHash, user]));
      return tokenHashes.map((hash) => byHash.get(hash));
    },
    { cache: false, maxBatchSize: 500, batchScheduleFn: (dispatch) => setImmediate(dispatch) },
  );
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
/** Ends every reset link of a user still outstanding (after a reset, so no other link works). */
export async function revokePasswordResets(db: Db, userId: string): Promise<number> {
  const rows = await db
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
    .returning({ tokenHash: passwordResets.tokenHash });
  return rows.length;
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
