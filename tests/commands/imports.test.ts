import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { importJobs } from '../../db/schema/index.ts';
import { startImport } from '../../server/commands/start-import.ts';
import { checkMapping } from '../../server/services/import/mapping.ts';
import { checkSchoolMapping } from '../../server/services/import/school-mapping.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { auditOf } from '../support/commands.ts';
import { openTestDb, rollback, testEngines } from '../support/engines.ts';
import { actorOf } from '../support/factories.ts';

describe.each(testEngines())('import commands on %s', (engine) => {
  let database: Database;
  let admin: TestActor;

  beforeAll(async () => {
    database = await openTestDb(engine);
    admin = await createActor(database, { role: 'admin' });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('startImport records a queued job and who started it with what mapping, in one transaction', async () => {
    await rollback(database, async (tx) => {
      const mapping = checkMapping(
        { name_zh: '名称', lng: '经度', lat: '纬度', kinds_map: { 博物馆: 'museum' }, defaults: { kinds: 'museum' } },
        'csv',
      );
      const job = await startImport(tx, actorOf(admin), {
        format: 'csv',
        crs: 'gcj02',
        source: 'bj-culture-2025',
        dryRun: true,
        mapping,
      });
      const [row] = await tx.select().from(importJobs).where(eq(importJobs.id, job.id));
      expect(row).toMatchObject({
        status: 'queued',
        format: 'csv',
        crs: 'gcj02',
        source: 'bj-culture-2025',
        dryRun: true,
        entity: 'venues',
        verify: false,
        createdBy: admin.user.id,
      });
      const written = {
        name_zh: '名称',
        lng: '经度',
        lat: '纬度',
        kinds_map: { 博物馆: ['museum'] },
        themes_map: {},
        defaults: { kinds: ['museum'] },
      };
      expect(row!.mapping).toEqual(written);
      const [entry] = await auditOf(tx, job.id);
      expect(entry).toMatchObject({
        action: 'import.create',
        entityType: 'import_job',
        actorId: admin.user.id,
        adcode: null,
      });
      expect(entry!.after).toEqual({
        entity: 'venues',
        verify: false,
        format: 'csv',
        crs: 'gcj02',
        source: 'bj-culture-2025',
        dry_run: true,
        mapping: written,
      });
    });
  });
  it("startImport records a bureau's school import with its creator, in the bureau's region's audit log", async () => {
    const bureau = await createActor(database, { role: 'bureau', regionPrefix: '1101' });
    await rollback(database, async (tx) => {
      const mapping = checkSchoolMapping(
        { name: '学校名称', lng: '经度', lat: '纬度', kind_map: { 完小: 'primary' } },
        'csv',
      );
      const job = await startImport(tx, actorOf(bureau), {
        entity: 'schools',
        verify: true,
        format: 'csv',
        crs: 'wgs84',
        source: 'bj-schools-2025',
        dryRun: false,
        mapping,
      });
      const [row] = await tx.select().from(importJobs).where(eq(importJobs.id, job.id));
      expect(row).toMatchObject({ entity: 'schools', verify: true, createdBy: bureau.user.id, status: 'queued' });
      expect(row!.mapping).toEqual({
        name: '学校名称',
        lng: '经度',
        lat: '纬度',
        kind_map: { 完小: 'primary' },
        defaults: {},
      });
      const [entry] = await auditOf(tx, job.id);
      expect(entry).toMatchObject({ action: 'import.create', actorId: bureau.user.id, adcode: '110100' });
      expect(entry!.after).toMatchObject({ entity: 'schools', verify: true, source: 'bj-schools-2025' });
    });
  });
});
