import { bilingual, reasonLines, shanghaiTime } from './message.ts';
import { bookingCalendarPath, calendarLine } from './booking-calendar.ts';

/** The booker hears that the venue cancelled their booking (a booker cancelling their own is not told). */
export function bookingCancelledMessage(input: {
  recipientName: string;
  booking: { id: string; code: string; places: number };
  reason: string | null;
  venueName: string;
  startsAt: Date;
}) {
  const { booking, venueName } = input;
  const when = shanghaiTime(input.startsAt);
  const calendar = calendarLine(booking);
  return bilingual(
    'booking_cancelled',
    {
      zh: {
        subject: `预约已被场馆取消：${venueName} ${when.zh}`,
        lines: [
          `${input.recipientName}，您好：`,
          `${venueName} 取消了您 ${when.zh}（北京时间）的预约（${booking.code}，${booking.places} 人）。`,
          ...reasonLines(input.reason, '原因：'),
          calendar.zh,
        ],
      },
      en: {
        subject: `Cancelled by the venue: ${venueName}, ${when.en}`,
        lines: [
          `${venueName} cancelled your booking ${booking.code} for ${booking.places} on ${when.en} (Beijing time).`,
          ...reasonLines(input.reason, 'Reason: '),
          calendar.en,
        ],
      },
    },
    { booking_id: booking.id, code: booking.code, calendar_path: bookingCalendarPath(booking) },
  );
}
