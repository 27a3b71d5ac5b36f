import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import {
  decideSchoolMember,
  getSchool,
  isSchoolAdmin,
  listSchoolMembers,
  lockSchoolMember,
  searchSchools,
  type SchoolMemberRow,
} from '../../../db/queries/schools.ts';
import { Errors } from '../../errors.ts';
import { errorResponses } from '../../schemas/common.ts';
import { recordAudit } from '../../commands/audit.ts';
import { enqueueMessage } from '../../../db/queries/outbox.ts';
import { membershipReviewedMessage } from '../../messages/membership-reviewed.ts';
import { MemberParams, SchoolList, SchoolMember, SchoolMemberList, SchoolParams, SchoolSearchQuery } from './schema.ts';

const SCHOOL_ADMINS = { access: { roles: ['school_admin', 'admin'] } } as const;

function member(row: SchoolMemberRow): SchoolMember {
  return {
    user_id: row.userId,
    display_name: row.displayName,
    email: row.email,
    role: row.role as SchoolMember['role'],
    status: row.status as SchoolMember['status'],
    created_at: row.createdAt.toISOString(),
    decided_at: row.decidedAt?.toISOString() ?? null,
  };
}

/** The school if `request.user` may manage its members: an admin, or one of its approved school admins. */
async function requireSchoolAdmin(db: Db, request: FastifyRequest, schoolId: string) {
  const school = await getSchool(db, schoolId);
  if (!school) throw Errors.schoolNotFound();
  const user = request.user!;
  if (user.role !== 'admin' && !(await isSchoolAdmin(db, user.id, schoolId))) throw Errors.notYourSchool();
  return school;
}

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
    async (request) => ({
      items: await searchSchools(app.db, { q: request.query.q, limit: request.query.limit ?? 20 }),
    }),
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
      const school = await requireSchoolAdmin(app.db, request, request.params.id);
      void reply.header('cache-control', 'no-store');
      return { school, members: (await listSchoolMembers(app.db, school.id)).map(member) };
    },
  );

  async function decide(request: FastifyRequest, schoolId: string, userId: string, outcome: 'approved' | 'rejected') {
    const user = request.user!;
    return app.db.transaction(async (tx) => {
      const school = await requireSchoolAdmin(tx, request, schoolId);
      const before = await lockSchoolMember(tx, schoolId, userId);
      if (!before) throw Errors.membershipNotFound();
      // School admins decide on teachers; school admin memberships are an administrator's business.
      if (before.role !== 'teacher' && user.role !== 'admin') throw Errors.notYourSchool();
      if (before.status !== 'pending') throw Errors.membershipNotPending(before.status);
      const decided = await decideSchoolMember(tx, { schoolId, userId }, { status: outcome, decidedBy: user.id });
      const after = { ...before, ...decided };
      await recordAudit(tx, request.actor, {
        action: outcome === 'approved' ? 'school_member.approve' : 'school_member.reject',
        entityType: 'school_member',
        entityId: `${schoolId}:${userId}`,
        adcode: school.adcode,
        before: member(before),
        after: member(after),
      });
      await enqueueMessage(
        tx,
        before.email,
        membershipReviewedMessage({ recipientName: before.displayName, school, outcome }),
      );
      return member(after);
    });
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
    async (request) => decide(request, request.params.id, request.params.userId, 'approved'),
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
    async (request) => decide(request, request.params.id, request.params.userId, 'rejected'),
  );
};

export default schoolRoutes;
