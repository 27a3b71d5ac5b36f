import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { schoolTrips } from '../../../db/queries/bookings.ts';
import { findSchools, getSchoolRecord, listSchoolMembers } from '../../../db/queries/schools.ts';
import { parseLngLat } from '../../../domain/geo.ts';
import { requireSchoolAdmin, seesSchoolInFull } from '../../auth/ownership.ts';
import { runCommand } from '../../commands/actor.ts';
import { decideMembership, type DecideMembershipInput } from '../../commands/decide-membership.ts';
import { Errors } from '../../errors.ts';
import { presentBooking } from '../../presenters/booking.ts';
import { presentSchool, presentSchoolMember, presentSchoolSummary } from '../../presenters/school.ts';
import { errorResponses } from '../../schemas/common.ts';
import {
  MemberParams,
  SchoolList,
  SchoolMember,
  SchoolMemberList,
  SchoolParams,
  SchoolSearchQuery,
  SchoolTripList,
  SchoolTripsQuery,
} from './schema.ts';

const SCHOOL_ADMINS = { access: { roles: ['school_admin', 'admin'] } } as const;

/** Schools: the sign-up picker, one school, school admins approving the teachers who join, and the school's trips. */
const schoolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/schools',
    {
      schema: {
        tags: ['schools'],
        summary: 'Find a school by name or near a point (the teacher sign-up picker)',
        description:
          'Pending and verified schools, never rejected ones; each says its verification_status, so the picker can say a school is still waiting for its bureau.',
        operationId: 'searchSchools',
        querystring: SchoolSearchQuery,
        response: { 200: SchoolList, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { query } = request;
      const near = query.near === undefined ? undefined : parseLngLat(query.near);
      if (query.near !== undefined && !near) throw Errors.invalidNear();
      const schools = await findSchools(app.db, { q: query.q, near, limit: query.limit ?? 20 });
      return { items: schools.map((school) => presentSchool(school)) };
    },
  );

  app.get(
    '/api/schools/:id',
    {
      schema: {
        tags: ['schools'],
        summary: 'One school',
        description:
          "The public form for anyone; the full form (contact, pupil count, the bureau's review note) for the school's approved admins, the bureau of its region and admins. A rejected school is shown only to them.",
        operationId: 'getSchool',
        params: SchoolParams,
        response: { 200: Type.Union([Type.Ref('School'), Type.Ref('PublicSchool')]), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const school = await getSchoolRecord(app.db, request.params.id);
      if (!school) throw Errors.schoolNotFound();
      const full = await seesSchoolInFull(app.db, request.user, school);
      if (!full && school.verificationStatus === 'rejected') throw Errors.schoolNotFound();
      void reply.header('cache-control', request.user ? 'private, no-store' : 'no-cache');
      return presentSchool(school, full ? 'full' : 'public');
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
      return { school: presentSchoolSummary(school), members: members.map(presentSchoolMember) };
    },
  );

  app.get(
    '/api/schools/:id/bookings',
    {
      config: SCHOOL_ADMINS,
      schema: {
        tags: ['schools'],
        summary: "A school's trips: its teachers' group bookings, coming or past",
        description:
          "For the school's approved school admins and for admins: every group booking made for the school, with the " +
          'teacher who made it (`booker`), the class (grade, pupils, adults), the venue, the time and the status.',
        operationId: 'listSchoolBookings',
        params: SchoolParams,
        querystring: SchoolTripsQuery,
        response: { 200: SchoolTripList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const school = await requireSchoolAdmin(app.db, request.user!, request.params.id);
      const { when = 'coming', limit = 100 } = request.query;
      const rows = await schoolTrips(app.db, school.id, { when, now: new Date(), limit });
      void reply.header('cache-control', 'no-store');
      return { school: presentSchoolSummary(school), items: rows.map((row) => presentBooking(row, 'school')) };
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
