import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { listSchoolMembers, searchSchools } from '../../../db/queries/schools.ts';
import { requireSchoolAdmin } from '../../auth/ownership.ts';
import { runCommand } from '../../commands/actor.ts';
import { decideMembership, type DecideMembershipInput } from '../../commands/decide-membership.ts';
import { presentSchool, presentSchoolMember } from '../../presenters/school.ts';
import { errorResponses } from '../../schemas/common.ts';
import { MemberParams, SchoolList, SchoolMember, SchoolMemberList, SchoolParams, SchoolSearchQuery } from './schema.ts';

const SCHOOL_ADMINS = { access: { roles: ['school_admin', 'admin'] } } as const;

/** Schools: the sign-up picker, and school admins approving the teachers who join. */
const schoolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/schools',
    {
      schema: {
        tags: ['schools'],
        summary: 'Find a school by name (for the teacher sign-up form)',
        operationId: 'searchSchools',
        querystring: SchoolSearchQuery,
        response: { 200: SchoolList, ...errorResponses(400) },
      },
    },
    async (request) => {
      const schools = await searchSchools(app.db, { q: request.query.q, limit: request.query.limit ?? 20 });
      return { items: schools.map(presentSchool) };
    },
  );

  app.get(
    '/api/schools/:id/members',
    {
      config: SCHOOL_ADMINS,
      schema: {
        tags: ['schools'],
        summary: "A school's teachers and admins, pending first",
        description: "For the school's approved school admins and for admins.",
        operationId: 'listSchoolMembers',
        params: SchoolParams,
        response: { 200: SchoolMemberList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const school = await requireSchoolAdmin(app.db, request.user!, request.params.id);
      const members = await listSchoolMembers(app.db, school.id);
      void reply.header('cache-control', 'no-store');
      return { school: presentSchool(school), members: members.map(presentSchoolMember) };
    },
  );

  async function decisionRequest(request: FastifyRequest, input: DecideMembershipInput) {
    return presentSchoolMember(await runCommand(app.db, decideMembership, request.actor, input));
  }

  app.post(
    '/api/schools/:id/members/:userId/approve',
    {
      config: SCHOOL_ADMINS,
      schema: {
        tags: ['schools'],
        summary: "Approve a teacher's pending membership: they may book for the school",
        description: 'The teacher is told through the outbox.',
        operationId: 'approveSchoolMember',
        params: MemberParams,
        response: { 200: SchoolMember, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      decisionRequest(request, { schoolId: request.params.id, userId: request.params.userId, outcome: 'approved' }),
  );

  app.post(
    '/api/schools/:id/members/:userId/reject',
    {
      config: SCHOOL_ADMINS,
      schema: {
        tags: ['schools'],
        summary: "Reject a teacher's pending membership",
        description: 'The teacher is told through the outbox.',
        operationId: 'rejectSchoolMember',
        params: MemberParams,
        response: { 200: SchoolMember, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      decisionRequest(request, { schoolId: request.params.id, userId: request.params.userId, outcome: 'rejected' }),
  );
};

export default schoolRoutes;
