import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { schoolClaimsOf, schoolsAdministeredBy } from '../../../db/queries/schools.ts';
import { runCommand } from '../../commands/actor.ts';
import { claimSchool } from '../../commands/claim-school.ts';
import { registerSchool } from '../../commands/register-school.ts';
import { updateSchool } from '../../commands/update-school.ts';
import { presentOwnSchoolClaim, presentSchool, presentSchoolClaim } from '../../presenters/school.ts';
import { errorResponses } from '../../schemas/common.ts';
import { CreateSchoolBody, PatchSchoolBody } from '../../schemas/school-fields.ts';
import { ClaimSchoolBody, ManagedSchools, SchoolClaim, SchoolParams } from './schema.ts';

const SCHOOL_ADMINS = { access: { roles: ['school_admin', 'admin'] } } as const;

/**
 * The school admin's console: register a school (it waits for the bureau of its district), edit it, claim
 * a listed one, and list one's schools and claims.
 */
const manageSchoolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/manage/schools',
    {
      config: SCHOOL_ADMINS,
      schema: {
        tags: ['schools'],
        summary: "The caller's schools (approved admin memberships), whatever their status, and their claims",
        operationId: 'listManagedSchools',
        response: { 200: ManagedSchools, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const userId = request.user!.id;
      const [schools, claims] = await Promise.all([
        schoolsAdministeredBy(app.db, userId),
        schoolClaimsOf(app.db, userId),
      ]);
      void reply.header('cache-control', 'no-store');
      return {
        items: schools.map((school) => presentSchool(school, 'full')),
        claims: claims.map(presentOwnSchoolClaim),
      };
    },
  );

  app.post(
    '/api/schools',
    {
      config: SCHOOL_ADMINS,
      schema: {
        tags: ['schools'],
        summary: 'Register a school; it stays pending until the bureau of its district verifies it',
        description:
          '`lng`/`lat` are in `crs` (default wgs84; Amap and Tencent give gcj02, Baidu bd09) and are stored as WGS-84. ' +
          'The district is the one the point lies in; a given `adcode` must agree with the point (400 ADCODE_MISMATCH). ' +
          'A school admin becomes the approved admin of the school.',
        operationId: 'createSchool',
        body: CreateSchoolBody,
        response: { 201: Type.Ref('School'), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const created = await runCommand(app.db, registerSchool, request.actor, request.body);
      return reply.code(201).send(presentSchool(created, 'full'));
    },
  );

  app.patch(
    '/api/schools/:id',
    {
      config: SCHOOL_ADMINS,
      schema: {
        tags: ['schools'],
        summary: 'Edit a school (its approved admins, admins)',
        description:
          'Only the fields given change; null clears an optional one. A verified school renamed, put in another district or moved more than 500 m goes back to pending with a review note saying why; a rejected school that is edited goes back to the bureau.',
        operationId: 'updateSchool',
        params: SchoolParams,
        body: PatchSchoolBody,
        response: { 200: Type.Ref('School'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const changed = await runCommand(app.db, updateSchool, request.actor, {
        schoolId: request.params.id,
        changes: request.body,
      });
      return presentSchool(changed, 'full');
    },
  );

  app.post(
    '/api/schools/:id/claims',
    {
      config: { access: { roles: ['school_admin'] } },
      schema: {
        tags: ['schools'],
        summary: 'Claim a listed school: the bureau of its district decides',
        description:
          'On approval the claimant becomes one of its school admins. 409 CLAIM_PENDING with a claim already waiting, ALREADY_MEMBER for its admins, SCHOOL_REJECTED for a rejected school.',
        operationId: 'claimSchool',
        params: SchoolParams,
        body: ClaimSchoolBody,
        response: { 201: SchoolClaim, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const claim = await runCommand(app.db, claimSchool, request.actor, {
        schoolId: request.params.id,
        evidence: request.body.evidence,
      });
      return reply.code(201).send(presentSchoolClaim(claim));
    },
  );
};

export default manageSchoolRoutes;
