/**
 * Test data made straight in the database, with sensible defaults and overrides: `buildVenue(db, {...})`.
 * Each factory makes what it needs and is missing (a slot without a venue gets one). Names carry a random
 * tag, so factories can run many times against the shared PostgreSQL test database.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Db } from '../../db/client.ts';
import {
  bookings,
  designations,
  programmes,
  schoolClaims,
  schoolMembers,
  schools,
  slots,
  venueClaims,
  waitlistEntries,
  venuePhotos,
  venues,
} from '../../db/schema/index.ts';
import { pointValue } from '../../db/queries/venues.ts';
import { withPinyin } from '../../db/queries/venue-pinyin.ts';
import type { Actor } from '../../server/commands/actor.ts';
import type { CurrentUser } from '../../server/auth/access.ts';
import { localDayOf, localMidnight } from '../../domain/hours/local-time.ts';
import { createActor, type TestActor } from './accounts.ts';

/** Points in Dongcheng (110101) and Xicheng (110102), Beijing. */
export const DONGCHENG = { adcode: '110101', lng: 116.4166, lat: 39.9288 };
export const XICHENG = { adcode: '110102', lng: 116.366, lat: 39.912 };

const tag = () => randomUUID().slice(0, 8);

export type VenueOverrides = Partial<typeof venues.$inferInsert> & {
  /** Where it stands: its district and point (an `adcode` override wins over the place's). */
  place?: { adcode: string; lng: number; lat: number };
  /** A venue manager whose organisation manages the venue and who created it. */
  managedBy?: TestActor;
};

/** A venue; by default a published, unverified museum in Dongcheng from source `test`, managed by no one. */
/**
 * A moment `ms` ago, but not before today's midnight in Shanghai: a slot that started "a little while
 * ago" stays today's slot (what the door checks) when a test runs just after midnight there.
 */
export function startedAgo(ms: number, now = Date.now()): Date {
  return new Date(Math.max(now - ms, localMidnight(localDayOf(now))));
}

export async function buildVenue(db: Db, overrides: VenueOverrides = {}): Promise<{ id: string; name: string }> {
  const { place = DONGCHENG, managedBy, ...values } = overrides;
  const [row] = await db
    .insert(venues)
    .values(
      withPinyin({
        nameZh: `测试馆${tag()}`,
        kinds: ['museum'],
        adcode: place.adcode,
        location: pointValue(place.lng, place.lat) as unknown as string,
        source: 'test',
        sourceRef: randomUUID(),
        ...(managedBy ? { organisationId: managedBy.organisationId ?? null, createdBy: managedBy.user.id } : {}),
        ...values,
      }),
    )
    .returning({ id: venues.id, name: venues.nameZh });
  return row!;
}

/** A venue a manager's organisation created and submitted for review: draft and pending. */
export function buildPendingVenue(db: Db, manager: TestActor, overrides: VenueOverrides = {}) {
  return buildVenue(db, { status: 'draft', verificationStatus: 'pending', managedBy: manager, ...overrides });
}

/** A pending claim of a venue by a venue manager for their organisation. */
export async function buildClaim(db: Db, venueId: string, claimant: TestActor, evidence = '馆长任命书 2024-17 号') {
  const [row] = await db
    .insert(venueClaims)
    .values({ venueId, userId: claimant.user.id, organisationId: claimant.organisationId!, evidence })
    .returning({ id: venueClaims.id });
  return row!.id;
}

/** A published programme of a venue (a new venue when none is given). */
export async function buildProgramme(
  db: Db,
  overrides: Partial<typeof programmes.$inferInsert> = {},
): Promise<{ id: string; venueId: string }> {
  const venueId = overrides.venueId ?? (await buildVenue(db)).id;
  const [row] = await db
    .insert(programmes)
    .values({ titleZh: `测试活动${tag()}`, ...overrides, venueId })
    .returning({ id: programmes.id, venueId: programmes.venueId });
  return row!;
}

/** A scheduled slot a week ahead, 09:00–11:00 Beijing time, of a venue (a new one when none is given). */
export async function buildSlot(
  db: Db,
  overrides: Partial<typeof slots.$inferInsert> = {},
): Promise<{ id: string; venueId: string }> {
  const venueId = overrides.venueId ?? (await buildVenue(db)).id;
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const [row] = await db
    .insert(slots)
    .values({
      startsAt: new Date(`${day}T01:00:00Z`),
      endsAt: new Date(`${day}T03:00:00Z`),
      capacity: 40,
      ...overrides,
      venueId,
    })
    .returning({ id: slots.id, venueId: slots.venueId });
  return row!;
}

/** An official title of a venue (a new venue when none is given), held until revoked. */
export async function buildDesignation(
  db: Db,
  overrides: Partial<typeof designations.$inferInsert> = {},
): Promise<{ id: string; venueId: string }> {
  const venueId = overrides.venueId ?? (await buildVenue(db)).id;
  const [row] = await db
    .insert(designations)
    .values({ title: `测试称号${tag()}`, level: 'city', ...overrides, venueId })
    .returning({ id: designations.id, venueId: designations.venueId });
  return row!;
}

/** A teacher who signed up for a school (a new one when none is given) and waits for its admin to confirm them. */
export async function buildPendingTeacher(database: Database, schoolId?: string): Promise<TestActor> {
  const school = schoolId ?? (await buildSchool(database.db)).id;
  const teacher = await createActor(database, { role: 'teacher' });
  await buildSchoolMember(database.db, school, teacher);
  return teacher;
}

