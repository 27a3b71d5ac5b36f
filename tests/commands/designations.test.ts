import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { designations } from '../../db/schema/index.ts';
import { awardDesignation, type AwardDesignationInput } from '../../server/commands/award-designation.ts';
import { revokeDesignation } from '../../server/commands/revoke-designation.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { auditOf, codeOf } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { actorOf, buildVenue, XICHENG } from '../support/factories.ts';

const TITLE = '全国爱国主义教育示范基地';

/** A national designation of a venue, awarded in 2019. */
const award = (venueId: string, overrides: Partial<AwardDesignationInput> = {}): AwardDesignationInput => ({
  venueId,
  title: TITLE,
  issuer: '中共中央宣传部',
  level: 'national',
  year: 2019,
  ...overrides,
});

describe.each(testEngines())('designation commands on %s', (engine) => {
  let database: Database;
  let dongcheng: TestActor;
  let admin: TestActor;

  beforeAll(async () => {
    database = await openTestDb(engine);
    dongcheng = await createActor(database, { role: 'bureau', regionPrefix: '110101' });
    admin = await createActor(database, { role: 'admin' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('awardDesignation records a title of a venue in the region, audited as designation.create', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx);
      const saved = await awardDesignation(tx, actorOf(dongcheng), award(venue.id));
      expect(saved).toMatchObject({ venueId: venue.id, title: TITLE, level: 'national', year: 2019, revokedAt: null });
      const [entry] = await auditOf(tx, saved.id);
      expect(entry).toMatchObject({
        action: 'designation.create',
        actorId: dongcheng.user.id,
        adcode: '110101',
        before: null,
        after: expect.objectContaining({ title: TITLE, revoked: false }),
      });
    });
  });

  it('awardDesignation refuses a title the venue holds (DESIGNATION_EXISTS) and restores a revoked one under the same id', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx);
      const first = await awardDesignation(tx, actorOf(dongcheng), award(venue.id));
      expect(await codeOf(awardDesignation(tx, actorOf(dongcheng), award(venue.id, { level: 'city' })))).toBe(
        'DESIGNATION_EXISTS',
      );
      await revokeDesignation(tx, actorOf(dongcheng), { designationId: first.id, reason: null });
      const restored = await awardDesignation(tx, actorOf(admin), award(venue.id, { level: 'city', year: 2025 }));
      expect(restored).toMatchObject({ id: first.id, level: 'city', year: 2025, revokedAt: null });
      const entries = await auditOf(tx, first.id);
      expect(entries.map((e) => e.action)).toEqual(['designation.create', 'designation.revoke', 'designation.restore']);
      expect(entries[2]).toMatchObject({ before: expect.objectContaining({ revoked: true, level: 'national' }) });
      expect(await tx.select().from(designations).where(eq(designations.venueId, venue.id))).toHaveLength(1);
    });
  });

  it('awardDesignation refuses a venue outside the region (OUTSIDE_REGION) and an unknown one (VENUE_NOT_FOUND)', async () => {
    await rollback(database, async (tx) => {
      const elsewhere = await buildVenue(tx, { place: XICHENG });
      expect(await codeOf(awardDesignation(tx, actorOf(dongcheng), award(elsewhere.id)))).toBe('OUTSIDE_REGION');
      expect(await codeOf(awardDesignation(tx, actorOf(dongcheng), award(randomUUID())))).toBe('VENUE_NOT_FOUND');
      expect(await tx.select().from(designations).where(eq(designations.venueId, elsewhere.id))).toEqual([]);
    });
  });

  it('revokeDesignation keeps the record, marked revoked, with the reason in the audit log; twice is DESIGNATION_REVOKED', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx);
      const { id } = await awardDesignation(tx, actorOf(dongcheng), award(venue.id));
      const revoked = await revokeDesignation(tx, actorOf(dongcheng), { designationId: id, reason: '复核未通过' });
      expect(revoked.revokedAt).toBeInstanceOf(Date);
      const entry = (await auditOf(tx, id)).at(-1);
      expect(entry).toMatchObject({
        action: 'designation.revoke',
        adcode: '110101',
        before: expect.objectContaining({ revoked: false }),
        after: expect.objectContaining({ revoked: true, reason: '复核未通过' }),
      });
      expect(await codeOf(revokeDesignation(tx, actorOf(dongcheng), { designationId: id, reason: null }))).toBe(
        'DESIGNATION_REVOKED',
      );
    });
  });

  it('revokeDesignation refuses a designation outside the region (OUTSIDE_REGION) and an unknown one (DESIGNATION_NOT_FOUND)', async () => {
    await rollback(database, async (tx) => {
      const elsewhere = await buildVenue(tx, { place: XICHENG });
      const { id } = await awardDesignation(tx, actorOf(admin), award(elsewhere.id));
      expect(await codeOf(revokeDesignation(tx, actorOf(dongcheng), { designationId: id, reason: null }))).toBe(
        'OUTSIDE_REGION',
      );
      expect(
        await codeOf(revokeDesignation(tx, actorOf(dongcheng), { designationId: randomUUID(), reason: null })),
      ).toBe('DESIGNATION_NOT_FOUND');
    });
  });
});
