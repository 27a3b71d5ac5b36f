import { bilingual, reasonLines } from './message.ts';

const OUTCOMES = {
  approved: ['已通过审核并公开', 'was verified and is now public'],
  rejected: ['未通过审核', 'was not verified'],
  suspended: ['已被暂停展示', 'was suspended and is hidden from the public'],
  reinstated: ['已恢复', 'was reinstated'],
  verified: ['已由教育局核实', 'was verified by the education bureau'],
  returned: ['已修改，待教育局重新审核', 'was changed and waits for the education bureau to verify it again'],
} as const;

export type ReviewOutcome = keyof typeof OUTCOMES;

/** The bureau's decision on a venue, or on one of its programmes, told to the venue's people. */
export function venueReviewedMessage(input: {
  recipientName: string;
  venue: { id: string; name: string };
  /** Set when the decision concerns one programme of the venue. */
  programme?: { id: string; title: string } | undefined;
  outcome: ReviewOutcome;
  reason: string | null;
  /** What the bureau adds to a decision that needs no reason, e.g. why a suspension was lifted. */
  note?: string | null;
}) {
  const { venue, programme, outcome, reason, note = null } = input;
  const [zh, en] = OUTCOMES[outcome];
  const what = programme ? `「${venue.name}」的活动「${programme.title}」` : `「${venue.name}」`;
  const whatEn = programme ? `The programme "${programme.title}" of ${venue.name}` : `The venue ${venue.name}`;
  return bilingual(
    programme ? 'programme_reviewed' : 'venue_reviewed',
    {
      zh: {
        subject: `${what}${zh}`,
        lines: [
          `${input.recipientName}，您好：`,
          `${what}${zh}。`,
          ...reasonLines(reason, '原因：'),
          ...reasonLines(note, '说明：'),
        ],
      },
      en: {
        subject: `${whatEn} ${en}`,
        lines: [`${whatEn} ${en}.`, ...reasonLines(reason, 'Reason: '), ...reasonLines(note, 'Note: ')],
      },
    },
    {
      venue_id: venue.id,
      outcome,
      reason,
      ...(note ? { note } : {}),
      ...(programme ? { programme_id: programme.id } : {}),
    },
  );
}
