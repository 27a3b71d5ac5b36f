import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { designations, districts, organisations, programmes, venues } from '../schema/index.ts';

/**
 * Venues of a region (an adcode prefix; '' for every region) whatever their status, whose name
 * contains `q` when given, drafts and suspended ones included: the bureau's view, not the public one.
 */
export async function regionVenues(
  db: Db,
  { regionPrefix, q, id, limit }: { regionPrefix: string; q?: string | undefined; id?: string; limit: number },
) {
  const conditions = [sql`coalesce(${venues.adcode}, '') LIKE ${regionPrefix + '%'}`];
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
