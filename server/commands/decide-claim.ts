import type { Db } from '../../db/client.ts';
import { findClaim, lockClaim, rejectOtherClaims, setClaimDecision, type ClaimState } from '../../db/queries/claims.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import { getUser } from '../../db/queries/users.ts';
import { lockVenueForReview, setVenueReview } from '../../db/queries/venues.ts';
import { requireRegion } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { claimReviewedMessage } from '../messages/claim-reviewed.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

/** Another pending claim of a venue is rejected with this reason when one is approved. */
export const OTHER_CLAIM_APPROVED = 'another claim was approved';

export interface DecideClaimInput {
  claimId: string;
  outcome: 'approved' | 'rejected';
  /** Why the claim is rejected (told to the claimant); null for an approval. */
  reason: string | null;
}

export interface ClaimDecisionResult {
  claim: ClaimState;
  /** Other pending claims of the venue, rejected because this one was approved. */
  rejected: ClaimState[];
}

/**
 * The bureau of the venue's district decides a claim. An approval hands the venue to the claimant's
 * organisation and rejects the venue's other pending claims. Every claimant hears the outcome; each
 * change is audited.
 */
export async function decideClaim(tx: Db, actor: SignedInActor, input: DecideClaimInput): Promise<ClaimDecisionResult> {
  // The venue is locked before the claim, as every decision on its claims does, so two approvals of
  // rival claims queue up instead of deadlocking; the second then finds its claim rejected.
  const found = await findClaim(tx, input.claimId);
  if (!found) throw Errors.claimNotFound();
  const venue = await lockVenueForReview(tx, found.venueId);
  if (!venue) throw Errors.claimNotFound();
  requireRegion(actor.user, venue.adcode);
  const claim = (await lockClaim(tx, input.claimId))!;
  if (claim.status !== 'pending') throw Errors.claimNotPending(claim.status);
  const decided = await setClaimDecision(tx, claim.id, {
    status: input.outcome,
    reason: input.reason,
    decidedBy: actor.user.id,
  });
  await recordAudit(tx, actor, {
    action: input.outcome === 'approved' ? 'claim.approve' : 'claim.reject',
    entityType: 'claim',
    entityId: claim.id,
    adcode: venue.adcode,
    before: claimSnapshot(claim),
    after: claimSnapshot(decided),
  });
  await tellClaimant(tx, decided, venue.nameZh, input.outcome, input.reason);
  if (input.outcome === 'rejected') return { claim: decided, rejected: [] };

  const managed = await setVenueReview(tx, venue.id, { organisationId: claim.organisationId });
  await recordAudit(tx, actor, {
    action: 'venue.assign_organisation',
    entityType: 'venue',
    entityId: venue.id,
    adcode: venue.adcode,
    before: { organisation_id: venue.organisationId },
    after: { organisation_id: managed.organisationId, claim_id: claim.id },
  });
  const rejected = await rejectOtherClaims(tx, venue.id, claim.id, {
    reason: OTHER_CLAIM_APPROVED,
    decidedBy: actor.user.id,
  });
  for (const other of rejected) {
    await recordAudit(tx, actor, {
      action: 'claim.reject',
      entityType: 'claim',
      entityId: other.id,
      adcode: venue.adcode,
      before: { ...claimSnapshot(other), status: 'pending', reason: null, decided_by: null, decided_at: null },
      after: claimSnapshot(other),
    });
    await tellClaimant(tx, other, venue.nameZh, 'rejected', OTHER_CLAIM_APPROVED);
  }
  return { claim: decided, rejected };
}

async function tellClaimant(
  tx: Db,
  claim: ClaimState,
  venueName: string,
  outcome: 'approved' | 'rejected',
  reason: string | null,
): Promise<void> {
  const claimant = await getUser(tx, claim.userId);
  if (!claimant) return;
  await enqueueMessage(
    tx,
    claimant.email,
    claimReviewedMessage({ recipientName: claimant.displayName, claim, venueName, outcome, reason }),
  );
}

/** A claim as the audit log keeps it. */
function claimSnapshot(claim: ClaimState) {
  return {
    status: claim.status,
    reason: claim.reason,
    organisation_id: claim.organisationId,
    decided_by: claim.decidedBy,
    decided_at: claim.decidedAt?.toISOString() ?? null,
  };
}
