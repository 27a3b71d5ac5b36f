import { bilingual } from './message.ts';

/** A school admin's decision on a teacher's membership, told to the teacher. */
export function membershipReviewedMessage(input: {
  recipientName: string;
  school: { id: string; name: string };
  outcome: 'approved' | 'rejected';
}) {
  const { school, outcome } = input;
  const approved = outcome === 'approved';
  return bilingual(
    'membership_reviewed',
    {
      zh: {
        subject: `${school.name}：${approved ? '已确认您的教师身份' : '未确认您的教师身份'}`,
        lines: [
          `${input.recipientName}，您好：`,
          approved
            ? `${school.name} 已确认您的教师身份，您现在可以为学校预约团体参观。`
            : `${school.name} 未确认您的教师身份。如有疑问，请联系学校管理员。`,
        ],
      },
      en: {
        subject: `Your membership of ${school.name}`,
        lines: [
          approved
            ? `${school.name} approved your membership: you can now book group visits for the school.`
            : `${school.name} did not approve your membership. Ask the school's administrator if this is a mistake.`,
        ],
      },
    },
    { school_id: school.id, outcome },
  );
}
