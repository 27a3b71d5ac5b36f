import type { Db } from '../../db/client.ts';
import { lockProgrammeForReview, setProgrammeReview } from '../../db/queries/programmes.ts';
import { requireRegion } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { venueReviewedMessage } from '../messages/venue-reviewed.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { tellVenuePeople } from './tell-venue.ts';

/** Suspend with the reason (§12), or lift the suspension with a note saying why (both kept in the audit log). */
export type ProgrammeSuspensionInput =
  | { programmeId: string; action: 'suspend'; reason: string }
  | { programmeId: string; action: 'reinstate'; note: string };

/**
 * The bureau of the venue's district suspends a programme that breaks the rules, or lifts the
 * suspension (it is published again). Its slots leave what's on at once; the venue's people are told
 * why, and on reinstatement the bureau's note. Audited, the note too.
 */
export async function setProgrammeSuspension(tx: Db, actor: SignedInActor, input: ProgrammeSuspensionInput) {
  const suspend = input.action === 'suspend';
  const note = input.action === 'reinstate' ? input.note : null;
  const before = await lockProgrammeForReview(tx, input.programmeId);
  if (!before) throw Errors.programmeNotFound();
  requireRegion(actor.user, before.adcode);
  if (suspend && before.status === 'suspended') throw Errors.alreadySuspended('programme');
  if (!suspend && before.status !== 'suspended') throw Errors.notSuspended('programme', before.status);
  const changed = await setProgrammeReview(
    tx,
    before.id,
    suspend ? { status: 'suspended', reviewNote: input.reason } : { status: 'published', reviewNote: null },
  );
  const snapshot = (p: { status: string; reviewNote: string | null }) => ({
    status: p.status,
    review_note: p.reviewNote,
    venue_id: before.venueId,
  });
  await recordAudit(tx, actor, {
    action: suspend ? 'programme.suspend' : 'programme.reinstate',
    entityType: 'programme',
    entityId: before.id,
    adcode: before.adcode,
    before: snapshot(before),
    after: { ...snapshot(changed), ...(note ? { note } : {}) },
  });
  await tellVenuePeople(tx, before, (recipientName) =>
    venueReviewedMessage({
      recipientName,
      venue: { id: before.venueId, name: before.venueName },
      programme: { id: before.id, title: before.titleZh },
      outcome: suspend ? 'suspended' : 'reinstated',
      reason: suspend ? input.reason : null,
      note,
    }),
  );
  return { ...before, status: changed.status, reviewNote: changed.reviewNote };
}
