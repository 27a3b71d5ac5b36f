import type { Db } from '../../db/client.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import {
  getSchoolRecord,
  lockSchool,
  schoolAdmins,
  setSchoolFields,
  type SchoolRecord,
} from '../../db/queries/schools.ts';
import { requireRegion } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { schoolReviewedMessage } from '../messages/school-reviewed.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

export interface DecideSchoolInput {
  schoolId: string;
  outcome: 'verified' | 'rejected';
  /** Why the school is rejected (told to its admins); null for a verification. */
  reason: string | null;
}

/**
 * The bureau of the school's district verifies a pending school (its approved teachers may then take
 * green-channel places) or rejects it with a reason. Outside the bureau's region: OUTSIDE_REGION. The
 * row is locked, so two reviewers deciding at once are serialised and the second gets
 * SCHOOL_NOT_PENDING. A school without a point or a district cannot be verified (SCHOOL_NOT_PLACED).
 * Audited under the school's district; its admins are told.
 */
export async function decideSchool(tx: Db, actor: SignedInActor, input: DecideSchoolInput): Promise<SchoolRecord> {
  const before = await lockSchool(tx, input.schoolId);
  if (!before) throw Errors.schoolNotFound();
  requireRegion(actor.user, before.adcode);
  if (before.verificationStatus !== 'pending') throw Errors.schoolNotPending(before.verificationStatus);
  const verified = input.outcome === 'verified';
  if (verified && (before.lng === null || before.adcode === null)) throw Errors.schoolNotPlaced();
  await setSchoolFields(
    tx,
    before.id,
    verified
      ? { verificationStatus: 'verified', reviewNote: null, verifiedAt: new Date(), verifiedBy: actor.user.id }
      : { verificationStatus: 'rejected', reviewNote: input.reason },
  );
  const after = (await getSchoolRecord(tx, before.id))!;
  await recordAudit(tx, actor, {
    action: verified ? 'school.verify' : 'school.reject',
    entityType: 'school',
    entityId: before.id,
    adcode: before.adcode,
    before: reviewState(before),
    after: reviewState(after),
  });
  for (const admin of await schoolAdmins(tx, before.id)) {
    await enqueueMessage(
      tx,
      admin.email,
      schoolReviewedMessage({
        recipientName: admin.displayName,
        school: { id: after.id, name: after.name },
        outcome: input.outcome,
        reason: input.reason,
      }),
    );
  }
  return after;
}

/** A school's review state, as the audit log keeps it. */
function reviewState(school: SchoolRecord) {
  return {
    verification_status: school.verificationStatus,
    review_note: school.reviewNote,
    verified_at: school.verifiedAt?.toISOString() ?? null,
    verified_by: school.verifiedBy,
  };
}
