import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { districts, organisations, venuePhotos, venues } from '../schema/index.ts';

/** What authorisation needs to know about a venue, whatever its status. */
export interface VenueOwnership {
  id: string;
  nameZh: string;
  adcode: string | null;
  organisationId: string | null;
  status: string;
  verificationStatus: string;
}

export async function venueOwnership(db: Db, id: string): Promise<VenueOwnership | undefined> {
  const [row] = await db
    .select({
      id: venues.id,
      nameZh: venues.nameZh,
      adcode: venues.adcode,
      organisationId: venues.organisationId,
      status: venues.status,
      verificationStatus: venues.verificationStatus,
    })
    .from(venues)
    .where(eq(venues.id, id));
  return row;
}

/** The columns a manager edits, by their API names. */
export const EDITABLE_COLUMNS = {
  name_zh: 'nameZh',
  name_en: 'nameEn',
  kinds: 'kinds',
  themes: 'themes',
  address_zh: 'addressZh',
  address_en: 'addressEn',
  adcode: 'adcode',
  opening_hours: 'openingHours',
  minors_admission: 'minorsAdmission',
  admission_rule: 'admissionRule',
  booking_mode: 'bookingMode',
  wheelchair: 'wheelchair',
  hearing: 'hearing',
  visual: 'visual',
  cognitive: 'cognitive',
  phone: 'phone',
  website: 'website',
  email: 'email',
  age_min: 'ageMin',
  age_max: 'ageMax',
  grade_min: 'gradeMin',
  grade_max: 'gradeMax',
  group_min: 'groupMin',
  group_max: 'groupMax',
  group_lead_days: 'groupLeadDays',
  green_channel: 'greenChannel',
} as const satisfies Record<string, keyof typeof venues.$inferInsert>;
export type EditableField = keyof typeof EDITABLE_COLUMNS;
export type VenueValues = Partial<typeof venues.$inferInsert>;

/** The point as a geometry value for `venues.location`. */
export const pointValue = (lng: number, lat: number) => sql`ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)`;

export async function insertVenue(db: Db, values: typeof venues.$inferInsert): Promise<string> {
  const [row] = await db.insert(venues).values(values).returning({ id: venues.id });
  return row!.id;
}

export async function updateVenue(db: Db, id: string, values: VenueValues): Promise<void> {
  await db
    .update(venues)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(venues.id, id));
}

export async function districtExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: districts.code }).from(districts).where(eq(districts.code, code));
  return row !== undefined;
}

/** A venue's full record for its managers and reviewers, whatever its status. */
export async function venueRecord(db: Db, id: string) {
  const [row] = await db
    .select({
      venue: venues,
      lng: sql<number>`ST_X(${venues.location})`.mapWith(Number),
      lat: sql<number>`ST_Y(${venues.location})`.mapWith(Number),
      organisationName: organisations.name,
      districtName: districts.name,
    })
    .from(venues)
    .leftJoin(organisations, eq(organisations.id, venues.organisationId))
    .leftJoin(districts, eq(districts.code, venues.adcode))
    .where(eq(venues.id, id));
  if (!row) return undefined;
  const photos = await db.select().from(venuePhotos).where(eq(venuePhotos.venueId, id)).orderBy(venuePhotos.createdAt);
  return { ...row, photos };
}
export type VenueRecordRow = NonNullable<Awaited<ReturnType<typeof venueRecord>>>;

/** The venues of some organisations, newest first, with their review state. */
export async function organisationVenues(db: Db, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      id: venues.id,
      nameZh: venues.nameZh,
      adcode: venues.adcode,
      status: venues.status,
      verificationStatus: venues.verificationStatus,
      reviewNote: venues.reviewNote,
      updatedAt: venues.updatedAt,
    })
    .from(venues)
    .where(inArray(venues.organisationId, organisationIds))
    .orderBy(desc(venues.updatedAt), venues.id);
}

/** Venues waiting for review in a region (an adcode prefix; '' for everywhere). */
export async function pendingVenues(db: Db, regionPrefix: string) {
  return db
    .select({
      id: venues.id,
      nameZh: venues.nameZh,
      adcode: venues.adcode,
      districtName: districts.name,
      addressZh: venues.addressZh,
      kinds: venues.kinds,
      organisationName: organisations.name,
      createdAt: venues.createdAt,
      lng: sql<number>`ST_X(${venues.location})`.mapWith(Number),
      lat: sql<number>`ST_Y(${venues.location})`.mapWith(Number),
    })
    .from(venues)
    .leftJoin(organisations, eq(organisations.id, venues.organisationId))
    .leftJoin(districts, eq(districts.code, venues.adcode))
    .where(
      and(eq(venues.verificationStatus, 'pending'), sql`coalesce(${venues.adcode}, '') LIKE ${regionPrefix + '%'}`),
    )
    .orderBy(venues.createdAt, venues.id);
}
