/**
 * Venues as their managers and bureaus see them: ownership, the editable record, creation and edits,
 * review state and its decisions, the region's venues whatever their status. The public catalogue's
 * reads (search, detail) are in venue-search.ts. `lockVenueForReview` takes the row FOR UPDATE, so two
 * reviewers deciding at once are serialised and the second sees the first one's decision.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  designations,
  districts,
  organisationMembers,
  organisations,
  programmes,
  users,
  venues,
} from '../schema/index.ts';
import { listVenuePhotos } from './photos.ts';
import { withPinyin } from './venue-pinyin.ts';

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
  const [row] = await db.insert(venues).values(withPinyin(values)).returning({ id: venues.id });
  return row!.id;
}

/** Writes the given columns (absent ones keep their values). */
export async function setVenueFields(db: Db, id: string, values: VenueValues): Promise<void> {
  await db
    .update(venues)
    .set({ ...withPinyin(values), updatedAt: sql`now()` })
    .where(eq(venues.id, id));
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
  return { ...row, photos: await listVenuePhotos(db, id) };
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

/** Venues whose district lies in a region (an adcode prefix; '' for every region, venues without one too). */
const inRegion = (regionPrefix: string) => sql`coalesce(${venues.adcode}, '') LIKE ${regionPrefix + '%'}`;

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
    .where(and(eq(venues.verificationStatus, 'pending'), inRegion(regionPrefix)))
    .orderBy(venues.createdAt, venues.id);
}
/**
 * What the bureau reads and changes when it reviews: venue review states, claims, suspensions. The
 * `lock…` functions take the row with FOR UPDATE, so two reviewers deciding at once are serialised and
 * the second sees the first one's decision.
 */
/** A venue's review state, as audit entries show it before and after a decision. */
export interface VenueReviewState {
  id: string;
  nameZh: string;
  adcode: string | null;
  organisationId: string | null;
  createdBy: string | null;
  status: string;
  verificationStatus: string;
  reviewNote: string | null;
}
export const venueReviewColumns = {
  id: venues.id,
  nameZh: venues.nameZh,
  adcode: venues.adcode,
  organisationId: venues.organisationId,
  createdBy: venues.createdBy,
  status: venues.status,
  verificationStatus: venues.verificationStatus,
  reviewNote: venues.reviewNote,
};
export async function lockVenueForReview(db: Db, id: string): Promise<VenueReviewState | undefined> {
  const [row] = await db.select(venueReviewColumns).from(venues).where(eq(venues.id, id)).for('update');
  return row;
}
/** Sets a venue's review columns and answers its new state. */
export async function setVenueReview(
  db: Db,
  id: string,
  values: { status?: string; verificationStatus?: string; reviewNote?: string | null; organisationId?: string },
): Promise<VenueReviewState> {
  const [row] = await db
    .update(venues)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(venues.id, id))
    .returning(venueReviewColumns);
  return row!;
}
/** Who hears about a venue's review: its organisation's members, or whoever created it. */
export async function venueContacts(
  db: Db,
  venue: { organisationId: string | null; createdBy: string | null },
): Promise<{ email: string; displayName: string }[]> {
  if (venue.organisationId) {
    return db
      .select({ email: users.email, displayName: users.displayName })
      .from(organisationMembers)
      .innerJoin(users, eq(users.id, organisationMembers.userId))
      .where(and(eq(organisationMembers.organisationId, venue.organisationId), sql`${users.disabledAt} IS NULL`))
      .orderBy(users.email);
  }
  if (!venue.createdBy) return [];
  return db
    .select({ email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, venue.createdBy));
}
/**
 * Venues of a region (an adcode prefix; '' for every region) whatever their status, whose name
 * contains `q` when given, drafts and suspended ones included: the bureau's view, not the public one.
 */
export async function regionVenues(
  db: Db,
  { regionPrefix, q, id, limit }: { regionPrefix: string; q?: string | undefined; id?: string; limit: number },
) {
  const conditions = [inRegion(regionPrefix)];
  if (q) conditions.push(sql`strpos(${venues.searchText}, lower(${q})) > 0`);
  if (id) conditions.push(eq(venues.id, id));
  return db
    .select({
      id: venues.id,
      nameZh: venues.nameZh,
      adcode: venues.adcode,
      districtName: districts.name,
      status: venues.status,
      verificationStatus: venues.verificationStatus,
      reviewNote: venues.reviewNote,
      organisationName: organisations.name,
    })
    .from(venues)
    .leftJoin(districts, eq(districts.code, venues.adcode))
    .leftJoin(organisations, eq(organisations.id, venues.organisationId))
    .where(and(...conditions))
    .orderBy(asc(venues.nameZh), asc(venues.id))
    .limit(limit);
}
/** A venue's designations (revoked ones too) and programmes (suspended ones too). */
export async function venueOversight(db: Db, venueId: string) {
  const titles = await db
    .select()
    .from(designations)
    .where(eq(designations.venueId, venueId))
    .orderBy(asc(designations.title));
  const offers = await db
    .select({
      id: programmes.id,
      titleZh: programmes.titleZh,
      status: programmes.status,
      reviewNote: programmes.reviewNote,
    })
    .from(programmes)
    .where(eq(programmes.venueId, venueId))
    .orderBy(asc(programmes.titleZh), asc(programmes.id));
  return { designations: titles, programmes: offers };
}
