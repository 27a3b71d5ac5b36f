import type { Db } from '../../db/client.ts';
import { lockVenueForReview, setVenueReview, type VenueReviewState } from '../../db/queries/venues.ts';
import { requireRegion } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import type { SignedInActor } from './actor.ts';
import { recordVenueDecision } from './venue-decision.ts';

/** Suspend with the reason (§12), or lift the suspension with a note saying why (both kept in the audit log). */
export type VenueSuspensionInput =
  { venueId: string; action: 'suspend'; reason: string } | { venueId: string; action: 'reinstate'; note: string };

/**
 * Where a reinstated venue returns: public again if it was public before review mattered (verified, or
 * an unverified catalogue entry); a venue still waiting for or refused verification goes back to draft.
 */
const reinstatedStatus = (verificationStatus: string) =>
  verificationStatus === 'verified' || verificationStatus === 'unverified' ? 'published' : 'draft';

/**
 * The bureau of the venue's district suspends a venue that breaks the rules (§12: e.g. out-of-school
 * tutoring disguised as a study trip), or lifts the suspension. A suspended venue leaves search, tiles
 * and what's on at once; its people are told why, and on reinstatement the bureau's note. Audited, the
 * note too.
 */
export async function setVenueSuspension(
  tx: Db,
  actor: SignedInActor,
  input: VenueSuspensionInput,
): Promise<VenueReviewState> {
  const suspend = input.action === 'suspend';
  const before = await lockVenueForReview(tx, input.venueId);
  if (!before) throw Errors.venueNotFound();
  requireRegion(actor.user, before.adcode);
  if (suspend && before.status === 'suspended') throw Errors.alreadySuspended('venue');
  if (!suspend && before.status !== 'suspended') throw Errors.notSuspended('venue', before.status);
  const after = await setVenueReview(
    tx,
    before.id,
    suspend
      ? { status: 'suspended', reviewNote: input.reason }
      : { status: reinstatedStatus(before.verificationStatus), reviewNote: null },
  );
  await recordVenueDecision(
    tx,
    actor,
    suspend
      ? { action: 'venue.suspend', outcome: 'suspended', reason: input.reason }
      : { action: 'venue.reinstate', outcome: 'reinstated', reason: null, note: input.note },
    before,
    after,
  );
  return after;
}
