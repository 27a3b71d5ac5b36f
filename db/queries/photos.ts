/**
 * Venue photos: the rows that say where each file is stored (services/storage.ts holds the bytes) and
 * what its own bytes say it is.
 */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { venuePhotos, venues } from '../schema/index.ts';

export type VenuePhotoRow = typeof venuePhotos.$inferSelect;
export type NewVenuePhoto = typeof venuePhotos.$inferInsert;

/** A venue's photos, oldest first. */
export async function listVenuePhotos(db: Db, venueId: string): Promise<VenuePhotoRow[]> {
  return db.select().from(venuePhotos).where(eq(venuePhotos.venueId, venueId)).orderBy(asc(venuePhotos.createdAt));
}

/**
 * Locks the venue's row (FOR UPDATE) so that photo counts and inserts for one venue are serialised:
 * concurrent uploads then cannot all see room for one more. The session setting `kaimen.photo_lock=off`
 * (db/client.ts `photoLock: false`, a test-only switch refused in production) skips the lock for the race
 * test's positive control.
 */
export async function lockVenueForPhotos(db: Db, venueId: string): Promise<void> {
  await db
    .select({ id: venues.id })
    .from(venues)
    .where(and(eq(venues.id, venueId), sql`coalesce(current_setting('kaimen.photo_lock', true), '') <> 'off'`))
    .for('update');
}

export async function countVenuePhotos(db: Db, venueId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(venuePhotos).where(eq(venuePhotos.venueId, venueId));
  return row?.n ?? 0;
}

export async function insertVenuePhoto(db: Db, values: NewVenuePhoto): Promise<VenuePhotoRow> {
  const [row] = await db.insert(venuePhotos).values(values).returning();
  return row!;
}

/** Deletes a photo of this venue and answers its row; undefined when the venue has no such photo. */
export async function deleteVenuePhoto(
  db: Db,
  { venueId, photoId }: { venueId: string; photoId: string },
): Promise<VenuePhotoRow | undefined> {
  const [row] = await db
    .delete(venuePhotos)
    .where(and(eq(venuePhotos.id, photoId), eq(venuePhotos.venueId, venueId)))
    .returning();
  return row;
}

/** A photo with what deciding who may see it needs: its venue's status, district and organisation. */
export async function photoWithVenue(db: Db, photoId: string) {
  const [row] = await db
    .select({
      photo: venuePhotos,
      status: venues.status,
      adcode: venues.adcode,
      organisationId: venues.organisationId,
    })
    .from(venuePhotos)
    .innerJoin(venues, eq(venues.id, venuePhotos.venueId))
    .where(eq(venuePhotos.id, photoId));
  return row;
}
