import type { ClaimState, organisationClaims, pendingClaims } from '../../db/queries/claims.ts';
import type { ClaimStatus, PublicationStatus, VerificationStatus } from '../../domain/vocab.ts';
import type { ClaimDecisionResult } from '../commands/decide-claim.ts';

/** A claim waiting in the bureau's queue. */
export function presentQueuedClaim(c: Awaited<ReturnType<typeof pendingClaims>>[number]) {
  return {
    id: c.id,
    venue: {
      id: c.venueId,
      name: c.venueName,
      adcode: c.adcode,
      status: c.venueStatus as PublicationStatus,
      verification_status: c.verificationStatus as VerificationStatus,
      managed: c.currentOrganisationId !== null,
    },
    claimant: { id: c.claimantId, display_name: c.claimantName, email: c.claimantEmail },
    organisation: { id: c.organisationId, name: c.organisationName },
    evidence: c.evidence,
    created_at: c.createdAt.toISOString(),
  };
}

/** A decided claim, with the rival claims its approval rejected. */
export function presentClaimDecision({ claim, rejected }: ClaimDecisionResult) {
  return {
    ...presentClaim(claim),
    rejected_claims: rejected.map((c) => c.id),
  };
}

function presentClaim(claim: ClaimState) {
  return {
    id: claim.id,
    venue_id: claim.venueId,
    organisation_id: claim.organisationId,
    status: claim.status as ClaimStatus,
    reason: claim.reason,
    decided_at: claim.decidedAt?.toISOString() ?? null,
  };
}
/**
 * A claim as its claimant sees it on submitting it (claim.ts presents claims as the bureau decides
 * them).
 */
export function presentSubmittedClaim(claim: { id: string; venueId: string; status: string; createdAt: Date }) {
  return {
    id: claim.id,
    venue_id: claim.venueId,
    status: claim.status as ClaimStatus,
    created_at: claim.createdAt.toISOString(),
  };
}

/** A claim as the venue console lists it for the claimant's organisation: waiting, approved, or rejected and why. */
export function presentOwnClaim(c: Awaited<ReturnType<typeof organisationClaims>>[number]) {
  return {
    id: c.id,
    venue: { id: c.venueId, name: c.venueName, adcode: c.adcode },
    claimant: c.claimantName,
    status: c.status as ClaimStatus,
    reason: c.reason,
    created_at: c.createdAt.toISOString(),
    decided_at: c.decidedAt?.toISOString() ?? null,
  };
}
