import type { QueuedMessage } from '../../db/queries/outbox.ts';

/** A message of the outbox as the dev mailbox lists it. */
export function presentOutboxMessage(message: QueuedMessage) {
  return {
    id: message.id,
    recipient: message.recipient,
    topic: message.topic,
    subject: message.subject,
    body: message.body,
    created_at: message.createdAt.toISOString(),
    sent_at: message.sentAt?.toISOString() ?? null,
  };
}
