import { and, asc, eq, sql } from 'drizzle-orm';
import type { MembershipStatus, SchoolRole } from '../../domain/vocab.ts';
import type { Db } from '../client.ts';
import { schoolMembers, schools, users } from '../schema/index.ts';

/** Schools whose name contains `q` (any case), by name: the picker of the teacher sign-up form. */
export async function searchSchools(db: Db, search: { q?: string | undefined; limit: number }): Promise<School[]> {
  const q = search.q?.trim().toLowerCase();
  return db
    .select({ id: schools.id, name: schools.name, adcode: schools.adcode })
    .from(schools)
    .where(q ? sql`strpos(lower(${schools.name}), ${q}) > 0` : undefined)
    .orderBy(asc(schools.name), asc(schools.id))
    .limit(search.limit);
}

/** A school: its name and district. */
export interface School {
  id: string;
  name: string;
  adcode: string | null;
}

export async function getSchool(db: Db, id: string): Promise<School | undefined> {
  const [row] = await db
    .select({ id: schools.id, name: schools.name, adcode: schools.adcode })
    .from(schools)
    .where(eq(schools.id, id));
  return row;
}

/** True when the user is an approved school admin of the school. */
export async function isSchoolAdmin(db: Db, userId: string, schoolId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: schoolMembers.userId })
    .from(schoolMembers)
    .where(
      and(
        eq(schoolMembers.schoolId, schoolId),
        eq(schoolMembers.userId, userId),
        eq(schoolMembers.role, 'school_admin'),
        eq(schoolMembers.status, 'approved'),
      ),
    );
  return row !== undefined;
}

const memberColumns = {
  schoolId: schoolMembers.schoolId,
  userId: schoolMembers.userId,
  displayName: users.displayName,
  email: users.email,
  role: sql<SchoolRole>`${schoolMembers.role}`,
  status: sql<MembershipStatus>`${schoolMembers.status}`,
  createdAt: schoolMembers.createdAt,
  decidedAt: schoolMembers.decidedAt,
};
export type SchoolMemberRow = Awaited<ReturnType<typeof listSchoolMembers>>[number];

/** A school's members: pending first (they wait for a decision), then by name. */
export async function listSchoolMembers(db: Db, schoolId: string) {
  return db
    .select(memberColumns)
    .from(schoolMembers)
    .innerJoin(users, eq(users.id, schoolMembers.userId))
    .where(eq(schoolMembers.schoolId, schoolId))
    .orderBy(sql`${schoolMembers.status} <> 'pending'`, asc(users.displayName), asc(users.id));
}

/** One membership, locked for the decision that follows. */
export async function lockSchoolMember(db: Db, schoolId: string, userId: string) {
  const [row] = await db
    .select(memberColumns)
    .from(schoolMembers)
    .innerJoin(users, eq(users.id, schoolMembers.userId))
    .where(and(eq(schoolMembers.schoolId, schoolId), eq(schoolMembers.userId, userId)))
    .for('update', { of: schoolMembers });
  return row;
}

export async function decideSchoolMember(
  db: Db,
  key: { schoolId: string; userId: string },
  decision: { status: Exclude<MembershipStatus, 'pending'>; decidedBy: string },
) {
  const [row] = await db
    .update(schoolMembers)
    .set({ ...decision, decidedAt: sql`now()` })
    .where(and(eq(schoolMembers.schoolId, key.schoolId), eq(schoolMembers.userId, key.userId)))
    .returning({ status: sql<MembershipStatus>`${schoolMembers.status}`, decidedAt: schoolMembers.decidedAt });
  return row!;
}
export async function schoolExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: schools.id }).from(schools).where(eq(schools.id, id));
  return row !== undefined;
}
export async function addSchoolMember(
  db: Db,
  member: { schoolId: string; userId: string; role: SchoolRole; status?: MembershipStatus },
): Promise<void> {
  await db.insert(schoolMembers).values({ ...member, status: member.status ?? 'pending' });
}
