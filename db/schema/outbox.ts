import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Messages to people (password resets, cancelled slots), written in the same transaction as the change
 * that causes them and delivered afterwards by a sender. In development nothing is sent: the dev mailbox
 * page shows them.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipient: text('recipient').notNull(),
    /** What the message is about, e.g. `password_reset`, `slot_cancelled`. */
    topic: text('topic').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    data: jsonb('data'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_messages_unsent_idx')
      .on(t.createdAt)
      .where(sql`${t.sentAt} IS NULL`),
  ],
);
