import { presentDesignation } from '../../presenters/designation.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  insertDesignation,
  lockDesignation,
  lockDesignationByTitle,
  restoreDesignation,
  revokeDesignation,
} from '../../../db/queries/designations.ts';
import { lockVenueForReview } from '../../../db/queries/venues.ts';
import { requireRegion } from '../../auth/ownership.ts';
import { Errors } from '../../errors.ts';
import { errorResponses } from '../../schemas/common.ts';
import { recordAudit } from '../../commands/audit.ts';
import { invalidateVenueTiles } from '../../services/tile-cache.ts';
import { Designation, DesignationBody, IdParams, RevokeBody } from './schema.ts';

const BUREAU = { access: { roles: ['bureau', 'admin'] } } as const;

/**
 * Official designations (全国爱国主义教育示范基地 and the like), verified by the bureau of the venue's
 * district. A venue holds a title once: awarding a title it holds answers 409, awarding a revoked one
 * again restores that same designation with the new details (its history stays in the audit log).
 */
const designationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/venues/:id/designations',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Record an official designation of a venue',
        description:
          'A bureau for venues in its region. A title the venue holds answers 409 DESIGNATION_EXISTS; a revoked title is restored (same id) with the details given.',
        operationId: 'createDesignation',
        params: IdParams,
        body: DesignationBody,
        response: { 201: Designation, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const venueId = request.params.id;
      const { body } = request;
      const values = {
        title: body.title.trim(),
        issuer: body.issuer?.trim() ?? null,
        level: body.level,
        year: body.year ?? null,
      };
      const row = await app.db.transaction(async (tx) => {
        const venue = await lockVenueForReview(tx, venueId);
        if (!venue) throw Errors.venueNotFound();
        requireRegion(request.user!, venue.adcode);
        const existing = await lockDesignationByTitle(tx, venueId, values.title);
        if (existing && existing.revokedAt === null) throw Errors.designationExists(values.title);
        const saved = existing
          ? await restoreDesignation(tx, existing.id, values)
          : await insertDesignation(tx, venueId, values);
        if (!saved) throw Errors.designationExists(values.title);
        await recordAudit(tx, request.actor, {
          action: existing ? 'designation.restore' : 'designation.create',
          entityType: 'designation',
          entityId: saved.id,
          adcode: venue.adcode,
          before: existing ? presentDesignation(existing) : null,
          after: presentDesignation(saved),
        });
        return saved;
      });
      invalidateVenueTiles(app);
      return reply.code(201).send(presentDesignation(row));
    },
  );

  app.post(
    '/api/designations/:id/revoke',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Revoke a designation',
        description:
          'The venue keeps the record, marked revoked, and no longer matches the designation filter. Send `{}` or `{"reason": "…"}`.',
        operationId: 'revokeDesignation',
        params: IdParams,
        body: RevokeBody,
        response: { 200: Designation, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const id = request.params.id;
      const row = await app.db.transaction(async (tx) => {
        const found = await lockDesignation(tx, id);
        if (!found) throw Errors.designationNotFound();
        requireRegion(request.user!, found.adcode);
        if (found.designation.revokedAt !== null) throw Errors.designationRevoked();
        const revoked = await revokeDesignation(tx, id);
        await recordAudit(tx, request.actor, {
          action: 'designation.revoke',
          entityType: 'designation',
          entityId: id,
          adcode: found.adcode,
          before: presentDesignation(found.designation),
          after: { ...presentDesignation(revoked), reason: request.body.reason?.trim() ?? null },
        });
        return revoked;
      });
      invalidateVenueTiles(app);
      return presentDesignation(row);
    },
  );
};

export default designationRoutes;
