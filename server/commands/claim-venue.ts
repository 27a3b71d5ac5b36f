import type { Db } from '../../db/client.ts';
import { insertPendingClaim } from '../../db/queries/claims.ts';
import { userOrganisationIds } from '../../db/queries/users.ts';
import { venueOwnership } from '../../db/queries/venues.ts';
import { Errors } from '../errors.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';

export interface ClaimVenueInput {
  venueId: string;
  /** What proves the claimant speaks for the venue (job title, official letter number, phone). */
  evidence: string;
}

/**
 * A venue manager claims an existing listed venue for their organisation; the claim waits for the bureau
 * of the venue's district. Only a published venue can be claimed: a draft or a suspended one answers
 * VENUE_NOT_FOUND, as if unknown, so another organisation's draft is neither claimed nor revealed by its
 * id. None for a venue the organisation already runs (ALREADY_MANAGED) or another one runs
 * (VENUE_ALREADY_MANAGED). One pending claim per claimant and venue (CLAIM_EXISTS). Audited.
 */
export async function claimVenue(tx: Db, actor: SignedInActor, input: ClaimVenueInput) {
  const organisationId = (await userOrganisationIds(tx, actor.user.id))[0];
  if (!organisationId) throw Errors.noOrganisation();
  const venue = await venueOwnership(tx, input.venueId);
  if (!venue || venue.status !== 'published') throw Errors.venueNotFound();
  if (venue.organisationId === organisationId) throw Errors.alreadyManaged();
  if (venue.organisationId !== null) throw Errors.venueAlreadyManaged();
  const claim = await insertPendingClaim(tx, {
    venueId: venue.id,
    userId: actor.user.id,
    organisationId,
    evidence: input.evidence.trim(),
  });
  if (!claim) throw Errors.claimExists();
  await recordAudit(tx, actor, {
    action: 'claim.create',
    entityType: 'venue_claim',
    entityId: claim.id,
    adcode: venue.adcode,
    after: { venue_id: venue.id, organisation_id: organisationId, evidence: claim.evidence },
  });
  return claim;
}
