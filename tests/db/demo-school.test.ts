import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { smallestDistrictsAt } from '../../db/queries/districts.ts';
import { getSchoolRecord, greenChannelSchoolOf } from '../../db/queries/schools.ts';
import { schools, users } from '../../db/schema/index.ts';
import { DEMO_SCHOOL, ensureDemoAccounts } from '../../seeds/demo-accounts.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';

describe.each(testEngines())('the demo school on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDb(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('is verified, a primary school placed in Dongcheng, labelled demo; an older demo database is brought up to date', async () => {
    await rollback(database, async (tx) => {
      // A demo database from before schools had places: the school with its name and district only.
      await tx.delete(schools).where(eq(schools.name, DEMO_SCHOOL));
      await tx.insert(schools).values({ name: DEMO_SCHOOL, adcode: '110101' });
      await ensureDemoAccounts(tx, 'not-a-real-hash');
      await ensureDemoAccounts(tx, 'not-a-real-hash');
      const rows = await tx.select({ id: schools.id }).from(schools).where(eq(schools.name, DEMO_SCHOOL));
      expect(rows).toHaveLength(1);
      const school = (await getSchoolRecord(tx, rows[0]!.id))!;
      expect(school).toMatchObject({
        kind: 'primary',
        grades: [1, 2, 3, 4, 5, 6],
        adcode: '110101',
        verificationStatus: 'verified',
        source: 'kaimen-demo',
      });
      expect(school.nameEn).toMatch(/not a real school/);
      expect(school.contactName).toMatch(/Demo/);
      expect(school.verifiedAt).toBeInstanceOf(Date);
      expect(await smallestDistrictsAt(tx, [{ lng: school.lng!, lat: school.lat! }])).toEqual(['110101']);
      const [teacher] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'teacher@demo.kaimen'));
      expect(await greenChannelSchoolOf(tx, teacher!.id, school.id)).toBe(true);
    });
  });
});
