import { inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.ts';
import { findVenues, type VenueSearch, type VenueSearchRow } from '../../db/queries/venue-search.ts';
import { venues } from '../../db/schema/index.ts';
import { rollback, testEngines, withTestDb } from '../support/engines.ts';
import { seededRandom } from '../support/random.ts';

/**
 * `findVenues` with sort=distance lets the geography index order (distance alone, WITH TIES, then the
 * exact order outside). These tests hold it to the plain `ORDER BY distance, id LIMIT n` it replaced,
 * field for field, with many venues sharing a point (ties at the page boundary), on both engines.
 */

const CENTRES = [
  { lng: 116.3975, lat: 39.9087 },
  { lng: 121.4737, lat: 31.2304 },
  { lng: 108.9398, lat: 34.3416 },
];

/**
 * The reference, `ORDER BY distance, id LIMIT n` after the cursor, worked out here: every venue the
 * filters keep, read through findVenues' general path (the one other sorts take), ordered by distance
 * and then id (uuids order as their hex text does) and cut after the cursor.
 */
async function reference(db: Db, search: VenueSearch): Promise<VenueSearchRow[]> {
  const kept = await findVenues(db, { ...search, sort: 'name', after: undefined, limit: 100_000 });
  const after = search.after && { distance: Number(search.after.key[0]), id: search.after.id };
  return kept
    .map((row) => ({ ...row, sortKey: [row.distanceM!] }))
    .sort((a, b) => a.distanceM! - b.distanceM! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter(
      (row) => !after || row.distanceM! > after.distance || (row.distanceM === after.distance && row.id > after.id),
    )
    .slice(0, search.limit);
}

describe.each(testEngines())('nearest-first on %s', (engine) => {
  let database: Database;

  withTestDb(engine, (opened) => (database = opened));

  it('pages equal ORDER BY distance, id LIMIT n, byte for byte, with ties at the page boundaries', async () => {
    const random = seededRandom(20261128);
    const compared = await rollback(database, async (tx) => {
      // A third of the venues near each centre move onto one of three shared points: many exact ties.
      for (const centre of CENTRES) {
        const near = await tx
          .select({ id: venues.id })
          .from(venues)
          .where(
            sql`ST_DWithin(${venues.location}::geography, ST_MakePoint(${centre.lng}, ${centre.lat})::geography, 30000)`,
          );
        const moved = near.filter((_, i) => i % 3 === 0).map((v) => v.id);
        for (const [k, ids] of [0, 1, 2].map((k) => [k, moved.filter((_, i) => i % 3 === k)] as const)) {
          if (ids.length === 0) continue;
          await tx
            .update(venues)
            .set({ location: sql`ST_SetSRID(ST_MakePoint(${centre.lng + 0.01 * k}, ${centre.lat}), 4326)` })
            .where(inArray(venues.id, ids));
        }
      }
      let pages = 0;
      for (let round = 0; round < 40; round++) {
        const centre = CENTRES[round % CENTRES.length]!;
        const search: VenueSearch = {
          near: { lng: centre.lng + (random() - 0.5) * 0.02, lat: centre.lat + (random() - 0.5) * 0.02 },
          radiusM: random() < 0.2 ? undefined : 500 + Math.floor(random() * 30000),
          kinds: random() < 0.3 ? ['museum'] : undefined,
          free: random() < 0.3 ? true : undefined,
          sort: 'distance',
          limit: 1 + Math.floor(random() * 12),
        };
        // Walk up to five pages by keyset, each compared with the reference from the same cursor.
        for (let page = 0; page < 5; page++) {
          const got = await findVenues(tx, search);
          const want = await reference(tx, search);
          expect(JSON.stringify(got)).toBe(JSON.stringify(want));
          pages++;
          const last = got.at(-1);
          if (!last || got.length < search.limit) break;
          search.after = { key: last.sortKey, id: last.id };
        }
      }
      return pages;
    });
    expect(compared).toBeGreaterThan(100);
  });
});
