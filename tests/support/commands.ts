/**
 * What tests of commands (tests/commands/) look at: the error code a command refuses with, and the
 * audit entries and outbox messages it wrote.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, outboxMessages } from '../../db/schema/index.ts';
import { ApiError } from '../../server/errors.ts';

/** The code of the ApiError a command throws ('no error' when it returns). */
export async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  return 'no error';
}

/** The audit entries of an entity, oldest first. */
export const auditOf = (tx: Db, entityId: string) =>
  tx.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);

/** The outbox messages to one address (in one transaction they share a created_at: no order is implied). */
export const messagesTo = (tx: Db, recipient: string) =>
  tx.select().from(outboxMessages).where(eq(outboxMessages.recipient, recipient));
