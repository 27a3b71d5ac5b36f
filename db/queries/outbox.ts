/**
 * The outbox: messages to people, written in the same transaction as the change that causes them and
 * delivered afterwards (server/services/outbox.ts); their texts are the templates of server/messages.
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { outboxMessages } from '../schema/index.ts';

/** A message ready to queue: what it is about, its subject and body, and data for machines. */
export interface MessageContent {
  topic: string;
  subject: string;
  body: string;
  data?: Record<string, unknown>;
}

export type QueuedMessage = typeof outboxMessages.$inferSelect;

/**
 * Queues a message in the same transaction as the change that causes it: if the change rolls back, no
 * message goes out; if it commits, the message is delivered even when the process stops right after.
 */
export async function enqueueMessage(db: Db, recipient: string, message: MessageContent): Promise<void> {
  await db.insert(outboxMessages).values({ recipient, ...message, data: message.data ?? null });
}

/** Messages not sent yet, oldest first. */
export async function unsentMessages(db: Db, limit: number): Promise<QueuedMessage[]> {
  return db
    .select()
    .from(outboxMessages)
    .where(isNull(outboxMessages.sentAt))
    .orderBy(asc(outboxMessages.createdAt))
    .limit(limit);
}

/** Marks a message sent, once. */
export async function markMessageSent(db: Db, id: string): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ sentAt: sql`now()` })
    .where(and(eq(outboxMessages.id, id), isNull(outboxMessages.sentAt)));
}

/** The most recent messages, newest first (the dev mailbox). */
export async function recentMessages(db: Db, limit = 50): Promise<QueuedMessage[]> {
  return db.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(limit);
}
