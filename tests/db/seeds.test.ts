import { count, eq, isNotNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { designations, districts, holidayDays, venues } from '../../db/schema/index.ts';
import { loadSeeds } from '../../seeds/load.ts';
import { testEngines, withTestDb } from '../support/engines.ts';

async function counts(database: Database) {
  const n = async (table: typeof venues | typeof districts | typeof holidayDays | typeof designations) =>
    (await database.db.select({ n: count() }).from(table))[0]!.n;
  return {
    venues: await n(venues),
    districts: await n(districts),
    holidays: await n(holidayDays),
    designations: await n(designations),
    boundaries: (await database.db.select({ n: count() }).from(districts).where(isNotNull(districts.boundary)))[0]!.n,
  };
}

describe('seed loading on pglite from an empty database', () => {
  let database: Database;
  withTestDb('pglite', (opened) => (database = opened), 'empty');

  it('loads the real data once, and a second load changes nothing', async () => {
    expect((await counts(database)).venues).toBe(0);
    const summary = await loadSeeds(database.db);
    expect(summary).toMatchObject({ venues: 225, districts: 3656, holidays: 72 });
    const first = await counts(database);
    expect(first).toMatchObject({ venues: 225, districts: 3656, holidays: 72, designations: 46 });
    expect(first.boundaries).toBeGreaterThan(400);
    await loadSeeds(database.db);
    expect(await counts(database)).toEqual(first);
  });
});

describe.each(testEngines())('seeded data on %s', (engine) => {
  let database: Database;
  withTestDb(engine, (opened) => (database = opened));

  it('holds every curated venue in its listed district, inside China', async () => {
    const c = await counts(database);
    expect(c).toMatchObject({ venues: 225, districts: 3656, holidays: 72, designations: 46 });
    const [row] = await database.db
      .select({ n: count() })
      .from(venues)
      .where(
        sql`${venues.adcode} IS NULL OR NOT ST_Intersects(${venues.location}, ST_MakeEnvelope(73, 18, 135, 54, 4326))`,
      );
    expect(row!.n).toBe(0);
  });

  it('places Beijing venues inside the Beijing province boundary', async () => {
    const [row] = await database.db
      .select({ outside: count() })
      .from(venues)
      .innerJoin(districts, eq(districts.code, sql`'110000'`))
      .where(sql`${venues.adcode} LIKE '11%' AND NOT ST_Intersects(${districts.boundary}, ${venues.location})`);
    expect(row!.outside).toBe(0);
  });

  it('keeps the provenance of each curated venue', async () => {
    const [museum] = await database.db.select().from(venues).where(eq(venues.sourceRef, 'bj-001'));
    expect(museum).toMatchObject({
      nameZh: '中国国家博物馆',
      source: 'kaimen-curated',
      adcode: '110101',
      minorsAdmission: 'free',
    });
  });
});
