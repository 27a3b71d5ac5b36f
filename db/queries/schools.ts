/**
 * Schools: their records (registered, claimed, imported; pending, verified or rejected by the bureau of
 * their district), claims of them, and their members (teachers and school admins).
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { LngLat } from '../../domain/geo.ts';
import type {
  ClaimStatus,
  MembershipStatus,
  SchoolKind,
  SchoolRole,
  SchoolVerificationStatus,
} from '../../domain/vocab.ts';
import type { Db } from '../client.ts';
import { districts, schoolClaims, schoolMembers, schools, users } from '../schema/index.ts';

const nullableNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Every column of a school's record, its point as lng/lat and its district's name. */
const recordColumns = {
  id: schools.id,
  name: schools.name,
  nameEn: schools.nameEn,
  kind: sql<SchoolKind | null>`${schools.kind}`,
  grades: schools.grades,
  adcode: schools.adcode,
  districtName: districts.name,
  lng: sql<number | null>`ST_X(${schools.location})`.mapWith(nullableNumber),
  lat: sql<number | null>`ST_Y(${schools.location})`.mapWith(nullableNumber),
  sourceCrs: schools.sourceCrs,
  addressZh: schools.addressZh,
  addressEn: schools.addressEn,
  pupilCount: schools.pupilCount,
  contactName: schools.contactName,
  contactPhone: schools.contactPhone,
  contactEmail: schools.contactEmail,
  verificationStatus: sql<SchoolVerificationStatus>`${schools.verificationStatus}`,
  reviewNote: schools.reviewNote,
  verifiedAt: schools.verifiedAt,
  verifiedBy: schools.verifiedBy,
  createdBy: schools.createdBy,
  source: schools.source,
  createdAt: schools.createdAt,
  updatedAt: schools.updatedAt,
};

function selectRecords(db: Db) {
  return db.select(recordColumns).from(schools).leftJoin(districts, eq(districts.code, schools.adcode));
}

/** A school's whole record (the presenter leaves out what the public may not see). */
export type SchoolRecord = Awaited<ReturnType<typeof selectRecords>>[number];

/** Pending and verified schools (never rejected ones) a sign-up picker may offer. */
const listable = inArray(schools.verificationStatus, ['pending', 'verified']);

/**
 * The sign-up picker's search: pending and verified schools whose Chinese or English name contains `q`
 * (any case); nearest first around `near`, else by name.
 */
export async function findSchools(
  db: Db,
  search: { q?: string | undefined; near?: LngLat | undefined; limit: number },
): Promise<SchoolRecord[]> {
  const q = search.q?.trim().toLowerCase();
  const conditions: SQL[] = [listable];
  if (q) {
    conditions.push(
      sql`(strpos(lower(${schools.name}), ${q}) > 0 OR strpos(lower(coalesce(${schools.nameEn}, '')), ${q}) > 0)`,
    );
  }
  const near = search.near;
  const order = near
    ? [
        sql`${schools.location} IS NULL`,
        sql`${schools.location}::geography <-> ST_SetSRID(ST_MakePoint(${near.lng}, ${near.lat}), 4326)::geography`,
        asc(schools.id),
      ]
    : [asc(schools.name), asc(schools.id)];
  return selectRecords(db)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(search.limit);
}

/** One school's record, or undefined. */
export async function getSchoolRecord(db: Db, id: string): Promise<SchoolRecord | undefined> {
  const [row] = await selectRecords(db).where(eq(schools.id, id));
  return row;
}

/** Locks a school's row for a change or decision that follows in the same transaction; its record. */
export async function lockSchool(db: Db, id: string): Promise<SchoolRecord | undefined> {
  const [locked] = await db.select({ id: schools.id }).from(schools).where(eq(schools.id, id)).for('update');
  return locked ? getSchoolRecord(db, id) : undefined;
}

/** The WGS-84 point value of a school's location column. */
export const schoolPoint = (point: LngLat) => sql`ST_SetSRID(ST_MakePoint(${point.lng}, ${point.lat}), 4326)`;

