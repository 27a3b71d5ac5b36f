/** `GET /api/audit` as the audit page reads it. */
import type { ApiQuery } from '$lib/api/client';

/** What the log is narrowed to; empty strings mean "any". */
export interface AuditFilter {
  entityType: string;
  entityId: string;
}

/** The query of one page of the log after `cursor`, newest first. */
export function auditQuery(filter: AuditFilter, cursor: string | null, limit = 50): ApiQuery<'/api/audit'> {
  const entityId = filter.entityId.trim();
  return {
    limit,
    ...(filter.entityType ? { entity_type: filter.entityType } : {}),
    ...(entityId ? { entity_id: entityId } : {}),
    ...(cursor ? { cursor } : {}),
  };
}
