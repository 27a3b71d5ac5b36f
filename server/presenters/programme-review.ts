import type { PublicationStatus } from '../../domain/vocab.ts';

/** A programme's review state as the API shows it after a bureau decision. */
export function presentProgrammeReview(programme: {
  id: string;
  venueId: string;
  titleZh: string;
  status: string;
  reviewNote: string | null;
}) {
  return {
    id: programme.id,
    venue_id: programme.venueId,
    title: programme.titleZh,
    status: programme.status as PublicationStatus,
    review_note: programme.reviewNote,
  };
}
