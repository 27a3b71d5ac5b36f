import type { Db } from '../../db/client.ts';
import { insertAuditEntry } from '../../db/queries/audit.ts';
import type { Actor } from './actor.ts';

export interface AuditEntry {
  /** `<entity>.<verb>`, e.g. `venue.update`, `claim.approve`. */
  action: string;
  entityType: string;
  entityId: string;
  /** The district the entity lies in, so its bureau can read the entry. */
  adcode?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Records one write in the audit log, inside the write's own transaction, so an entry exists exactly
 * when the change does. The actor is who performed it (none for sign-up and resets) and from where.
 */
export async function recordAudit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await insertAuditEntry(tx, auditValues(actor, entry));
}

/** The audit row of an entry, for a statement that inserts it together with the change (createBooking). */
export function auditValues(actor: Actor, entry: AuditEntry) {
  return {
    actorId: actor.user?.id ?? null,
    actorRole: actor.user?.role ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    adcode: entry.adcode ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor.ip,
  };
}
