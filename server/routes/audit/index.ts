import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { findAuditEntries } from '../../../db/queries/audit.ts';
import { regionOf } from '../../auth/access.ts';
import { decodeSerialCursor, encodeSerialCursor, queryFingerprint } from '../../cursor.ts';
import { presentAuditEntry } from '../../presenters/audit-entry.ts';
import { errorResponses } from '../../schemas/common.ts';
import { AuditPage, AuditQuery, DEFAULT_AUDIT_LIMIT } from './schema.ts';

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
      const { query } = request;
      const region = regionOf(request.user!);
      const limit = query.limit ?? DEFAULT_AUDIT_LIMIT;
      // The cursor is bound to the filters and the reader's region that listed it.
      const fingerprint = queryFingerprint({
        region: region === '' ? '*' : region,
        entity_type: query.entity_type,
        entity_id: query.entity_id,
      });
      const rows = await findAuditEntries(app.db, {
        regionPrefix: region === '' ? undefined : region,
        entityType: query.entity_type,
        entityId: query.entity_id,
        limit: limit + 1,
        beforeId: query.cursor ? decodeSerialCursor(query.cursor, fingerprint) : undefined,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      void reply.header('cache-control', 'no-store');
      return {
        items: page.map(presentAuditEntry),
        next_cursor: rows.length > limit && last ? encodeSerialCursor(last.id, fingerprint) : null,
      };
    },
  );
};

export default auditRoutes;
