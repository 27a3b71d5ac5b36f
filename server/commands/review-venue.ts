import type { Db } from '../../db/client.ts';
import { lockVenueForReview, setVenueReview, type VenueReviewState } from '../../db/queries/venues.ts';
import { requireRegion } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import type { SignedInActor } from './actor.ts';
import { recordVenueDecision } from './venue-decision.ts';

export interface ReviewVenueInput {
  venueId: string;
  /**
   * `approved` and `rejected` decide a venue waiting in the queue (pending); `verified` marks a listed
   * venue that was never reviewed (unverified: imported, or claimed from the catalogue) as checked.
   */
  outcome: 'approved' | 'rejected' | 'verified';
  /** Why a venue is rejected (shown to its managers); null otherwise. */
  reason: string | null;
}

/** What each outcome asks of the venue, does to it, and calls its audit entry. */
const OUTCOMES = {
  approved: {
    from: 'pending',
    action: 'venue.approve',
    change: () => ({ verificationStatus: 'verified', status: 'published', reviewNote: null }),
  },
  rejected: {
    from: 'pending',
    action: 'venue.reject',
    change: (reason: string | null) => ({ verificationStatus: 'rejected', reviewNote: reason }),
  },
  // Its publication is left as it is: a listed venue is public already, and a suspension (with its
  // reason as the review note) outlasts a verification.
  verified: { from: 'unverified', action: 'venue.verify', change: () => ({ verificationStatus: 'verified' }) },
} as const;

/**
 * The bureau of the venue's district decides on a venue: approves a pending one (it is verified and
 * published at once) or rejects it with a reason, or verifies a listed venue no one had reviewed. The
 * venue row is locked, so two reviewers deciding at once are serialised and the second gets
 * VENUE_NOT_PENDING (VENUE_NOT_UNVERIFIED when verifying). Audited; the venue's people are told.
 */
export async function reviewVenue(tx: Db, actor: SignedInActor, input: ReviewVenueInput): Promise<VenueReviewState> {
  const before = await lockVenueForReview(tx, input.venueId);
  if (!before) throw Errors.venueNotFound();
  requireRegion(actor.user, before.adcode);
  const outcome = OUTCOMES[input.outcome];
  if (before.verificationStatus !== outcome.from) {
    throw outcome.from === 'pending'
      ? Errors.venueNotPending(before.verificationStatus)
      : Errors.venueNotUnverified(before.verificationStatus);
  }
  const after = await setVenueReview(tx, before.id, outcome.change(input.reason));
  await recordVenueDecision(
    tx,
    actor,
    { action: outcome.action, outcome: input.outcome, reason: input.reason },
    before,
    after,
  );
  return after;
}
