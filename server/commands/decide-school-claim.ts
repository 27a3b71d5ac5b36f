import type { Db } from '../../db/client.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import {
  approveSchoolMember,
  findSchoolClaim,
  lockSchool,
  lockSchoolClaim,
  setSchoolClaimDecision,
  type SchoolClaimRow,
} from '../../db/queries/schools.ts';
import { getUser } from '../../db/queries/users.ts';
import { requireRegion } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { schoolClaimReviewedMessage } from '../messages/school-claim-reviewed.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

export interface DecideSchoolClaimInput {
  claimId: string;
  outcome: 'approved' | 'rejected';
  /** Why the claim is rejected (told to the claimant); null for an approval. */
  reason: string | null;
}

/**
 * The bureau of the school's district decides a claim of it (OUTSIDE_REGION elsewhere). An approval
 * makes the claimant an approved school admin of the school; a school may have several admins, so other
 * claims stay pending. The claimant hears the outcome; each change is audited under the school's
 * district.
 */
export async function decideSchoolClaim(
  tx: Db,
  actor: SignedInActor,
  input: DecideSchoolClaimInput,
): Promise<SchoolClaimRow> {
  // The school is locked before the claim, as a school's decisions are, so they queue up in one order.
  const found = await findSchoolClaim(tx, input.claimId);
  if (!found) throw Errors.claimNotFound();
  const school = await lockSchool(tx, found.schoolId);
  if (!school) throw Errors.claimNotFound();
  requireRegion(actor.user, school.adcode);
  const claim = (await lockSchoolClaim(tx, input.claimId))!;
  if (claim.status !== 'pending') throw Errors.claimNotPending(claim.status);
  const decided = await setSchoolClaimDecision(tx, claim.id, {
    status: input.outcome,
    reason: input.reason,
    decidedBy: actor.user.id,
  });
  await recordAudit(tx, actor, {
    action: input.outcome === 'approved' ? 'school_claim.approve' : 'school_claim.reject',
    entityType: 'school_claim',
    entityId: claim.id,
    adcode: school.adcode,
    before: claimState(claim),
    after: claimState(decided),
  });
  if (input.outcome === 'approved') {
    await approveSchoolMember(tx, {
      schoolId: school.id,
      userId: claim.userId,
      role: 'school_admin',
      decidedBy: actor.user.id,
    });
    await recordAudit(tx, actor, {
      action: 'school_member.approve',
      entityType: 'school_member',
      entityId: `${school.id}:${claim.userId}`,
      adcode: school.adcode,
      after: { role: 'school_admin', status: 'approved', claim_id: claim.id },
    });
  }
  const claimant = await getUser(tx, claim.userId);
  if (claimant) {
    await enqueueMessage(
      tx,
      claimant.email,
      schoolClaimReviewedMessage({
        recipientName: claimant.displayName,
        claim: decided,
        schoolName: school.name,
        outcome: input.outcome,
        reason: input.reason,
      }),
    );
  }
  return decided;
}

/** A claim as the audit log keeps it. */
function claimState(claim: SchoolClaimRow) {
  return {
    school_id: claim.schoolId,
    status: claim.status,
    reason: claim.reason,
    decided_by: claim.decidedBy,
    decided_at: claim.decidedAt?.toISOString() ?? null,
  };
}
