import { bilingual, reasonLines, shanghaiTime } from './message.ts';
import { bookingCalendarPath, calendarLine } from './booking-calendar.ts';

/** The booker hears the venue's decision on their request: approved, or declined with a reason. */
export function bookingDecidedMessage(input: {
  recipientName: string;
  booking: { id: string; code: string; places: number };
  outcome: 'confirmed' | 'declined';
  reason: string | null;
  venueName: string;
  startsAt: Date;
}) {
  const { booking, venueName } = input;
  const when = shanghaiTime(input.startsAt);
  const calendar = calendarLine(booking);
  const approved = input.outcome === 'confirmed';
  return bilingual(
    approved ? 'booking_approved' : 'booking_declined',
    {
      zh: {
        subject: approved ? `预约已确认：${venueName} ${when.zh}` : `预约未获批准：${venueName} ${when.zh}`,
        lines: [
          `${input.recipientName}，您好：`,
          approved
            ? `${venueName} 已批准您 ${when.zh}（北京时间）的 ${booking.places} 人预约。预约码：${booking.code}`
            : `很抱歉，${venueName} 未批准您 ${when.zh}（北京时间）的预约申请（${booking.code}），名额已释放。`,
          ...reasonLines(input.reason, '说明：'),
          calendar.zh,
        ],
      },
      en: {
        subject: approved ? `Approved: ${venueName}, ${when.en}` : `Declined: ${venueName}, ${when.en}`,
        lines: [
          approved
            ? `${venueName} approved your booking for ${booking.places} on ${when.en} (Beijing time). Code: ${booking.code}`
            : `Sorry: ${venueName} declined your request ${booking.code} for ${when.en} (Beijing time).`,
          ...reasonLines(input.reason, 'Note: '),
          calendar.en,
        ],
      },
    },
    { booking_id: booking.id, code: booking.code, calendar_path: bookingCalendarPath(booking), status: input.outcome },
  );
}
