import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { markMessageSent, unsentMessages, type QueuedMessage } from '../../db/queries/outbox.ts';

/** Delivers one message somewhere (e-mail, SMS). Throwing leaves it queued for the next round. */
export interface MessageSender {
  readonly name: string;
  send(message: QueuedMessage): Promise<void>;
}

/** Hands queued messages to the sender, oldest first; answers how many went out. */
export async function deliverQueuedMessages(db: Db, sender: MessageSender, log?: FastifyBaseLogger): Promise<number> {
  let sent = 0;
  for (const message of await unsentMessages(db, 100)) {
    try {
      await sender.send(message);
      await markMessageSent(db, message.id);
      sent += 1;
    } catch (err) {
      log?.warn({ err, messageId: message.id }, 'message delivery failed; it stays queued');
    }
  }
  return sent;
}
