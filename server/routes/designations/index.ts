import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { runCommand } from '../../commands/actor.ts';
import { awardDesignation } from '../../commands/award-designation.ts';
import { revokeDesignation } from '../../commands/revoke-designation.ts';
import { presentDesignation } from '../../presenters/designation.ts';
import { errorResponses } from '../../schemas/common.ts';
import { invalidateVenueTiles } from '../../services/tile-cache.ts';
import { Designation } from '../../schemas/designation.ts';
import { DesignationBody, IdParams, RevokeBody } from './schema.ts';

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
      const { body } = request;
      const designation = await runCommand(app.db, awardDesignation, request.actor, {
        venueId: request.params.id,
        title: body.title.trim(),
        issuer: body.issuer?.trim() ?? null,
        level: body.level,
        year: body.year ?? null,
      });
      invalidateVenueTiles(app);
      return reply.code(201).send(presentDesignation(designation));
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
      const designation = await runCommand(app.db, revokeDesignation, request.actor, {
        designationId: request.params.id,
        reason: request.body.reason?.trim() ?? null,
      });
      invalidateVenueTiles(app);
      return presentDesignation(designation);
    },
  );
};

export default designationRoutes;
