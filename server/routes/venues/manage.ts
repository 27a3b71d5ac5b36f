import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { organisationClaims } from '../../../db/queries/claims.ts';
import { userOrganisationIds } from '../../../db/queries/users.ts';
import { organisationVenues, venueRecord } from '../../../db/queries/venues.ts';
import { requireVenueManager } from '../../auth/ownership.ts';
import { runCommand } from '../../commands/actor.ts';
import { claimVenue } from '../../commands/claim-venue.ts';
import { createVenue } from '../../commands/create-venue.ts';
import { updateVenue } from '../../commands/update-venue.ts';
import { presentOwnClaim, presentSubmittedClaim } from '../../presenters/claim.ts';
import { presentManagedVenue, presentVenueRecord } from '../../presenters/venue.ts';
import { errorResponses } from '../../schemas/common.ts';
import { VenueIdParams } from '../../schemas/venue-console.ts';
import { CreateVenueBody, PatchVenueBody } from '../../schemas/venue-fields.ts';
import { invalidateVenueTiles } from '../../services/tile-cache.ts';
import { Claim, ClaimBody, ManagedVenueList, OwnClaimList, VenueRecord } from './manage-schema.ts';

const MANAGERS = { access: { roles: ['venue_manager', 'admin'] } } as const;

/**
 * The venue console's API: create a venue (it waits for the bureau of its district), edit it, list
 * one's own venues, claim an existing one. Managers act on their organisations' venues only.
 */
const manageVenueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(VenueRecord);

  app.get(
    '/api/manage/venues',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: "The venues of the caller's organisations, whatever their status",
        operationId: 'listManagedVenues',
        response: { 200: ManagedVenueList, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const organisations = await userOrganisationIds(app.db, request.user!.id);
      const rows = await organisationVenues(app.db, organisations);
      return { items: rows.map(presentManagedVenue) };
    },
  );

  app.get(
    '/api/manage/claims',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: "Claims of listed venues made for the caller's organisations, newest first (at most 50)",
        description:
          "Waiting ones while the bureau of the venue's district decides, then approved (the venue is in `GET /api/manage/venues`) or rejected with the reason.",
        operationId: 'listOwnClaims',
        response: { 200: OwnClaimList, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const organisations = await userOrganisationIds(app.db, request.user!.id);
      void reply.header('cache-control', 'no-store');
      return { items: (await organisationClaims(app.db, organisations)).map(presentOwnClaim) };
    },
  );

  app.get(
    '/api/manage/venues/:id',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: 'A venue as its managers edit it, drafts and suspended ones included',
        operationId: 'getManagedVenue',
        params: VenueIdParams,
        response: { 200: Type.Ref('VenueRecord'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await requireVenueManager(app.db, request.user!, request.params.id);
      return presentVenueRecord((await venueRecord(app.db, request.params.id))!);
    },
  );

  app.post(
    '/api/venues',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: 'Create a venue; it stays a draft until the bureau of its district approves it',
        description:
          '`lng`/`lat` are in `crs` (default wgs84; Amap and Tencent give gcj02, Baidu bd09) and are stored as WGS-84. ' +
          'Without `adcode` the district is found from the point; a given `adcode` must agree with the point at the level the shipped ' +
          'boundaries have (400 ADCODE_MISMATCH).',
        operationId: 'createVenue',
        body: CreateVenueBody,
        response: { 201: Type.Ref('VenueRecord'), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const created = await runCommand(app.db, createVenue, request.actor, request.body);
      return reply.code(201).send(presentVenueRecord(created));
    },
  );

  app.patch(
    '/api/venues/:id',
    {
      config: MANAGERS,
      schema: {
        tags: ['venue console'],
        summary: "Edit a venue's profile; moving the point marks it checked",
        description:
          'Send only the fields that change; null clears an optional one. `lng`/`lat` (in `crs`, default wgs84) move the point: ' +
          'a manager placing it on the true entrance makes it exact (`coord_precision` high, `location_checked_at` set). ' +
          'The district follows the point (a given `adcode` that does not agree with it: 400 ADCODE_MISMATCH). ' +
          'A verified venue renamed, put in another district or moved more than 500 m goes back to the bureau ' +
          "(`verification_status` pending, with a review note), and both districts' bureaus see the audit entry. " +
          'A suspended venue cannot be moved (409 VENUE_SUSPENDED).',
        operationId: 'updateVenue',
        params: VenueIdParams,
        body: PatchVenueBody,
        response: { 200: Type.Ref('VenueRecord'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const input = { venueId: request.params.id, changes: request.body };
      const updated = await runCommand(app.db, updateVenue, request.actor, input);
      invalidateVenueTiles(app);
      return presentVenueRecord(updated);
    },
  );

  app.post(
    '/api/venues/:id/claims',
    {
      config: { access: { roles: ['venue_manager'] } },
      schema: {
        tags: ['venue console'],
        summary: 'Claim an existing venue for your organisation; the bureau of its district decides',
        operationId: 'claimVenue',
        params: VenueIdParams,
        body: ClaimBody,
        response: { 201: Claim, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const input = { venueId: request.params.id, evidence: request.body.evidence };
      const claim = await runCommand(app.db, claimVenue, request.actor, input);
      return reply.code(201).send(presentSubmittedClaim(claim));
    },
  );
};

export default manageVenueRoutes;
