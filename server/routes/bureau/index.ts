import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { pendingVenues } from '../../../db/queries/manage-venues.ts';
import {
  decideClaim,
  findClaim,
  lockClaim,
  lockVenueForReview,
  pendingClaims,
  rejectOtherClaims,
  setVenueReview,
} from '../../../db/queries/review.ts';
import { requireRegion } from '../../auth/ownership.ts';
import { Errors } from '../../errors.ts';
import { errorResponses } from '../../schemas/common.ts';
import { recordAudit } from '../../services/audit.ts';
import { invalidateVenueTiles } from '../../services/tile-cache.ts';
import { noticeClaimDecided, noticeVenueReviewed } from './notices.ts';
import { ClaimDecision, IdParams, Queue, ReasonBody, VenueReview } from './schema.ts';
import { BUREAU, venueReview } from './shared.ts';
import suspensionRoutes from './suspensions.ts';

/** Another pending claim of a venue is rejected with this reason when one is approved. */
export const OTHER_CLAIM_APPROVED = 'another claim was approved';

/** The bureau's review queue and its decisions on new venues and on claims of existing ones. */
const bureauRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/bureau/queue',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: "New venues and venue claims waiting for the bureau's decision, oldest first",
        description: "A bureau sees its region's (adcode prefix); an admin sees every region.",
        operationId: 'getBureauQueue',
        response: { 200: Queue, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const region = user.role === 'admin' ? '' : (user.regionPrefix ?? '\u0000');
      const [venues, claims] = await Promise.all([pendingVenues(app.db, region), pendingClaims(app.db, region)]);
      void reply.header('cache-control', 'no-store');
      return {
        venues: venues.map((v) => ({
          id: v.id,
          name: v.nameZh,
          adcode: v.adcode,
          district_name: v.districtName,
          address: v.addressZh,
          kinds: v.kinds as Queue['venues'][number]['kinds'],
          organisation_name: v.organisationName,
          lng: v.lng,
          lat: v.lat,
          created_at: v.createdAt.toISOString(),
        })),
        claims: claims.map((c) => ({
          id: c.id,
          venue: {
            id: c.venueId,
            name: c.venueName,
            adcode: c.adcode,
            status: c.venueStatus as Queue['claims'][number]['venue']['status'],
            verification_status: c.verificationStatus as Queue['claims'][number]['venue']['verification_status'],
            managed: c.currentOrganisationId !== null,
          },
          claimant: { id: c.claimantId, display_name: c.claimantName, email: c.claimantEmail },
          organisation: { id: c.organisationId, name: c.organisationName },
          evidence: c.evidence,
          created_at: c.createdAt.toISOString(),
        })),
      };
    },
  );

  /** Decides a pending venue in one transaction: review columns, audit entry, notices. */
  async function decideVenue(
    request: FastifyRequest,
    id: string,
    outcome: 'approved' | 'rejected',
    reason: string | null,
  ): Promise<VenueReview> {
    const user = request.user!;
    const after = await app.db.transaction(async (tx) => {
      const before = await lockVenueForReview(tx, id);
      if (!before) throw Errors.venueNotFound();
      requireRegion(user, before.adcode);
      if (before.verificationStatus !== 'pending') throw Errors.venueNotPending(before.verificationStatus);
      const changed = await setVenueReview(
        tx,
        id,
        outcome === 'approved'
          ? { verificationStatus: 'verified', status: 'published', reviewNote: null }
          : { verificationStatus: 'rejected', reviewNote: reason },
      );
      await recordAudit(tx, request, {
        action: outcome === 'approved' ? 'venue.approve' : 'venue.reject',
        entityType: 'venue',
        entityId: id,
        adcode: before.adcode,
        before: venueReview(before),
        after: venueReview(changed),
      });
      await noticeVenueReviewed(tx, changed, outcome, reason);
      return changed;
    });
    invalidateVenueTiles(app);
    return venueReview(after);
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
    async (request) => decideVenue(request, request.params.id, 'approved', null),
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
    async (request) => decideVenue(request, request.params.id, 'rejected', request.body.reason.trim()),
  );

  /** Decides a pending claim in one transaction; an approval hands the venue to the claim's organisation. */
  async function decideClaimRequest(
    request: FastifyRequest,
    id: string,
    outcome: 'approved' | 'rejected',
    reason: string | null,
  ): Promise<ClaimDecision> {
    const user = request.user!;
    return app.db.transaction(async (tx) => {
      // The venue is locked before the claim, as every decision on its claims does, so two approvals of
      // rival claims queue up instead of deadlocking; the second then finds its claim rejected.
      const found = await findClaim(tx, id);
      if (!found) throw Errors.claimNotFound();
      const venue = await lockVenueForReview(tx, found.venueId);
      if (!venue) throw Errors.claimNotFound();
      requireRegion(user, venue.adcode);
      const claim = (await lockClaim(tx, id))!;
      if (claim.status !== 'pending') throw Errors.claimNotPending(claim.status);
      const decided = await decideClaim(tx, id, { status: outcome, reason, decidedBy: user.id });
      await recordAudit(tx, request, {
        action: outcome === 'approved' ? 'claim.approve' : 'claim.reject',
        entityType: 'claim',
        entityId: id,
        adcode: venue.adcode,
        before: claimSnapshot(claim),
        after: claimSnapshot(decided),
      });
      await noticeClaimDecided(tx, decided, venue.nameZh, outcome, reason);
      let rejected: Awaited<ReturnType<typeof rejectOtherClaims>> = [];
      if (outcome === 'approved') {
        const managed = await setVenueReview(tx, venue.id, { organisationId: claim.organisationId });
        await recordAudit(tx, request, {
          action: 'venue.assign_organisation',
          entityType: 'venue',
          entityId: venue.id,
          adcode: venue.adcode,
          before: { organisation_id: venue.organisationId },
          after: { organisation_id: managed.organisationId, claim_id: id },
        });
        rejected = await rejectOtherClaims(tx, venue.id, id, { reason: OTHER_CLAIM_APPROVED, decidedBy: user.id });
        for (const other of rejected) {
          await recordAudit(tx, request, {
            action: 'claim.reject',
            entityType: 'claim',
            entityId: other.id,
            adcode: venue.adcode,
            before: { ...claimSnapshot(other), status: 'pending', reason: null, decided_by: null, decided_at: null },
            after: claimSnapshot(other),
          });
          await noticeClaimDecided(tx, other, venue.nameZh, 'rejected', OTHER_CLAIM_APPROVED);
        }
      }
      return {
        id: decided.id,
        venue_id: decided.venueId,
        organisation_id: decided.organisationId,
        status: decided.status as ClaimDecision['status'],
        reason: decided.reason,
        decided_at: decided.decidedAt?.toISOString() ?? null,
        rejected_claims: rejected.map((c) => c.id),
      };
    });
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
    async (request) => decideClaimRequest(request, request.params.id, 'approved', null),
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
    async (request) => decideClaimRequest(request, request.params.id, 'rejected', request.body.reason.trim()),
  );

  await app.register(suspensionRoutes);
};

function claimSnapshot(claim: Awaited<ReturnType<typeof decideClaim>>) {
  return {
    status: claim.status,
    reason: claim.reason,
    organisation_id: claim.organisationId,
    decided_by: claim.decidedBy,
    decided_at: claim.decidedAt?.toISOString() ?? null,
  };
}

export default bureauRoutes;
