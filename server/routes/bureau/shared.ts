import type { VenueReviewState } from '../../../db/queries/review.ts';
import type { VenueReview } from './schema.ts';

/** Bureaus act in their region (checked per venue in each handler); admins everywhere. */
export const BUREAU = { access: { roles: ['bureau', 'admin'] } } as const;

/** What is shown of a venue after a decision, and kept in the audit log before and after it. */
export function venueReview(venue: VenueReviewState): VenueReview {
  return {
    id: venue.id,
    name: venue.nameZh,
    adcode: venue.adcode,
    status: venue.status as VenueReview['status'],
    verification_status: venue.verificationStatus as VenueReview['verification_status'],
    review_note: venue.reviewNote,
  };
}
