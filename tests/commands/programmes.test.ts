import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createProgramme } from '../../server/commands/create-programme.ts';
import { updateProgramme } from '../../server/commands/update-programme.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { auditOf, codeOf } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { actorOf, buildProgramme, buildVenue, DONGCHENG } from '../support/factories.ts';

describe.each(testEngines())('programme commands on %s', (engine) => {
  let database: Database;
  let manager: TestActor;
  let stranger: TestActor;

  beforeAll(async () => {
    database = await openTestDb(engine);
    manager = await createActor(database, { role: 'venue_manager' });
    stranger = await createActor(database, { role: 'venue_manager' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('createProgramme adds a published programme to the venue, trimmed, and audits it', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const created = await createProgramme(tx, actorOf(manager), {
        venueId: venue.id,
        fields: {
          title_zh: ' 青铜器里的中国 ',
          delivery: 'outreach',
          grade_min: 3,
          grade_max: 6,
          price_per_head_fen: 0,
        },
      });
      expect(created).toMatchObject({
        venueId: venue.id,
        titleZh: '青铜器里的中国',
        delivery: 'outreach',
        gradeMin: 3,
        status: 'published',
      });
      const [entry] = await auditOf(tx, created.id);
      expect(entry).toMatchObject({ action: 'programme.create', adcode: DONGCHENG.adcode, actorId: manager.user.id });
      expect(entry!.after).toMatchObject({ id: created.id, title_zh: '青铜器里的中国', grade_max: 6 });
    });
  });

  it('createProgramme refuses inverted ranges (INVALID_RANGE) and others’ venues (NOT_YOUR_VENUE)', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const create = (fields: Parameters<typeof createProgramme>[2]['fields'], as = manager) =>
        codeOf(createProgramme(tx, actorOf(as), { venueId: venue.id, fields }));
      expect(await create({ title_zh: '讲座', group_min: 40, group_max: 20 })).toBe('INVALID_RANGE');
      expect(await create({ title_zh: '讲座' }, stranger)).toBe('NOT_YOUR_VENUE');
    });
  });

  it('updateProgramme changes only the given fields, keeps a suspension, and audits before and after', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const programme = await buildProgramme(tx, { venueId: venue.id, status: 'suspended', reviewNote: '违规' });
      const changed = await updateProgramme(tx, actorOf(manager), {
        programmeId: programme.id,
        changes: { description: ' 适合小学高年级 ', age_min: 9 },
      });
      expect(changed).toMatchObject({
        description: '适合小学高年级',
        ageMin: 9,
        status: 'suspended',
        reviewNote: '违规',
      });
      const [entry] = await auditOf(tx, programme.id);
      expect(entry).toMatchObject({ action: 'programme.update', actorId: manager.user.id });
      expect(entry!.before).toMatchObject({ description: null, age_min: null, status: 'suspended' });
      expect(entry!.after).toMatchObject({ description: '适合小学高年级', age_min: 9, status: 'suspended' });
    });
  });

  it('updateProgramme refuses an unknown programme, others’ programmes and a range inverted against the record', async () => {
    await rollback(database, async (tx) => {
      const venue = await buildVenue(tx, { organisationId: manager.organisationId! });
      const programme = await buildProgramme(tx, { venueId: venue.id, ageMax: 8 });
      const update = (programmeId: string, changes: Parameters<typeof updateProgramme>[2]['changes'], as = manager) =>
        codeOf(updateProgramme(tx, actorOf(as), { programmeId, changes }));
      expect(await update('00000000-0000-4000-8000-000000000000', { volunteer: true })).toBe('PROGRAMME_NOT_FOUND');
      expect(await update(programme.id, { volunteer: true }, stranger)).toBe('NOT_YOUR_VENUE');
      expect(await update(programme.id, { age_min: 10 })).toBe('INVALID_RANGE');
      expect(await auditOf(tx, programme.id)).toEqual([]);
    });
  });
});
