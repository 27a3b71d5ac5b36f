import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { organisationMembers, organisations, schoolMembers, schools } from '../schema/index.ts';

export async function createOrganisation(db: Db, name: string, memberId: string): Promise<string> {
  const [organisation] = await db.insert(organisations).values({ name }).returning({ id: organisations.id });
  await db.insert(organisationMembers).values({ organisationId: organisation!.id, userId: memberId });
  return organisation!.id;
}

export async function schoolExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: schools.id }).from(schools).where(eq(schools.id, id));
  return row !== undefined;
}

export async function addSchoolMember(
  db: Db,
  member: { schoolId: string; userId: string; role: 'teacher' | 'school_admin'; status?: 'pending' | 'approved' },
): Promise<void> {
  await db.insert(schoolMembers).values({ ...member, status: member.status ?? 'pending' });
}

/** The organisations and school memberships of a user, named, for `GET /api/me`. */
export async function userAffiliations(db: Db, userId: string) {
  const orgs = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, userId))
    .orderBy(organisations.name);
  const memberships = await db
    .select({
      id: schools.id,
      name: schools.name,
      role: sql<'teacher' | 'school_admin'>`${schoolMembers.role}`,
      status: sql<'pending' | 'approved' | 'rejected'>`${schoolMembers.status}`,
    })
    .from(schoolMembers)
    .innerJoin(schools, eq(schools.id, schoolMembers.schoolId))
    .where(eq(schoolMembers.userId, userId))
    .orderBy(schools.name);
  return { organisations: orgs, schools: memberships };
}