/** Columns a school's admin may write (point excepted: see schoolPoint). */
export type SchoolValues = Partial<
  Pick<
    typeof schools.$inferInsert,
    | 'name'
    | 'nameEn'
    | 'kind'
    | 'grades'
    | 'adcode'
    | 'sourceCrs'
    | 'addressZh'
    | 'addressEn'
    | 'pupilCount'
    | 'contactName'
    | 'contactPhone'
    | 'contactEmail'
    | 'verificationStatus'
    | 'reviewNote'
    | 'verifiedAt'
    | 'verifiedBy'
  >
> & { location?: LngLat };

function columnValues(values: SchoolValues) {
  const { location, ...rest } = values;
  return location ? { ...rest, location: schoolPoint(location) as unknown as string } : rest;
}

/** Inserts a school; its id. */
export async function insertSchool(
  db: Db,
  values: SchoolValues & { name: string; createdBy: string | null; source?: string },
): Promise<string> {
  const [row] = await db
    .insert(schools)
    .values({ ...columnValues(values), name: values.name })
    .returning({ id: schools.id });
  return row!.id;
}

/** Changes a school's columns and its updated_at. */
export async function setSchoolFields(db: Db, id: string, values: SchoolValues): Promise<void> {
  await db
    .update(schools)
    .set({ ...columnValues(values), updatedAt: sql`now()` })
    .where(eq(schools.id, id));
}

/**
 * Whether `adcode` agrees with the district the shipped boundaries place `point` in: the smallest
 * bounded division covering the point is the adcode itself or its prefecture or province. False when
 * no boundary covers the point.
 */
export async function adcodeAgreesWithPoint(db: Db, adcode: string, covering: string | null): Promise<boolean> {
  if (!covering) return false;
  const [row] = await db
    .select({ code: districts.code, city: districts.cityCode, province: districts.provinceCode })
    .from(districts)
    .where(eq(districts.code, adcode));
  return row !== undefined && [row.code, row.city, row.province].includes(covering);
}

/** Pending schools in a bureau's region (adcode prefix; '' for every region), oldest first. */
export async function pendingSchools(db: Db, regionPrefix: string): Promise<SchoolRecord[]> {
  return selectRecords(db)
    .where(
      and(eq(schools.verificationStatus, 'pending'), sql`coalesce(${schools.adcode}, '') LIKE ${regionPrefix + '%'}`),
    )
    .orderBy(asc(schools.createdAt), asc(schools.id));
}

/** The schools a user is an approved school admin of, by name. */
export async function schoolsAdministeredBy(db: Db, userId: string): Promise<SchoolRecord[]> {
  return selectRecords(db)
    .innerJoin(schoolMembers, eq(schoolMembers.schoolId, schools.id))
    .where(
      and(
        eq(schoolMembers.userId, userId),
        eq(schoolMembers.role, 'school_admin'),
        eq(schoolMembers.status, 'approved'),
      ),
    )
    .orderBy(asc(schools.name), asc(schools.id));
}

/** The approved school admins of a school, who hear the bureau's decisions on it. */
export async function schoolAdmins(db: Db, schoolId: string): Promise<{ email: string; displayName: string }[]> {
  return db
    .select({ email: users.email, displayName: users.displayName })
    .from(schoolMembers)
    .innerJoin(users, eq(users.id, schoolMembers.userId))
    .where(
      and(
        eq(schoolMembers.schoolId, schoolId),
        eq(schoolMembers.role, 'school_admin'),
        eq(schoolMembers.status, 'approved'),
      ),
    )
    .orderBy(asc(users.email));
}

/**
 * The green channel's test (the booking core asks it): true only when the user is an approved teacher
 * or school admin of the school and the school is verified by its bureau.
 */
export async function greenChannelSchoolOf(db: Db, userId: string, schoolId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: schools.id })
    .from(schoolMembers)
    .innerJoin(schools, eq(schools.id, schoolMembers.schoolId))
    .where(
      and(
        eq(schoolMembers.schoolId, schoolId),
        eq(schoolMembers.userId, userId),
        eq(schoolMembers.status, 'approved'),
        inArray(schoolMembers.role, ['teacher', 'school_admin']),
        eq(schools.verificationStatus, 'verified'),
      ),
    );
  return row !== undefined;
}

