import type { ImportDuplicateRow, ImportErrorRow, ImportJobRow } from '../../db/queries/imports.ts';
import type { CoordSystem, ImportEntity, ImportFormat, ImportStatus } from '../../domain/vocab.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** An import job with its progress, as the API shows it. */
export function presentImportJob(row: ImportJobRow) {
  return {
    id: row.id,
    entity: row.entity as ImportEntity,
    status: row.status as ImportStatus,
    format: row.format as ImportFormat,
    crs: row.crs as CoordSystem,
    source: row.source,
    dry_run: row.dryRun,
    verify: row.verify,
    total_rows: row.totalRows,
    processed_rows: row.processedRows,
    inserted: row.inserted,
    updated: row.updated,
    failed_rows: row.failedRows,
    duplicates: row.duplicates,
    message: row.message,
    created_at: row.createdAt.toISOString(),
    started_at: iso(row.startedAt),
    finished_at: iso(row.finishedAt),
  };
}

/** A row the job could not load, with its line, the reason and a stable code. */
export function presentImportError(row: ImportErrorRow) {
  return { line: row.line, reason: row.reason, code: row.code };
}

/** A row not loaded as a likely duplicate of a venue, a school, or an earlier row of the file. */
export function presentImportDuplicate(row: ImportDuplicateRow) {
  return {
    line: row.line,
    name: row.name,
    existing_venue_id: row.existingVenueId,
    existing_school_id: row.existingSchoolId ?? null,
    existing_line: row.existingLine,
    existing_name: row.existingName,
    distance_m: row.distanceM,
  };
}
