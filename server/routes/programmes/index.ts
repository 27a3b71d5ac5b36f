import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { listVenueProgrammes } from '../../../db/queries/programmes.ts';
import { requireVenueManager } from '../../auth/ownership.ts';
import { runCommand } from '../../commands/actor.ts';
import { createProgramme } from '../../commands/create-programme.ts';
import { updateProgramme } from '../../commands/update-programme.ts';
import { presentProgramme } from '../../presenters/programme.ts';
import { errorResponses } from '../../schemas/common.ts';
import { CreateProgrammeBody, PatchProgrammeBody } from '../../schemas/programme-fields.ts';
import { VenueIdParams } from '../../schemas/venue-console.ts';
import { Programme, ProgrammeIdParams } from './schema.ts';

const MANAGERS = { access: { roles: ['venue_manager', 'admin'] } } as const;

/** The console's programmes: activities and courses a venue runs on site or brings to schools. */
const programmeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(Programme);

  app.get(
    '/api/manage/venues/:id/programmes',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: "A venue's programmes, suspended ones included",
        operationId: 'listManagedProgrammes',
        params: VenueIdParams,
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('Programme')) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      await requireVenueManager(app.db, request.user!, request.params.id);
      const rows = await listVenueProgrammes(app.db, request.params.id);
      return { items: rows.map(presentProgramme) };
    },
  );

  app.post(
    '/api/venues/:id/programmes',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: 'Add a programme to a venue',
        operationId: 'createProgramme',
        params: VenueIdParams,
        body: CreateProgrammeBody,
        response: { 201: Type.Ref('Programme'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const input = { venueId: request.params.id, fields: request.body };
      const created = await runCommand(app.db, createProgramme, request.actor, input);
      return reply.code(201).send(presentProgramme(created));
    },
  );

  app.patch(
    '/api/programmes/:id',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: 'Edit a programme (a suspended one stays suspended until its bureau reinstates it)',
        operationId: 'updateProgramme',
        params: ProgrammeIdParams,
        body: PatchProgrammeBody,
        response: { 200: Type.Ref('Programme'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const input = { programmeId: request.params.id, changes: request.body };
      return presentProgramme(await runCommand(app.db, updateProgramme, request.actor, input));
    },
  );
};

export default programmeRoutes;
