import type { School, SchoolMemberRow } from '../../db/queries/schools.ts';

/** A school as the sign-up picker and the members page show it. */
export function presentSchool(school: School) {
  return { id: school.id, name: school.name, adcode: school.adcode };
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