/** The actor a command sees for a test user. */
export function actorOf(actor: TestActor | { user: CurrentUser }, ip = '127.0.0.1'): Actor & { user: CurrentUser } {
  return { user: { csrfToken: 'test', ...actor.user }, ip };
}

// Schools and accounts

/** A school in Dongcheng. */
export async function buildSchool(
  db: Db,
  overrides: Partial<typeof schools.$inferInsert> = {},
): Promise<{ id: string; name: string; adcode: string | null }> {
  const [row] = await db
    .insert(schools)
    .values({ name: `测试学校${tag()}`, adcode: DONGCHENG.adcode, ...overrides })
    .returning({ id: schools.id, name: schools.name, adcode: schools.adcode });
  return row!;
}

/** A school the bureau verified, placed in Dongcheng: its confirmed teachers use the green channel. */
export function buildVerifiedSchool(db: Db, overrides: Partial<typeof schools.$inferInsert> = {}) {
  return buildSchool(db, {
    verificationStatus: 'verified',
    location: pointValue(DONGCHENG.lng, DONGCHENG.lat) as unknown as string,
    verifiedAt: new Date(),
    ...overrides,
  });
}

/** A school placed at a point (Dongcheng's by default), pending the bureau's verification unless overridden. */
export async function buildPlacedSchool(
  db: Db,
  overrides: Partial<typeof schools.$inferInsert> & { place?: { adcode: string; lng: number; lat: number } } = {},
): Promise<{ id: string; name: string; adcode: string | null }> {
  const { place = DONGCHENG, ...values } = overrides;
  return buildSchool(db, {
    adcode: place.adcode,
    location: pointValue(place.lng, place.lat) as unknown as string,
    ...values,
  });
}

/** A pending claim of a school by a school admin. */
export async function buildSchoolClaim(
  db: Db,
  schoolId: string,
  claimant: TestActor,
  evidence = '校长任命书 2025-3 号',
) {
  const [row] = await db
    .insert(schoolClaims)
    .values({ schoolId, userId: claimant.user.id, evidence })
    .returning({ id: schoolClaims.id });
  return row!.id;
}

/** A membership of a school: a teacher waiting for its admin by default. */
export async function buildSchoolMember(
  db: Db,
  schoolId: string,
  member: TestActor,
  overrides: Partial<typeof schoolMembers.$inferInsert> = {},
): Promise<void> {
  await db
    .insert(schoolMembers)
    .values({ role: 'teacher', status: 'pending', ...overrides, schoolId, userId: member.user.id });
}

// Venues, slots and programmes

/**
 * A confirmed family booking of 2 places in a slot, booked by `userId`. The school/public split follows
 * the kind unless given (a group takes school places), and a pending or held one gets a deadline a day on.
 */
export async function buildBooking(
  db: Db,
  slotId: string,
  userId: string,
  overrides: Partial<typeof bookings.$inferInsert> = {},
): Promise<{ id: string; code: string }> {
  const kind = overrides.kind ?? 'family';
  const places = overrides.places ?? 2;
  const adults = overrides.adults ?? 1;
  const waiting = overrides.status === 'pending' || overrides.status === 'held';
  const [row] = await db
    .insert(bookings)
    .values({
      slotId,
      userId,
      kind,
      status: 'confirmed',
      places,
      adults,
      schoolPlaces: kind === 'group' ? (overrides.schoolPlaces ?? places - (overrides.publicPlaces ?? 0)) : 0,
      publicPlaces: kind === 'group' ? (overrides.publicPlaces ?? places - (overrides.schoolPlaces ?? places)) : places,
      pupils: kind === 'group' ? places - adults : 0,
      expiresAt: waiting ? new Date(Date.now() + 86_400_000) : null,
      code: `T${tag().toUpperCase()}`,
      ...overrides,
    })
    .returning({ id: bookings.id, code: bookings.code });
  return row!;
}

/** A photo row of a venue (no file is stored: for counts and deletions). */
export async function buildPhoto(db: Db, venueId: string): Promise<{ id: string; storageKey: string }> {
  const id = randomUUID();
  const [row] = await db
    .insert(venuePhotos)
    .values({
      id,
      venueId,
      storageKey: `photos/${venueId}/${id}.png`,
      contentType: 'image/png',
      bytes: 68,
      width: 1,
      height: 1,
    })
    .returning({ id: venuePhotos.id, storageKey: venuePhotos.storageKey });
  return row!;
}

/**
 * A waitlist entry of `userId` for a slot: a family of `places` (one adult, the rest children 6–12)
 * waiting, unless overrides say otherwise (an `offered` one needs its held booking as `offerBookingId`).
 */
export async function buildWaitlistEntry(
  db: Db,
  slotId: string,
  userId: string,
  overrides: Partial<typeof waitlistEntries.$inferInsert> = {},
): Promise<{ id: string }> {
  const places = overrides.places ?? 2;
  const [row] = await db
    .insert(waitlistEntries)
    .values({
      slotId,
      userId,
      kind: 'family',
      places,
      party: { adults: 1, children_by_band: { '6-12': places - 1 } },
      ...overrides,
    })
    .returning({ id: waitlistEntries.id });
  return row!;
}
