import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { runCommand } from '../../commands/actor.ts';
import { setProgrammeSuspension, type ProgrammeSuspensionInput } from '../../commands/suspend-programme.ts';
import { setVenueSuspension, type VenueSuspensionInput } from '../../commands/suspend-venue.ts';
import { presentVenueReview } from '../../presenters/bureau-venue.ts';
import { presentProgrammeReview } from '../../presenters/programme-review.ts';
import { errorResponses } from '../../schemas/common.ts';
import { invalidateVenueTiles } from '../../services/tile-cache.ts';
import { IdParams, NoteBody, ProgrammeReview, ReasonBody, VenueReview } from './schema.ts';
import { BUREAU } from './shared.ts';

/**
 * Suspension (§12: e.g. out-of-school tutoring disguised as a study trip). A suspended venue or
 * programme vanishes from search, tiles and what's on at once; its managers are told why.
 */
const suspensionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function venueRequest(request: FastifyRequest, input: VenueSuspensionInput) {
    const venue = await runCommand(app.db, setVenueSuspension, request.actor, input);
    invalidateVenueTiles(app);
    return presentVenueReview(venue);
  }

  app.post(
    '/api/venues/:id/suspend',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Suspend a venue that breaks the rules, with a reason',
        description:
          "The venue leaves search, tiles and what's on at once; the reason is its review note and goes to its organisation through the outbox.",
        operationId: 'suspendVenue',
        params: IdParams,
        body: ReasonBody,
        response: { 200: VenueReview, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      venueRequest(request, { venueId: request.params.id, action: 'suspend', reason: request.body.reason.trim() }),
  );

  app.post(
    '/api/venues/:id/reinstate',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Lift a venue suspension, with a note saying why',
        description:
          'A verified (or never-reviewed catalogue) venue is published again; one still pending or rejected returns to draft. ' +
          "The note goes to the venue's organisation through the outbox and is kept in the audit log.",
        operationId: 'reinstateVenue',
        params: IdParams,
        body: NoteBody,
        response: { 200: VenueReview, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      venueRequest(request, { venueId: request.params.id, action: 'reinstate', note: request.body.note.trim() }),
  );

  async function programmeRequest(request: FastifyRequest, input: ProgrammeSuspensionInput) {
    return presentProgrammeReview(await runCommand(app.db, setProgrammeSuspension, request.actor, input));
  }

  app.post(
    '/api/programmes/:id/suspend',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Suspend a programme that breaks the rules (e.g. tutoring disguised as a study trip)',
        description:
          "Its slots leave what's on and the venue's slots at once; the reason goes to the venue's organisation through the outbox.",
        operationId: 'suspendProgramme',
        params: IdParams,
        body: ReasonBody,
        response: { 200: ProgrammeReview, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      programmeRequest(request, {
        programmeId: request.params.id,
        action: 'suspend',
        reason: request.body.reason.trim(),
      }),
  );

  app.post(
    '/api/programmes/:id/reinstate',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Lift a programme suspension, with a note saying why: it is published again',
        description: "The note goes to the venue's organisation through the outbox and is kept in the audit log.",
        operationId: 'reinstateProgramme',
        params: IdParams,
        body: NoteBody,
        response: { 200: ProgrammeReview, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      programmeRequest(request, {
        programmeId: request.params.id,
        action: 'reinstate',
        note: request.body.note.trim(),
      }),
  );
};

export default suspensionRoutes;
