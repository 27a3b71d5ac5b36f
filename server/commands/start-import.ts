import type { Db } from '../../db/client.ts';
import { createImportJob, type ImportJobRow } from '../../db/queries/imports.ts';
import type { CoordSystem, ImportFormat } from '../../domain/vocab.ts';
import { mappingAsJson, type ImportMapping } from '../services/import/mapping.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

export interface StartImportInput {
  format: ImportFormat;
  crs: CoordSystem;
  /** The `venues.source` tag every imported row gets. */
  source: string;
  dryRun: boolean;
  /** The checked mapping (prepareImport has refused a bad one before any job exists). */
  mapping: ImportMapping;
}

/**
 * An administrator starts a venue import: the job is recorded as queued, and who started it with what
 * is audited in the same transaction. The caller hands the job to the queue once this has committed;
 * the job row then records what the import did.
 */
export async function startImport(tx: Db, actor: SignedInActor, input: StartImportInput): Promise<ImportJobRow> {
  const mapping = mappingAsJson(input.mapping);
  const job = await createImportJob(tx, {
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
    after: { format: input.format, crs: input.crs, source: input.source, dry_run: input.dryRun, mapping },
  });
  return job;
}