/** Makes a user an approved member of a school, whatever membership they had (a claim's approval). */
export async function approveSchoolMember(
  db: Db,
  member: { schoolId: string; userId: string; role: SchoolRole; decidedBy: string },
): Promise<void> {
  const values = { role: member.role, status: 'approved', decidedBy: member.decidedBy, decidedAt: sql`now()` };
  await db
    .insert(schoolMembers)
    .values({ schoolId: member.schoolId, userId: member.userId, ...values })
    .onConflictDoUpdate({ target: [schoolMembers.schoolId, schoolMembers.userId], set: values });
}

// Claims of schools

const claimColumns = {
  id: schoolClaims.id,
  schoolId: schoolClaims.schoolId,
  userId: schoolClaims.userId,
  evidence: schoolClaims.evidence,
  status: sql<ClaimStatus>`${schoolClaims.status}`,
  reason: schoolClaims.reason,
  decidedBy: schoolClaims.decidedBy,
  decidedAt: schoolClaims.decidedAt,
  createdAt: schoolClaims.createdAt,
};
export type SchoolClaimRow = Awaited<ReturnType<typeof findSchoolClaim>> & {};

/** Inserts a pending claim; undefined when the claimant already has one pending for the school. */
export async function insertSchoolClaim(db: Db, claim: { schoolId: string; userId: string; evidence: string }) {
  const [row] = await db
    .insert(schoolClaims)
    .values(claim)
    .onConflictDoNothing({
      target: [schoolClaims.schoolId, schoolClaims.userId],
      where: sql`status = 'pending'`,
    })
    .returning(claimColumns);
  return row;
}

export async function findSchoolClaim(db: Db, id: string) {
  const [row] = await db.select(claimColumns).from(schoolClaims).where(eq(schoolClaims.id, id));
  return row;
}

/** A claim, locked for the decision that follows. */
export async function lockSchoolClaim(db: Db, id: string) {
  const [row] = await db.select(claimColumns).from(schoolClaims).where(eq(schoolClaims.id, id)).for('update');
  return row;
}

export async function setSchoolClaimDecision(
  db: Db,
  id: string,
  decision: { status: Exclude<ClaimStatus, 'pending'>; reason: string | null; decidedBy: string },
) {
  const [row] = await db
    .update(schoolClaims)
    .set({ ...decision, decidedAt: sql`now()` })
    .where(eq(schoolClaims.id, id))
    .returning(claimColumns);
  return row!;
}

/** A user's claims of schools, newest first, with the school's name (the school admin's console). */
export async function schoolClaimsOf(db: Db, userId: string) {
  return db
    .select({ ...claimColumns, schoolName: schools.name })
    .from(schoolClaims)
    .innerJoin(schools, eq(schools.id, schoolClaims.schoolId))
    .where(eq(schoolClaims.userId, userId))
    .orderBy(sql`${schoolClaims.createdAt} DESC`, asc(schoolClaims.id));
}

/** Pending claims of schools in a bureau's region, oldest first, with the claimant. */
export async function pendingSchoolClaims(db: Db, regionPrefix: string) {
  return db
    .select({
      ...claimColumns,
      claimantName: users.displayName,
      claimantEmail: users.email,
    })
    .from(schoolClaims)
    .innerJoin(schools, eq(schools.id, schoolClaims.schoolId))
    .innerJoin(users, eq(users.id, schoolClaims.userId))
    .where(and(eq(schoolClaims.status, 'pending'), sql`coalesce(${schools.adcode}, '') LIKE ${regionPrefix + '%'}`))
    .orderBy(asc(schoolClaims.createdAt), asc(schoolClaims.id));
}

/** The schools of many ids (the queue's claims show each school's record). */
export async function schoolRecordsByIds(db: Db, ids: string[]): Promise<Map<string, SchoolRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await selectRecords(db).where(inArray(schools.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** A school's verification status, or undefined when there is no such school (a teacher's sign-up). */
export async function schoolStatus(db: Db, id: string): Promise<SchoolVerificationStatus | undefined> {
  const [row] = await db
    .select({ status: sql<SchoolVerificationStatus>`${schools.verificationStatus}` })
    .from(schools)
    .where(eq(schools.id, id));
  return row?.status;
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
export async function addSchoolMember(
  db: Db,
  member: { schoolId: string; userId: string; role: SchoolRole; status?: MembershipStatus },
): Promise<void> {
  await db.insert(schoolMembers).values({ ...member, status: member.status ?? 'pending' });
}
