import { bilingual, reasonLines } from './message.ts';

/** The bureau's decision on a claim of a school, told to the claimant. */
export function schoolClaimReviewedMessage(input: {
  recipientName: string;
  claim: { id: string; schoolId: string };
  schoolName: string;
  outcome: 'approved' | 'rejected';
  reason: string | null;
}) {
  const { claim, schoolName, outcome, reason } = input;
  const approved = outcome === 'approved';
  return bilingual(
    'school_claim_reviewed',
    {
      zh: {
        subject: `认领「${schoolName}」${approved ? '已通过' : '未通过'}`,
        lines: [
          `${input.recipientName}，您好：`,
          `您对「${schoolName}」的认领${approved ? '已通过，您现在是该校的学校管理员' : '未通过'}。`,
          ...reasonLines(reason, '原因：'),
        ],
      },
      en: {
        subject: `Your claim of ${schoolName}`,
        lines: [
          `Your claim of ${schoolName} ${approved ? 'was approved: you are now one of its school admins' : 'was not approved'}.`,
          ...reasonLines(reason, 'Reason: '),
        ],
      },
    },
    { claim_id: claim.id, school_id: claim.schoolId, outcome, reason },
  );
}
