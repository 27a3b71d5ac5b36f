import { bilingual, shanghaiTime } from './message.ts';
import { bookingCalendarPath, calendarLine } from './booking-calendar.ts';

/** A venue cancelled a slot: each booking in it is cancelled too, and its booker told. */
export function slotCancelledMessage(input: {
  recipientName: string;
  booking: { id: string; code: string; places: number };
  venueName: string;
  startsAt: Date;
  reason: string;
}) {
  const { booking, venueName, reason } = input;
  const when = shanghaiTime(input.startsAt);
  const calendar = calendarLine(booking);
  return bilingual(
    'slot_cancelled',
    {
      zh: {
        subject: `${venueName} ${when.zh} 的场次已取消`,
        lines: [
          `${input.recipientName}，您好：`,
          `很抱歉，${venueName} ${when.zh}（北京时间）的场次已被场馆取消，您的预约（${booking.code}，${booking.places} 人）随之取消。`,
          `原因：${reason}`,
          calendar.zh,
        ],
      },
      en: {
        subject: `Cancelled: ${venueName}, ${when.en}`,
        lines: [
          `Sorry: ${venueName} cancelled the slot of ${when.en} (Beijing time), and with it your booking ${booking.code} for ${booking.places}.`,
          `Reason: ${reason}`,
          calendar.en,
        ],
      },
    },
    { booking_id: booking.id, code: booking.code, calendar_path: bookingCalendarPath(booking) },
  );
}
