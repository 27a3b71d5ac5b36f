import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  lockProgrammeForReview,
  lockVenueForReview,
  setProgrammeReview,
  setVenueReview,
} from '../../../db/queries/review.ts';
import { requireRegion } from '../../auth/ownership.ts';
import { Errors } from '../../errors.ts';
import { errorResponses } from '../../schemas/common.ts';
import { recordAudit } from '../../services/audit.ts';
import { invalidateVenueTiles } from '../../services/tile-cache.ts';
import { BUREAU, venueReview } from './shared.ts';
import { noticeVenueReviewed } from './notices.ts';
import { IdParams, ProgrammeReview, ReasonBody, VenueReview } from './schema.ts';

/**
 * Where a reinstated venue returns: public again if it was public before review mattered (verified, or
 * an unverified catalogue entry); a venue still waiting for or refused verification goes back to draft.
 */
const reinstatedStatus = (verificationStatus: string) =>
  verificationStatus === 'verified' || verificationStatus === 'unverified' ? 'published' : 'draft';

/**
 * Suspension (§12: e.g. out-of-school tutoring disguised as a study trip). A suspended venue or
 * programme vanishes from search, tiles and what's on at once; its managers are told why.
 */
const suspensionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function changeVenue(request: FastifyRequest, id: string, reason: string | null): Promise<VenueReview> {
    const suspend = reason !== null;
    const after = await app.db.transaction(async (tx) => {
      const before = await lockVenueForReview(tx, id);
      if (!before) throw Errors.venueNotFound();
      requireRegion(request.user!, before.adcode);
      if (suspend && before.status === 'suspended') throw Errors.alreadySuspended('venue');
      if (!suspend && before.status !== 'suspended') throw Errors.notSuspended('venue', before.status);
      const changed = await setVenueReview(
        tx,
        id,
        suspend
          ? { status: 'suspended', reviewNote: reason }
          : { status: reinstatedStatus(before.verificationStatus), reviewNote: null },
      );
      await recordAudit(tx, request, {
        action: suspend ? 'venue.suspend' : 'venue.reinstate',
        entityType: 'venue',
        entityId: id,
        adcode: before.adcode,
        before: venueReview(before),
        after: venueReview(changed),
      });
      await noticeVenueReviewed(tx, changed, suspend ? 'suspended' : 'reinstated', reason);
      return changed;
    });
    invalidateVenueTiles(app);
    return venueReview(after);
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
    async (request) => changeVenue(request, request.params.id, request.body.reason.trim()),
  );

  app.post(
    '/api/venues/:id/reinstate',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Lift a venue suspension',
        description:
          'A verified (or never-reviewed catalogue) venue is published again; one still pending or rejected returns to draft.',
        operationId: 'reinstateVenue',
        params: IdParams,
        response: { 200: VenueReview, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => changeVenue(request, request.params.id, null),
  );

  async function changeProgramme(request: FastifyRequest, id: string, reason: string | null): Promise<ProgrammeReview> {
    const suspend = reason !== null;
    return app.db.transaction(async (tx) => {
      const before = await lockProgrammeForReview(tx, id);
      if (!before) throw Errors.programmeNotFound();
      requireRegion(request.user!, before.adcode);
      if (suspend && before.status === 'suspended') throw Errors.alreadySuspended('programme');
      if (!suspend && before.status !== 'suspended') throw Errors.notSuspended('programme', before.status);
      const changed = await setProgrammeReview(
        tx,
        id,
        suspend ? { status: 'suspended', reviewNote: reason } : { status: 'published', reviewNote: null },
      );
      const snapshot = (p: { status: string; reviewNote: string | null }) => ({
        status: p.status,
        review_note: p.reviewNote,
      });
      await recordAudit(tx, request, {
        action: suspend ? 'programme.suspend' : 'programme.reinstate',
        entityType: 'programme',
        entityId: id,
        adcode: before.adcode,
        before: { ...snapshot(before), venue_id: before.venueId },
        after: { ...snapshot(changed), venue_id: before.venueId },
      });
      await noticeVenueReviewed(
        tx,
        {
          id: before.venueId,
          nameZh: before.venueName,
          organisationId: before.organisationId,
          createdBy: before.createdBy,
        },
        suspend ? 'suspended' : 'reinstated',
        reason,
        { programmeId: id, title: before.titleZh },
      );
      return {
        id,
        venue_id: before.venueId,
        title: before.titleZh,
        status: changed.status as ProgrammeReview['status'],
        review_note: changed.reviewNote,
      };
    });
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
    async (request) => changeProgramme(request, request.params.id, request.body.reason.trim()),
  );

  app.post(
    '/api/programmes/:id/reinstate',
    {
      config: BUREAU,
      schema: {
        tags: ['bureau'],
        summary: 'Lift a programme suspension: it is published again',
        operationId: 'reinstateProgramme',
        params: IdParams,
        response: { 200: ProgrammeReview, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => changeProgramme(request, request.params.id, null),
  );
};

export default suspensionRoutes;
