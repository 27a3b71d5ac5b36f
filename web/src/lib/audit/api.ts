/** `GET /api/audit` as the audit page reads it. */
import type { operations } from '$lib/api/schema';
import { readJson } from '$lib/session/api';

/** A page of the audit log. */
export type AuditPage = operations['listAudit']['responses'][200]['content']['application/json'];

/** What the log is narrowed to; empty strings mean "any". */
export interface AuditFilter {
  entityType: string;
  entityId: string;
}

/** The request URL of one page of the log, newest first. */
export function auditUrl(filter: AuditFilter, cursor: string | null, limit = 50): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filter.entityType) params.set('entity_type', filter.entityType);
  if (filter.entityId.trim()) params.set('entity_id', filter.entityId.trim());
  if (cursor) params.set('cursor', cursor);
  return `/api/audit?${params.toString()}`;
}

/** One page of the log after `cursor`. */
export function getAuditPage(filter: AuditFilter, cursor: string | null): Promise<AuditPage> {
  return readJson<AuditPage>(auditUrl(filter, cursor));
}
