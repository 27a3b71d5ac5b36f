import type { Db } from '../../../db/client.ts';
import { getUser } from '../../../db/queries/accounts.ts';
import { venueContacts, type VenueReviewState } from '../../../db/queries/review.ts';
import { enqueueMessage } from '../../services/outbox.ts';

/** The bureau's decisions, told to the people they concern through the outbox (same transaction). */

const VENUE_OUTCOMES = {
  approved: ['已通过审核并公开', 'was verified and is now public'],
  rejected: ['未通过审核', 'was not verified'],
  suspended: ['已被暂停展示', 'was suspended and is hidden from the public'],
  reinstated: ['已恢复', 'was reinstated'],
} as const;

/** Tells a venue's organisation members (or its creator) what the bureau decided. */
export async function noticeVenueReviewed(
  db: Db,
  venue: Pick<VenueReviewState, 'id' | 'nameZh' | 'organisationId' | 'createdBy'>,
  outcome: keyof typeof VENUE_OUTCOMES,
  reason: string | null,
  subject: { programmeId: string; title: string } | undefined = undefined,
): Promise<void> {
  const [zh, en] = VENUE_OUTCOMES[outcome];
  const what = subject ? `「${venue.nameZh}」的活动「${subject.title}」` : `「${venue.nameZh}」`;
  const whatEn = subject ? `The programme "${subject.title}" of ${venue.nameZh}` : `The venue ${venue.nameZh}`;
  for (const contact of await venueContacts(db, venue)) {
    await enqueueMessage(db, {
      recipient: contact.email,
      topic: subject ? 'programme_reviewed' : 'venue_reviewed',
      subject: `${what}${zh} / ${whatEn} ${en}`,
      body: [
        `${contact.displayName}，您好：`,
        `${what}${zh}。`,
        ...(reason ? [`原因：${reason}`] : []),
        '',
        `${whatEn} ${en}.`,
        ...(reason ? [`Reason: ${reason}`] : []),
      ].join('\n'),
      data: {
        venue_id: venue.id,
        outcome,
        reason,
        ...(subject ? { programme_id: subject.programmeId } : {}),
      },
    });
  }
}

/** Tells a claimant whether their claim of a venue was approved. */
export async function noticeClaimDecided(
  db: Db,
  claim: { id: string; userId: string; venueId: string },
  venueName: string,
  outcome: 'approved' | 'rejected',
  reason: string | null,
): Promise<void> {
  const claimant = await getUser(db, claim.userId);
  if (!claimant) return;
  const zh = outcome === 'approved' ? '已通过，您的机构现在管理该场馆' : '未通过';
  const en = outcome === 'approved' ? 'was approved: your organisation now manages the venue' : 'was not approved';
  await enqueueMessage(db, {
    recipient: claimant.email,
    topic: 'claim_reviewed',
    subject: `认领「${venueName}」${outcome === 'approved' ? '已通过' : '未通过'} / Your claim of ${venueName}`,
    body: [
      `${claimant.displayName}，您好：`,
      `您对「${venueName}」的认领${zh}。`,
      ...(reason ? [`原因：${reason}`] : []),
      '',
      `Your claim of ${venueName} ${en}.`,
      ...(reason ? [`Reason: ${reason}`] : []),
    ].join('\n'),
    data: { claim_id: claim.id, venue_id: claim.venueId, outcome, reason },
  });
}
