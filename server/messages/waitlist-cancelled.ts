import { bilingual, shanghaiTime } from './message.ts';

/** A venue cancelled a slot: whoever waited for places in it is told the waitlist is closed. */
export function waitlistCancelledMessage(input: {
  recipientName: string;
  entry: { id: string; places: number };
  venueName: string;
  startsAt: Date;
  reason: string;
}) {
  const { entry, venueName, reason } = input;
  const when = shanghaiTime(input.startsAt);
  return bilingual(
    'waitlist_cancelled',
    {
      zh: {
        subject: `${venueName} ${when.zh} 的场次已取消`,
        lines: [
          `${input.recipientName}，您好：`,
          `很抱歉，${venueName} ${when.zh}（北京时间）的场次已被场馆取消，您的候补（${entry.places} 人）随之取消。`,
          `原因：${reason}`,
        ],
      },
      en: {
        subject: `Cancelled: ${venueName}, ${when.en}`,
        lines: [
          `Sorry: ${venueName} cancelled the slot of ${when.en} (Beijing time); your place on its waitlist (${entry.places}) is cancelled with it.`,
          `Reason: ${reason}`,
        ],
      },
    },
    { waitlist_entry_id: entry.id },
  );
}
