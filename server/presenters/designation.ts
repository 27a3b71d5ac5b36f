import type { DesignationRow } from '../../db/queries/designations.ts';
import type { DesignationLevel } from '../../domain/vocab.ts';

/** A designation as the API shows it. */
export function presentDesignation(row: DesignationRow) {
  return {
    id: row.id,
    venue_id: row.venueId,
    title: row.title,
    issuer: row.issuer,
    level: row.level as DesignationLevel,
    year: row.year,
    revoked: row.revokedAt !== null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}
