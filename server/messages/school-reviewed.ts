import { bilingual, reasonLines } from './message.ts';

const OUTCOMES = {
  verified: [
    '已通过教育部门审核',
    'was verified by the education bureau',
    '学校教师现在可以使用绿色通道预约团体参观。',
    "The school's confirmed teachers can now book group visits through the green channel.",
  ],
  rejected: [
    '未通过教育部门审核',
    'was not verified by the education bureau',
    '请根据原因修改学校信息后重新提交。',
    'Correct the school’s details and it goes back to the bureau.',
  ],
  returned: [
    '需要重新审核',
    'goes back to the education bureau for review',
    '学校信息有重要变更，审核通过前教师暂不能使用绿色通道。',
    'An important detail changed; until the bureau verifies it again, its teachers cannot use the green channel.',
  ],
} as const;

export type SchoolReviewOutcome = keyof typeof OUTCOMES;

/** The bureau's decision on a school (or its return to review after a change), told to its school admins. */
export function schoolReviewedMessage(input: {
  recipientName: string;
  school: { id: string; name: string };
  outcome: SchoolReviewOutcome;
  reason: string | null;
}) {
  const { school, outcome, reason } = input;
  const [zh, en, zhNext, enNext] = OUTCOMES[outcome];
  return bilingual(
    'school_reviewed',
    {
      zh: {
        subject: `「${school.name}」${zh}`,
        lines: [
          `${input.recipientName}，您好：`,
          `「${school.name}」${zh}。`,
          ...reasonLines(reason, '原因：'),
          zhNext,
        ],
      },
      en: {
        subject: `The school ${school.name} ${en}`,
        lines: [`The school ${school.name} ${en}.`, ...reasonLines(reason, 'Reason: '), enNext],
      },
    },
    { school_id: school.id, outcome, reason },
  );
}
