import { bookingCalendarPath } from './booking-calendar.ts';
import { bilingual, shanghaiTime } from './message.ts';

/**
 * The day-before reminder of a confirmed booking (server/services/booking-upkeep.ts), with its code and
 * a link to its calendar file. The date is written out, not "tomorrow": a booking made late in the day
 * before is reminded at once.
 */
export function bookingReminderMessage(input: {
  recipientName: string;
  booking: { id: string; code: string; places: number };
  venueName: string;
  slotTitle: string | null;
  startsAt: Date;
  /** The site's address (PUBLIC_URL) the calendar link starts with; the bare path without it. */
  publicUrl?: string | undefined;
}) {
  const { booking, venueName } = input;
  const when = shanghaiTime(input.startsAt);
  const path = bookingCalendarPath(booking);
  const link = `${input.publicUrl ?? ''}${path}`;
  const what = input.slotTitle ? `${venueName}「${input.slotTitle}」` : venueName;
  return bilingual(
    'booking_reminder',
    {
      zh: {
        subject: `行前提醒：${venueName} ${when.zh}`,
        lines: [
          `${input.recipientName}，您好：`,
          `提醒您：您预约的 ${what} 将于 ${when.zh}（北京时间）开始，共 ${booking.places} 人。`,
          `预约码：${booking.code}（入场时出示）`,
          `加入日历：${link}`,
          '如不能前往，请尽早取消，把名额留给候补的家庭和学校。',
        ],
      },
      en: {
        subject: `Reminder: ${venueName}, ${when.en}`,
        lines: [
          `A reminder: your booking at ${input.slotTitle ? `${venueName} (${input.slotTitle})` : venueName} for ${booking.places} starts on ${when.en} (Beijing time).`,
          `Show this code at the door: ${booking.code}`,
          `Add it to your calendar: ${link}`,
          'If you cannot come, please cancel early so others on the waitlist can take the places.',
        ],
      },
    },
    { booking_id: booking.id, code: booking.code, calendar_path: path },
  );
}
