/** Helpers for tests that call commands directly (tests/commands/). */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, outboxMessages } from '../../db/schema/index.ts';
import { ApiError } from '../../server/errors.ts';

/** The code of the ApiError a command throws ('no error' when it does not throw). */
export async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  return 'no error';
}

/** The audit entries about one entity, oldest first. */
export const auditOf = (tx: Db, entityId: string) =>
  tx.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.id));

/** The outbox messages to one address. */
export const messagesTo = (tx: Db, recipient: string) =>
  tx.select().from(outboxMessages).where(eq(outboxMessages.recipient, recipient));
