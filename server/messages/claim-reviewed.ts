import { bilingual, reasonLines } from './message.ts';

/** The bureau's decision on a claim of a venue, told to the claimant. */
export function claimReviewedMessage(input: {
  recipientName: string;
  claim: { id: string; venueId: string };
  venueName: string;
  outcome: 'approved' | 'rejected';
  reason: string | null;
}) {
  const { claim, venueName, outcome, reason } = input;
  const approved = outcome === 'approved';
  return bilingual(
    'claim_reviewed',
    {
      zh: {
        subject: `认领「${venueName}」${approved ? '已通过' : '未通过'}`,
        lines: [
          `${input.recipientName}，您好：`,
          `您对「${venueName}」的认领${approved ? '已通过，您的机构现在管理该场馆' : '未通过'}。`,
          ...reasonLines(reason, '原因：'),
        ],
      },
      en: {
        subject: `Your claim of ${venueName}`,
        lines: [
          `Your claim of ${venueName} ${approved ? 'was approved: your organisation now manages the venue' : 'was not approved'}.`,
          ...reasonLines(reason, 'Reason: '),
        ],
      },
    },
    { claim_id: claim.id, venue_id: claim.venueId, outcome, reason },
  );
}
