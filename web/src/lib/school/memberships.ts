import type { MyMembership, SchoolMember } from '$lib/manage/types';

/** The schools whose members this person may decide on: those where they are an approved school admin. */
export function schoolsToManage(memberships: readonly MyMembership[]): MyMembership[] {
  return memberships.filter((m) => m.role === 'school_admin' && m.status === 'approved');
}

/** Members waiting for a decision: pending teachers (admins are made by the system, not approved here). */
export function awaitingDecision(members: readonly SchoolMember[]): SchoolMember[] {
  return members.filter((m) => m.role === 'teacher' && m.status === 'pending');
}
