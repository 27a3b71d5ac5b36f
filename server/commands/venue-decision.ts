import type { Db } from '../../db/client.ts';
import type { VenueReviewState } from '../../db/queries/venues.ts';
import { venueReviewedMessage, type ReviewOutcome } from '../messages/venue-reviewed.ts';
import { presentVenueReview } from '../presenters/bureau-venue.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { tellVenuePeople } from './tell-venue.ts';

/**
 * What every bureau decision on a venue leaves behind, in the decision's transaction: the audit entry
 * with the review state before and after (and the bureau's note, when it gave one), and a message to
 * each of the venue's people.
 */
export async function recordVenueDecision(
  tx: Db,
  actor: Actor,
  decision: { action: string; outcome: ReviewOutcome; reason: string | null; note?: string | null },
  before: VenueReviewState,
  after: VenueReviewState,
): Promise<void> {
  const note = decision.note ?? null;
  await recordAudit(tx, actor, {
    action: decision.action,
    entityType: 'venue',
    entityId: before.id,
    adcode: before.adcode,
    before: presentVenueReview(before),
    after: { ...presentVenueReview(after), ...(note ? { note } : {}) },
  });
  await tellVenuePeople(tx, after, (recipientName) =>
    venueReviewedMessage({
      recipientName,
      venue: { id: after.id, name: after.nameZh },
      outcome: decision.outcome,
      reason: decision.reason,
      note,
    }),
  );
}
