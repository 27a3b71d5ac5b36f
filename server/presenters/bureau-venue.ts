import type { pendingVenues, regionVenues, VenueReviewState } from '../../db/queries/venues.ts';
import type { PublicationStatus, VenueKind, VerificationStatus } from '../../domain/vocab.ts';

/** A venue's review state as the API shows it after a bureau decision (and the audit log keeps it). */
export function presentVenueReview(venue: VenueReviewState) {
  return {
    id: venue.id,
    name: venue.nameZh,
    adcode: venue.adcode,
    status: venue.status as PublicationStatus,
    verification_status: venue.verificationStatus as VerificationStatus,
    review_note: venue.reviewNote,
  };
}

/** A new venue waiting in the bureau's queue. */
export function presentQueuedVenue(v: Awaited<ReturnType<typeof pendingVenues>>[number]) {
  return {
    id: v.id,
    name: v.nameZh,
    adcode: v.adcode,
    district_name: v.districtName,
    address: v.addressZh,
    kinds: v.kinds as VenueKind[],
    organisation_name: v.organisationName,
    lng: v.lng,
    lat: v.lat,
    created_at: v.createdAt.toISOString(),
  };
}

/** A venue of a bureau's region, whatever its status. */
export function presentOverseenVenue(r: Awaited<ReturnType<typeof regionVenues>>[number]) {
  return {
    id: r.id,
    name: r.nameZh,
    adcode: r.adcode,
    district_name: r.districtName,
    status: r.status as PublicationStatus,
    verification_status: r.verificationStatus as VerificationStatus,
    review_note: r.reviewNote,
    organisation: r.organisationName,
  };
}
