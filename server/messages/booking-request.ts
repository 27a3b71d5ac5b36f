import { bilingual, shanghaiTime } from './message.ts';
import { bookingCalendarPath, calendarLine } from './booking-calendar.ts';

/** A venue's people hear of a request waiting for their approval, and until when it holds its places. */
export function bookingRequestMessage(input: {
  recipientName: string;
  booking: { id: string; code: string; places: number; pupils: number; schoolName: string | null; expiresAt: Date };
  venueName: string;
  startsAt: Date;
}) {
  const { booking, venueName } = input;
  const when = shanghaiTime(input.startsAt);
  const calendar = calendarLine(booking);
  const deadline = shanghaiTime(booking.expiresAt);
  const who = { zh: booking.schoolName ?? '一位预约者', en: booking.schoolName ?? 'A visitor' };
  return bilingual(
    'booking_request',
    {
      zh: {
        subject: `待审核的预约：${venueName} ${when.zh}`,
        lines: [
          `${input.recipientName}，您好：`,
          `${who.zh} 申请预约 ${venueName} ${when.zh}（北京时间）的场次，共 ${booking.places} 人${booking.pupils ? `（学生 ${booking.pupils} 人）` : ''}。`,
          `请在 ${deadline.zh} 前批准或拒绝；逾期未处理，申请失效，名额释放。`,
          calendar.zh,
        ],
      },
      en: {
        subject: `Request to approve: ${venueName}, ${when.en}`,
        lines: [
          `${who.en} asks for ${booking.places} places${booking.pupils ? ` (${booking.pupils} pupils)` : ''} at ${venueName} on ${when.en} (Beijing time).`,
          `Approve or decline it by ${deadline.en}; undecided, it lapses and its places are freed.`,
          calendar.en,
        ],
      },
    },
    { booking_id: booking.id, code: booking.code, calendar_path: bookingCalendarPath(booking) },
  );
}
