/** Idempotency keys: a request's fingerprint and its answer, to replay when the same key comes again. */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { idempotencyKeys } from '../schema/index.ts';

/**
 * Claims the key for this request. On PostgreSQL a second request with the same key waits here until
 * the first one's transaction ends (the primary key's uniqueness check), then finds its answer.
 * Answers true when claimed, false when the key was already used.
 */
export async function claimIdempotencyKey(
  db: Db,
  key: { userId: string; key: string; fingerprint: string },
): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values({ ...key, statusCode: 0, body: sql`'null'::jsonb` })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

export async function storedAnswer(db: Db, userId: string, key: string) {
  const [row] = await db
    .select({
      fingerprint: idempotencyKeys.fingerprint,
      statusCode: idempotencyKeys.statusCode,
      body: idempotencyKeys.body,
    })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  return row;
}

export async function storeAnswer(db: Db, userId: string, key: string, answer: { statusCode: number; body: unknown }) {
  await db
    .update(idempotencyKeys)
    .set({ statusCode: answer.statusCode, body: answer.body })
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
}

/** Forgets keys older than `hours` (at least 24: clients may retry for a day). */
export async function purgeIdempotencyKeys(db: Db, hours: number): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${Math.max(24, hours)})`))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
