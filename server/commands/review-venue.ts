import type { Db } from '../../db/client.ts';
import { lockVenueForReview, setVenueReview, type VenueReviewState } from '../../db/queries/venues.ts';
import { requireRegion } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import type { SignedInActor } from './actor.ts';
import { recordVenueDecision } from './venue-decision.ts';

export interface ReviewVenueInput {
  venueId: string;
  outcome: 'approved' | 'rejected';
  /** Why a venue is rejected (shown to its managers); null for an approval. */
  reason: string | null;
}

/**
 * The bureau of the venue's district verifies a pending venue (it is published at once) or rejects it
 * with a reason. The venue row is locked, so two reviewers deciding at once are serialised and the second
 * gets VENUE_NOT_PENDING. Audited; the venue's people are told.
 */
export async function reviewVenue(tx: Db, actor: SignedInActor, input: ReviewVenueInput): Promise<VenueReviewState> {
  const before = await lockVenueForReview(tx, input.venueId);
  if (!before) throw Errors.venueNotFound();
  requireRegion(actor.user, before.adcode);
  if (before.verificationStatus !== 'pending') throw Errors.venueNotPending(before.verificationStatus);
  const approved = input.outcome === 'approved';
  const after = await setVenueReview(
    tx,
    before.id,
    approved
      ? { verificationStatus: 'verified', status: 'published', reviewNote: null }
      : { verificationStatus: 'rejected', reviewNote: input.reason },
  );
  await recordVenueDecision(
    tx,
    actor,
    { action: approved ? 'venue.approve' : 'venue.reject', outcome: input.outcome, reason: input.reason },
    before,
    after,
  );
  return after;
}
