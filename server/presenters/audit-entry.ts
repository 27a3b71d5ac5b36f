import type { AuditEntryRow } from '../../db/queries/audit.ts';

/** An audit entry as the API shows it: who changed what, before and after, when. */
export function presentAuditEntry(row: AuditEntryRow) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    // An entry keeps its actor's role when the account is deleted; sign-ups and resets have no actor.
    actor: row.actorId || row.actorRole ? { id: row.actorId, display_name: row.actorName, role: row.actorRole } : null,
    action: row.action,
    entity_type: row.entityType,
    entity_id: row.entityId,
    adcode: row.adcode,
    before: row.before,
    after: row.after,
  };
}
