import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';

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
 * when the change does. The actor is the request's signed-in user (none for sign-up and resets).
 */
export async function recordAudit(db: Db, request: FastifyRequest, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: request.user?.id ?? null,
    actorRole: request.user?.role ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    adcode: entry.adcode ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: request.ip,
  });
}
