import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { runCommand } from '../../commands/actor.ts';
import { decideSchool, type DecideSchoolInput } from '../../commands/decide-school.ts';
import { decideSchoolClaim, type DecideSchoolClaimInput } from '../../commands/decide-school-claim.ts';
import { presentSchool, presentSchoolClaim } from '../../presenters/school.ts';
import { errorResponses } from '../../schemas/common.ts';
import { SchoolClaim } from '../../schemas/school-fields.ts';
import { IdParams, ReasonBody } from './schema.ts';
import { BUREAU } from './shared.ts';

/** The bureau's decisions on schools in its region: verify or reject a school, decide a claim of one. */
const bureauSchoolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function schoolDecision(request: FastifyRequest, input: DecideSchoolInput) {
    return presentSchool(await runCommand(app.db, decideSchool, request.actor, input), 'full');
  }

  app.post(
    '/api/bureau/schools/:id/verify',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Verify a pending school: its confirmed teachers may use the green channel',
        description:
          "Only a school in the bureau's region (403 OUTSIDE_REGION), with a point and a district (409 SCHOOL_NOT_PLACED). Its admins are told through the outbox.",
        operationId: 'verifySchool',
        params: IdParams,
        response: { 200: Type.Ref('School'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => schoolDecision(request, { schoolId: request.params.id, outcome: 'verified', reason: null }),
  );

  app.post(
    '/api/bureau/schools/:id/reject',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Reject a pending school with a reason',
        description:
          'The reason is kept as its review note and sent to its admins through the outbox; teachers can no longer join it.',
        operationId: 'rejectSchool',
        params: IdParams,
        body: ReasonBody,
        response: { 200: Type.Ref('School'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      schoolDecision(request, {
        schoolId: request.params.id,
        outcome: 'rejected',
        reason: request.body.reason.trim(),
      }),
  );

  async function claimDecision(request: FastifyRequest, input: DecideSchoolClaimInput) {
    return presentSchoolClaim(await runCommand(app.db, decideSchoolClaim, request.actor, input));
  }

  app.post(
    '/api/bureau/school-claims/:id/approve',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Approve a claim of a school: the claimant becomes one of its school admins',
        description: 'The claimant is told through the outbox.',
        operationId: 'approveSchoolClaim',
        params: IdParams,
        response: { 200: SchoolClaim, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => claimDecision(request, { claimId: request.params.id, outcome: 'approved', reason: null }),
  );

  app.post(
    '/api/bureau/school-claims/:id/reject',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Reject a claim of a school with a reason',
        description: 'The claimant is told the reason through the outbox.',
        operationId: 'rejectSchoolClaim',
        params: IdParams,
        body: ReasonBody,
        response: { 200: SchoolClaim, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      claimDecision(request, { claimId: request.params.id, outcome: 'rejected', reason: request.body.reason.trim() }),
  );
};

export default bureauSchoolRoutes;
