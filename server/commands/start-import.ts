import type { Db } from '../../db/client.ts';
import { createImportJob, type ImportJobRow } from '../../db/queries/imports.ts';
import type { CoordSystem, ImportEntity, ImportFormat } from '../../domain/vocab.ts';
import { mappingAsJson, type ImportMapping } from '../services/import/mapping.ts';
import { schoolMappingAsJson, type SchoolImportMapping } from '../services/import/school-mapping.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

export interface StartImportInput {
  /** Venues unless said otherwise; a school import carries a school mapping. */
  entity?: ImportEntity;
  /** Schools only: mark the imported schools verified. */
  verify?: boolean;
  format: ImportFormat;
  crs: CoordSystem;
  /** The `venues.source` tag every imported row gets. */
  source: string;
  dryRun: boolean;
  /** The checked mapping (prepareImport has refused a bad one before any job exists). */
  mapping: ImportMapping | SchoolImportMapping;
}

/**
 * An administrator starts a venue import, or a bureau or administrator a school import: the job is
 * recorded as queued with its creator (who may follow it), and who started it with what is audited in
 * the same transaction, in the bureau's region for a bureau. The caller hands the job to the queue once
 * this has committed; the job row then records what the import did.
 */
export async function startImport(tx: Db, actor: SignedInActor, input: StartImportInput): Promise<ImportJobRow> {
  const entity = input.entity ?? 'venues';
  const verify = entity === 'schools' && input.verify === true;
  const mapping = 'kindMap' in input.mapping ? schoolMappingAsJson(input.mapping) : mappingAsJson(input.mapping);
  const region = actor.user.role === 'bureau' ? actor.user.regionPrefix : null;
  const job = await createImportJob(tx, {
    entity,
    verify,
    createdBy: actor.user.id,
    format: input.format,
    crs: input.crs,
    source: input.source,
    dryRun: input.dryRun,
    mapping,
  });
  await recordAudit(tx, actor, {
    action: 'import.create',
    entityType: 'import_job',
    entityId: job.id,
    // A bureau's import shows in its own region's log: the region's code, padded to an adcode.
    adcode: region ? region.padEnd(6, '0') : null,
    after: {
      entity,
      verify,
      format: input.format,
      crs: input.crs,
      source: input.source,
      dry_run: input.dryRun,
      mapping,
    },
  });
  return job;
}
