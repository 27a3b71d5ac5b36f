import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { designations, venues } from '../schema/index.ts';

export type DesignationRow = typeof designations.$inferSelect;

export interface DesignationValues {
  title: string;
  issuer: string | null;
  level: string;
  year: number | null;
}

/** The venue's designation with this title, revoked or not, locked for the change that follows. */
export async function lockDesignationByTitle(db: Db, venueId: string, title: string) {
  const [row] = await db
    .select()
    .from(designations)
    .where(and(eq(designations.venueId, venueId), eq(designations.title, title)))
    .for('update');
  return row;
}

/** Inserts a designation; undefined when the venue already holds the title (the unique index decides). */
export async function insertDesignation(db: Db, venueId: string, values: DesignationValues) {
  const [row] = await db
    .insert(designations)
    .values({ venueId, ...values })
    .onConflictDoNothing({ target: [designations.venueId, designations.title] })
    .returning();
  return row;
}

/** Awards a revoked title again: the same row, with the new details and no longer revoked. */
export async function restoreDesignation(db: Db, id: string, values: DesignationValues) {
  const [row] = await db
    .update(designations)
    .set({ ...values, revokedAt: null })
    .where(eq(designations.id, id))
    .returning();
  return row!;
}

/** A designation with its venue's district, locked for revocation. */
export async function lockDesignation(db: Db, id: string) {
  const [row] = await db
    .select({ designation: designations, adcode: venues.adcode })
    .from(designations)
    .innerJoin(venues, eq(venues.id, designations.venueId))
    .where(eq(designations.id, id))
    .for('update', { of: designations });
  return row;
}

/** Marks a designation revoked now; the row stays, so the venue's record keeps it. */
export async function markDesignationRevoked(db: Db, id: string) {
  const [row] = await db
    .update(designations)
    .set({ revokedAt: sql`now()` })
    .where(eq(designations.id, id))
    .returning();
  return row!;
}
