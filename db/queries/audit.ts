import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog, users } from '../schema/index.ts';

/** Appends one entry; commands call it through recordAudit (server/commands/audit.ts). */
export async function insertAuditEntry(db: Db, entry: typeof auditLog.$inferInsert): Promise<void> {
  await db.insert(auditLog).values(entry);
}

export interface AuditSearch {
  /** Only entries in districts under this adcode prefix; undefined for every entry (admins). */
  regionPrefix?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  limit: number;
  /** Entries older than this id (the last one of the previous page). */
  beforeId?: number | undefined;
}

export type AuditEntryRow = Awaited<ReturnType<typeof findAuditEntries>>[number];

/** Audit entries, newest first (ids grow with time), with the actor's display name. */
export async function findAuditEntries(db: Db, search: AuditSearch) {
  const conditions: SQL[] = [];
  if (search.regionPrefix !== undefined) {
    conditions.push(sql`${auditLog.adcode} LIKE ${search.regionPrefix + '%'}`);
  }
  if (search.entityType) conditions.push(eq(auditLog.entityType, search.entityType));
  if (search.entityId) conditions.push(eq(auditLog.entityId, search.entityId));
  if (search.beforeId !== undefined) conditions.push(lt(auditLog.id, search.beforeId));
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: users.displayName,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      adcode: auditLog.adcode,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(search.limit);
}
