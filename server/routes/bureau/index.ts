import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { pendingClaims } from '../../../db/queries/claims.ts';
import { regionNames } from '../../../db/queries/districts.ts';
import { pendingSchoolClaims, pendingSchools, schoolRecordsByIds } from '../../../db/queries/schools.ts';
import { pendingVenues } from '../../../db/queries/venues.ts';
import { PROVINCE_NAMES_EN } from '../../../domain/provinces.ts';
import { regionOf } from '../../auth/access.ts';
import { runCommand } from '../../commands/actor.ts';
import { decideClaim, OTHER_CLAIM_APPROVED, type DecideClaimInput } from '../../commands/decide-claim.ts';
import { reviewVenue, type ReviewVenueInput } from '../../commands/review-venue.ts';
import { presentQueuedVenue, presentVenueReview } from '../../presenters/bureau-venue.ts';
import { presentClaimDecision, presentQueuedClaim } from '../../presenters/claim.ts';
import { presentQueuedSchoolClaim, presentSchool } from '../../presenters/school.ts';
import { errorResponses } from '../../schemas/common.ts';
import { invalidateVenueTiles } from '../../services/tile-cache.ts';
import { ClaimDecision, IdParams, Queue, ReasonBody, Region, VenueReview } from './schema.ts';
import { BUREAU } from './shared.ts';
import bureauSchoolRoutes from './schools.ts';
import suspensionRoutes from './suspensions.ts';

/** The bureau's review queue and its decisions on new venues and on claims of existing ones. */
const bureauRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/bureau/queue',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: "New venues and schools, and claims of them, waiting for the bureau's decision, oldest first",
        description: "A bureau sees its region's (adcode prefix); an admin sees every region.",
        operationId: 'getBureauQueue',
        response: { 200: Queue, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const region = regionOf(request.user!);
      const [venues, claims, schools, schoolClaims] = await Promise.all([
        pendingVenues(app.db, region),
        pendingClaims(app.db, region),
        pendingSchools(app.db, region),
        pendingSchoolClaims(app.db, region),
      ]);
      const claimedSchools = await schoolRecordsByIds(app.db, [...new Set(schoolClaims.map((c) => c.schoolId))]);
      void reply.header('cache-control', 'no-store');
      return {
        venues: venues.map(presentQueuedVenue),
        claims: claims.map(presentQueuedClaim),
        schools: schools.map((school) => presentSchool(school, 'full')),
        school_claims: schoolClaims.map((claim) =>
          presentQueuedSchoolClaim(claim, claimedSchools.get(claim.schoolId)!),
        ),
      };
    },
  );

  app.get(
    '/api/bureau/region',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'The region the caller oversees, by name',
        description:
          "A bureau's adcode prefix with the division's name from the shipped division codes (and its English name " +
          'when it is a province); an admin oversees every region (prefix "", no name).',
        operationId: 'getBureauRegion',
        response: { 200: Region, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const user = request.user!;
      const prefix = user.role === 'admin' ? '' : user.regionPrefix;
      if (!prefix) return { prefix, name_zh: null, name_en: null };
      const names = await regionNames(app.db, prefix);
      return {
        prefix,
        name_zh: names?.join(' ') ?? null,
        name_en: (prefix.length === 2 && PROVINCE_NAMES_EN[prefix]) || null,
      };
    },
  );

  async function reviewRequest(request: FastifyRequest, input: ReviewVenueInput) {
    const venue = await runCommand(app.db, reviewVenue, request.actor, input);
    invalidateVenueTiles(app);
    return presentVenueReview(venue);
  }

  app.post(
    '/api/bureau/venues/:id/approve',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Verify a pending venue: it is published at once',
        description:
          "The venue becomes verified and published (in search, tiles and what's on immediately); its organisation's members are told through the outbox.",
        operationId: 'approveVenue',
        params: IdParams,
        response: { 200: VenueReview, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => reviewRequest(request, { venueId: request.params.id, outcome: 'approved', reason: null }),
  );

  app.post(
    '/api/bureau/venues/:id/reject',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Reject a pending venue with a reason',
        description:
          'The venue stays unpublished; the reason is kept as its review note and sent to its organisation through the outbox.',
        operationId: 'rejectVenue',
        params: IdParams,
        body: ReasonBody,
        response: { 200: VenueReview, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      reviewRequest(request, { venueId: request.params.id, outcome: 'rejected', reason: request.body.reason.trim() }),
  );

  app.post(
    '/api/bureau/venues/:id/verify',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Mark a listed venue verified: one imported or claimed that no one had reviewed',
        description:
          'For an unverified venue only (a pending one is approved from the queue: 409 VENUE_NOT_UNVERIFIED otherwise). ' +
          "Its publication is unchanged; its organisation's members are told through the outbox. Audited as venue.verify.",
        operationId: 'verifyVenue',
        params: IdParams,
        response: { 200: VenueReview, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => reviewRequest(request, { venueId: request.params.id, outcome: 'verified', reason: null }),
  );

  async function claimRequest(request: FastifyRequest, input: DecideClaimInput) {
    return presentClaimDecision(await runCommand(app.db, decideClaim, request.actor, input));
  }

  app.post(
    '/api/bureau/claims/:id/approve',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: "Approve a claim: the claimant's organisation manages the venue from now on",
        description: `Other pending claims of the venue are rejected ("${OTHER_CLAIM_APPROVED}"); every claimant is told through the outbox.`,
        operationId: 'approveClaim',
        params: IdParams,
        response: { 200: ClaimDecision, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => claimRequest(request, { claimId: request.params.id, outcome: 'approved', reason: null }),
  );

  app.post(
    '/api/bureau/claims/:id/reject',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Reject a claim with a reason',
        description: 'The claimant is told the reason through the outbox.',
        operationId: 'rejectClaim',
        params: IdParams,
        body: ReasonBody,
        response: { 200: ClaimDecision, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      claimRequest(request, { claimId: request.params.id, outcome: 'rejected', reason: request.body.reason.trim() }),
  );

  await app.register(suspensionRoutes);
  await app.register(bureauSchoolRoutes);
};

export default bureauRoutes;
