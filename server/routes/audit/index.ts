import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { findAuditEntries } from '../../../db/queries/audit.ts';
import { queryFingerprint } from '../../cursor.ts';
import { Errors } from '../../errors.ts';
import { errorResponses } from '../../schemas/common.ts';
import { AuditPage, AuditQuery, DEFAULT_AUDIT_LIMIT, type AuditEntry } from './schema.ts';

/** The cursor is the last entry's id, bound to the filters (and the reader's region) that listed it. */
function encodeAuditCursor(id: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ i: id, f: fingerprint })).toString('base64url');
}

function decodeAuditCursor(cursor: string, fingerprint: string): number {
  try {
    const { i, f } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { i?: unknown; f?: unknown };
    if (typeof i === 'number' && Number.isSafeInteger(i) && i > 0 && f === fingerprint) return i;
  } catch {
    // falls through to the error below
  }
  throw Errors.invalidCursor();
}

/** The audit log of every write: admins read all of it, a bureau the entries of its region. */
const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { access: { roles: ['admin', 'bureau'] } },
      schema: {
        tags: ['bureau'],
        summary: 'The audit log, newest first: who changed what, before and after, when',
        description:
          "A bureau sees the entries of its region (their district's adcode starts with its prefix); an admin sees every entry, including those with no district (accounts).",
        operationId: 'listAudit',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const { query } = request;
      const regionPrefix = user.role === 'admin' ? undefined : (user.regionPrefix ?? '\u0000');
      const limit = query.limit ?? DEFAULT_AUDIT_LIMIT;
      const fingerprint = queryFingerprint({
        region: regionPrefix ?? '*',
        entity_type: query.entity_type,
        entity_id: query.entity_id,
      });
      const beforeId = query.cursor ? decodeAuditCursor(query.cursor, fingerprint) : undefined;
      const rows = await findAuditEntries(app.db, {
        regionPrefix,
        entityType: query.entity_type,
        entityId: query.entity_id,
        limit: limit + 1,
        beforeId,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      void reply.header('cache-control', 'no-store');
      return {
        items: page.map((row): AuditEntry => ({
          id: row.id,
          at: row.at.toISOString(),
          actor:
            row.actorId || row.actorRole ? { id: row.actorId, display_name: row.actorName, role: row.actorRole } : null,
          action: row.action,
          entity_type: row.entityType,
          entity_id: row.entityId,
          adcode: row.adcode,
          before: row.before,
          after: row.after,
        })),
        next_cursor: rows.length > limit && last ? encodeAuditCursor(last.id, fingerprint) : null,
      };
    },
  );
};

export default auditRoutes;
