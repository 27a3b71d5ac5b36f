import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../db/client.ts';
import { districts, slots } from '../../db/schema/index.ts';
import { rollback, testEngines, withTestDb } from '../support/engines.ts';
import { buildSlot, buildVenue, type VenueOverrides } from '../support/factories.ts';

describe.each(testEngines())('schema on %s', (engine) => {
  let database: Database;
  withTestDb(engine, (opened) => (database = opened));

  it('has PostGIS, pg_trgm and the gram function', async () => {
    const rows = await queryRows<{ extname: string }>(
      database.db,
      sql`SELECT extname FROM pg_extension ORDER BY extname`,
    );
    const names = rows.map((r) => r.extname);
    expect(names).toEqual(expect.arrayContaining(['pg_trgm', 'postgis']));
    const [grams] = await queryRows<{ g: string[] }>(database.db, sql`SELECT kaimen_grams('博物馆') AS g`);
    expect([...(grams?.g ?? [])].sort()).toEqual(['博', '博物', '物', '物馆', '馆'].sort());
  });

  it('stores venue points in SRID 4326 with GiST indexes', async () => {
    const [col] = await queryRows<{ srid: number; type: string }>(
      database.db,
      sql`SELECT srid, type FROM geometry_columns WHERE f_table_name = 'venues' AND f_geometry_column = 'location'`,
    );
    expect(col).toEqual({ srid: 4326, type: 'POINT' });
    const indexes = await queryRows<{ indexname: string; indexdef: string }>(
      database.db,
      sql`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'venues'`,
    );
    const gist = indexes.filter((i) => /USING gist/i.test(i.indexdef)).map((i) => i.indexname);
    expect(gist).toEqual(expect.arrayContaining(['venues_location_gist', 'venues_location_geog_gist']));
  });

  /**
   * A venue written and rolled back: it resolves when the database accepts it and rejects when it does
   * not. The values are ones the types may not allow; the database is what must refuse them.
   */
  const tryVenue = (overrides: Record<string, unknown>) =>
    rollback(database, (tx) => buildVenue(tx, overrides as VenueOverrides));

  it('accepts a sane venue', async () => {
    await expect(tryVenue({})).resolves.toMatchObject({ id: expect.any(String) });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a longitude beyond 180', { location: sql`ST_SetSRID(ST_MakePoint(181, 39.9), 4326)` }, 'venues_location_valid'],
    ['a latitude beyond 90', { location: sql`ST_SetSRID(ST_MakePoint(116, 91), 4326)` }, 'venues_location_valid'],
    ['an unknown kind', { kinds: ['zoo'] }, 'venues_kinds_known'],
    ['no kind at all', { kinds: [] }, 'venues_kinds_known'],
    ['an unknown theme', { themes: ['tutoring'] }, 'venues_themes_known'],
    ['an unknown coordinate system', { sourceCrs: 'osgb36' }, 'venues_source_crs_known'],
    ['a blank name', { nameZh: '  ' }, 'venues_name_zh_not_blank'],
    ['a minimum group above the maximum', { groupMin: 50, groupMax: 10 }, 'venues_group_sizes_sane'],
    ['an unknown admission rule', { minorsAdmission: 'sometimes' }, 'venues_minors_admission_known'],
  ])('refuses %s', async (_label, overrides, constraint) => {
    await expect(tryVenue(overrides)).rejects.toThrow();
    await tryVenue(overrides).catch((error: unknown) => {
      const text = `${String(error)} ${JSON.stringify((error as { cause?: unknown }).cause ?? {})}`;
      expect(text).toContain(constraint);
    });
  });

  it('refuses a venue in a district that does not exist', async () => {
    await expect(tryVenue({ adcode: '999999' })).rejects.toThrow();
  });

  it('refuses a school allocation larger than the slot or without a release time', async () => {
    const slot = (overrides: Partial<typeof slots.$inferInsert>) =>
      rollback(database, (tx) =>
        buildSlot(tx, {
          startsAt: new Date('2026-12-05T01:00:00Z'),
          endsAt: new Date('2026-12-05T03:00:00Z'),
          capacity: 40,
          ...overrides,
        }),
      );
    await expect(
      slot({ schoolAllocation: 20, allocationReleaseAt: new Date('2026-12-03T00:00:00Z') }),
    ).resolves.toMatchObject({ id: expect.any(String) });
    await expect(
      slot({ schoolAllocation: 41, allocationReleaseAt: new Date('2026-12-03T00:00:00Z') }),
    ).rejects.toThrow();
    await expect(slot({ schoolAllocation: 10 })).rejects.toThrow();
    await expect(slot({ endsAt: new Date('2026-12-05T00:00:00Z') })).rejects.toThrow();
    await expect(slot({ capacity: -1 })).rejects.toThrow();
  });

  it('refuses a district code that is not six digits', async () => {
    await expect(
      rollback(database, async (tx) => {
        await tx.insert(districts).values({ code: '11AB01', name: 'x', level: 'district', provinceCode: '110000' });
      }),
    ).rejects.toThrow();
  });
});
