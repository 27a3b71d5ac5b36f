import type { Db } from '../../db/client.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import { decideSchoolMember, lockSchoolMember, type SchoolMemberRow } from '../../db/queries/schools.ts';
import { requireSchoolAdmin } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { membershipReviewedMessage } from '../messages/membership-reviewed.ts';
import { presentSchoolMember } from '../presenters/school.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

export interface DecideMembershipInput {
  schoolId: string;
  /** The member decided on. */
  userId: string;
  outcome: 'approved' | 'rejected';
}

/**
 * A school's admin (or an admin) approves or rejects a pending membership; an approved teacher may book
 * for the school. The membership row is locked, so two admins deciding at once are serialised and the
 * second gets MEMBERSHIP_NOT_PENDING. School admins decide on teachers only: school admin memberships
 * are an administrator's business (NOT_YOUR_SCHOOL). Audited with the school's district; the member is
 * told.
 */
export async function decideMembership(
  tx: Db,
  actor: SignedInActor,
  input: DecideMembershipInput,
): Promise<SchoolMemberRow> {
  const school = await requireSchoolAdmin(tx, actor.user, input.schoolId);
  const before = await lockSchoolMember(tx, input.schoolId, input.userId);
  if (!before) throw Errors.membershipNotFound();
  if (before.role !== 'teacher' && actor.user.role !== 'admin') throw Errors.notYourSchool();
  if (before.status !== 'pending') throw Errors.membershipNotPending(before.status);
  const decision = await decideSchoolMember(tx, input, { status: input.outcome, decidedBy: actor.user.id });
  const after = { ...before, ...decision };
  await recordAudit(tx, actor, {
    action: input.outcome === 'approved' ? 'school_member.approve' : 'school_member.reject',
    entityType: 'school_member',
    entityId: `${input.schoolId}:${input.userId}`,
    adcode: school.adcode,
    before: presentSchoolMember(before),
    after: presentSchoolMember(after),
  });
  await enqueueMessage(
    tx,
    before.email,
    membershipReviewedMessage({ recipientName: before.displayName, school, outcome: input.outcome }),
  );
  return after;
}
