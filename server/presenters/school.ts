import type {
  pendingSchoolClaims,
  School,
  SchoolClaimRow,
  schoolClaimsOf,
  SchoolMemberRow,
  SchoolRecord,
} from '../../db/queries/schools.ts';

/** A school's name and district, as the members page heads it. */
export function presentSchoolSummary(school: School) {
  return { id: school.id, name: school.name, adcode: school.adcode };
}

/**
 * A school. The public form (search, the sign-up picker, anyone's GET) leaves out the contact, the pupil
 * count and the bureau's note; the full form, for the school's approved admins, the bureau of its region
 * and admins, has them.
 */
export function presentSchool(school: SchoolRecord): PublicSchool;
export function presentSchool(school: SchoolRecord, form: 'full'): FullSchool;
export function presentSchool(school: SchoolRecord, form: 'public' | 'full'): PublicSchool | FullSchool;
export function presentSchool(school: SchoolRecord, form: 'public' | 'full' = 'public'): PublicSchool | FullSchool {
  const shown = {
    id: school.id,
    name: school.name,
    name_en: school.nameEn,
    kind: school.kind,
    grades: [...school.grades].sort((a, b) => a - b),
    adcode: school.adcode,
    district_name: school.districtName,
    lng: school.lng,
    lat: school.lat,
    address_zh: school.addressZh,
    address_en: school.addressEn,
    verification_status: school.verificationStatus,
    verified_at: school.verifiedAt?.toISOString() ?? null,
    source: school.source,
    created_at: school.createdAt.toISOString(),
    updated_at: school.updatedAt.toISOString(),
  };
  if (form === 'public') return shown;
  return {
    ...shown,
    pupil_count: school.pupilCount,
    review_note: school.reviewNote,
    contact_name: school.contactName,
    contact_phone: school.contactPhone,
    contact_email: school.contactEmail,
  };
}

type PublicSchool = Omit<
  FullSchool,
  'pupil_count' | 'review_note' | 'contact_name' | 'contact_phone' | 'contact_email'
>;
type FullSchool = {
  id: string;
  name: string;
  name_en: string | null;
  kind: SchoolRecord['kind'];
  grades: number[];
  adcode: string | null;
  district_name: string | null;
  lng: number | null;
  lat: number | null;
  address_zh: string | null;
  address_en: string | null;
  pupil_count: number | null;
  verification_status: SchoolRecord['verificationStatus'];
  review_note: string | null;
  verified_at: string | null;
  source: string;
  created_at: string;
  updated_at: string;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
};

/** A claim of a school, as its claimant sees it when it is made and decided. */
export function presentSchoolClaim(claim: SchoolClaimRow) {
  return {
    id: claim.id,
    school_id: claim.schoolId,
    status: claim.status,
    evidence: claim.evidence,
    reason: claim.reason,
    created_at: claim.createdAt.toISOString(),
    decided_at: claim.decidedAt?.toISOString() ?? null,
  };
}

/** A claimant's own claim in the school admin's console. */
export function presentOwnSchoolClaim(claim: Awaited<ReturnType<typeof schoolClaimsOf>>[number]) {
  return {
    id: claim.id,
    school: { id: claim.schoolId, name: claim.schoolName },
    status: claim.status,
    reason: claim.reason,
    created_at: claim.createdAt.toISOString(),
    decided_at: claim.decidedAt?.toISOString() ?? null,
  };
}

/** A claim waiting in the bureau's queue, with the school's full record. */
export function presentQueuedSchoolClaim(
  claim: Awaited<ReturnType<typeof pendingSchoolClaims>>[number],
  school: SchoolRecord,
) {
  return {
    id: claim.id,
    school: presentSchool(school, 'full'),
    claimant: { id: claim.userId, display_name: claim.claimantName, email: claim.claimantEmail },
    evidence: claim.evidence,
    created_at: claim.createdAt.toISOString(),
  };
}

/** A teacher's or school admin's membership of a school (the audit log keeps it in this shape too). */
export function presentSchoolMember(member: SchoolMemberRow) {
  return {
    user_id: member.userId,
    display_name: member.displayName,
    email: member.email,
    role: member.role,
    status: member.status,
    created_at: member.createdAt.toISOString(),
    decided_at: member.decidedAt?.toISOString() ?? null,
  };
}
