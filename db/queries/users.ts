/**
 * Accounts, with their organisations and school memberships.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  MANAGING_STAFF_ROLES,
  type MembershipStatus,
  type Role,
  type SchoolRole,
  type SchoolVerificationStatus,
  type StaffRole,
} from '../../domain/vocab.ts';
import type { Db } from '../client.ts';
import { organisationMembers, organisations, schoolMembers, schools, users } from '../schema/index.ts';

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  regionPrefix: string | null;
  isDemo: boolean;
  disabledAt: Date | null;
}

export const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: sql<Role>`${users.role}`,
  regionPrefix: users.regionPrefix,
  isDemo: users.isDemo,
  disabledAt: users.disabledAt,
};

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  regionPrefix?: string | null;
  isDemo?: boolean;
}

/** Inserts a user; undefined when the email is taken (the unique index decides, so races are safe). */
export async function insertUser(db: Db, user: NewUser): Promise<UserRow | undefined> {
  const [row] = await db
    .insert(users)
    .values({ ...user, regionPrefix: user.regionPrefix ?? null, isDemo: user.isDemo ?? false })
    .onConflictDoNothing({ target: users.email })
    .returning(userColumns);
  return row;
}

/** The user with this (lower-cased) email, with the password hash for verification. */
export async function findUserForLogin(
  db: Db,
  email: string,
): Promise<(UserRow & { passwordHash: string }) | undefined> {
  const [row] = await db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email));
  return row;
}

export async function getUser(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return row;
}

export async function setPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** The organisations a venue manager manages (as their manager or a co-manager; door staff manage none). */
export async function userOrganisationIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(and(eq(organisationMembers.userId, userId), inArray(organisationMembers.role, [...MANAGING_STAFF_ROLES])));
  return rows.map((r) => r.id);
}

export interface Membership {
  schoolId: string;
  role: SchoolRole;
  status: MembershipStatus;
}

export async function userSchoolMemberships(db: Db, userId: string): Promise<Membership[]> {
  return db
    .select({
      schoolId: schoolMembers.schoolId,
      role: sql<SchoolRole>`${schoolMembers.role}`,
      status: sql<MembershipStatus>`${schoolMembers.status}`,
    })
    .from(schoolMembers)
    .where(eq(schoolMembers.userId, userId));
}

/** A user's organisations and school memberships, each with its name. */
export interface UserAffiliations {
  /** With the user's staff role in each. */
  organisations: { id: string; name: string; staffRole: StaffRole }[];
  /** The school's point (WGS-84) lets the web start a teacher's map around it. */
  schools: {
    id: string;
    name: string;
    role: SchoolRole;
    status: MembershipStatus;
    verificationStatus: SchoolVerificationStatus;
    lng: number | null;
    lat: number | null;
  }[];
}

/** The organisations and school memberships of a user, named, by name (`GET /api/me`). */
export async function userAffiliations(db: Db, userId: string): Promise<UserAffiliations> {
  const orgs = await db
    .select({ id: organisations.id, name: organisations.name, staffRole: sql<StaffRole>`${organisationMembers.role}` })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, userId))
    .orderBy(organisations.name);
  const memberships = await db
    .select({
      id: schools.id,
      name: schools.name,
      role: sql<SchoolRole>`${schoolMembers.role}`,
      status: sql<MembershipStatus>`${schoolMembers.status}`,
      verificationStatus: sql<SchoolVerificationStatus>`${schools.verificationStatus}`,
      lng: sql<number | null>`ST_X(${schools.location})`.mapWith((v) => (v === null ? null : Number(v))),
      lat: sql<number | null>`ST_Y(${schools.location})`.mapWith((v) => (v === null ? null : Number(v))),
    })
    .from(schoolMembers)
    .innerJoin(schools, eq(schools.id, schoolMembers.schoolId))
    .where(eq(schoolMembers.userId, userId))
    .orderBy(schools.name);
  return { organisations: orgs, schools: memberships };
}
