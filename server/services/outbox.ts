import { asc, isNull, sql, eq, and } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { outboxMessages } from '../../db/schema/index.ts';

export interface OutgoingMessage {
  recipient: string;
  topic: string;
  subject: string;
  body: string;
  data?: Record<string, unknown>;
}

/**
 * Queues a message in the same transaction as the change that causes it: if the change rolls back, no
 * message goes out; if it commits, the message is delivered even when the process stops right after.
 */
export async function enqueueMessage(db: Db, message: OutgoingMessage): Promise<void> {
  await db.insert(outboxMessages).values({ ...message, data: message.data ?? null });
}

/** Delivers one message somewhere (e-mail, SMS). Throwing leaves it queued for the next round. */
export interface MessageSender {
  readonly name: string;
  send(message: OutgoingMessage & { id: string }): Promise<void>;
}

/** Hands queued messages to the sender, oldest first; answers how many went out. */
export async function deliverQueuedMessages(db: Db, sender: MessageSender, log?: FastifyBaseLogger): Promise<number> {
  const queued = await db
    .select()
    .from(outboxMessages)
    .where(isNull(outboxMessages.sentAt))
    .orderBy(asc(outboxMessages.createdAt))
    .limit(100);
  let sent = 0;
  for (const message of queued) {
    try {
      await sender.send({ ...message, data: (message.data as Record<string, unknown> | null) ?? undefined });
      await db
        .update(outboxMessages)
        .set({ sentAt: sql`now()` })
        .where(and(eq(outboxMessages.id, message.id), isNull(outboxMessages.sentAt)));
      sent += 1;
    } catch (err) {
      log?.warn({ err, messageId: message.id }, 'message delivery failed; it stays queued');
    }
  }
  return sent;
}

/** The most recent messages, newest first (the dev mailbox). */
export async function recentMessages(db: Db, limit = 50) {
  return db
    .select()
    .from(outboxMessages)
    .orderBy(sql`${outboxMessages.createdAt} DESC`)
    .limit(limit);
}
