import type { Db } from '../../db/client.ts';
import { getSchoolRecord, insertSchoolClaim, isSchoolAdmin, type SchoolClaimRow } from '../../db/queries/schools.ts';
import { Errors } from '../errors.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

export interface ClaimSchoolInput {
  schoolId: string;
  /** What proves the claimant speaks for the school (position, official letter number, school phone). */
  evidence: string;
}

/**
 * A school admin claims a listed school (one imported from an official list, or registered by a
 * colleague); the claim waits for the bureau of the school's district. One pending claim per claimant
 * and school (CLAIM_PENDING); none by one of its admins (ALREADY_MEMBER) nor of a rejected school
 * (SCHOOL_REJECTED). Audited.
 */
export async function claimSchool(tx: Db, actor: SignedInActor, input: ClaimSchoolInput): Promise<SchoolClaimRow> {
  const school = await getSchoolRecord(tx, input.schoolId);
  if (!school) throw Errors.schoolNotFound();
  if (school.verificationStatus === 'rejected') throw Errors.schoolRejected();
  if (await isSchoolAdmin(tx, actor.user.id, school.id)) throw Errors.alreadyMember();
  const claim = await insertSchoolClaim(tx, {
    schoolId: school.id,
    userId: actor.user.id,
    evidence: input.evidence.trim(),
  });
  if (!claim) throw Errors.claimPending();
  await recordAudit(tx, actor, {
    action: 'school_claim.create',
    entityType: 'school_claim',
    entityId: claim.id,
    adcode: school.adcode,
    after: { school_id: school.id, evidence: claim.evidence },
  });
  return claim;
}
