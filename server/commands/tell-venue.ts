import type { Db } from '../../db/client.ts';
import { enqueueMessage, type MessageContent } from '../../db/queries/outbox.ts';
import { venueContacts } from '../../db/queries/venues.ts';

/**
 * Queues one message to each of a venue's people: its organisation's members, or whoever created it
 * when no organisation runs it yet. `write` words the message for each recipient.
 */
export async function tellVenuePeople(
  tx: Db,
  venue: { organisationId: string | null; createdBy: string | null },
  write: (recipientName: string) => MessageContent,
): Promise<void> {
  for (const contact of await venueContacts(tx, venue)) {
    await enqueueMessage(tx, contact.email, write(contact.displayName));
  }
}
