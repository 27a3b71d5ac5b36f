import { bilingual, shanghaiTime } from './message.ts';
import { bookingCalendarPath, calendarLine } from './booking-calendar.ts';

/** What a booking or request says of itself in a message. */
export interface BookingFacts {
  id: string;
  code: string;
  places: number;
  status: 'confirmed' | 'pending' | 'held';
  expiresAt: Date | null;
}

/** The booker hears that their booking is confirmed, or that their request waits for the venue. */
export function bookingMadeMessage(input: {
  recipientName: string;
  booking: BookingFacts;
  venueName: string;
  startsAt: Date;
}) {
  const { booking, venueName } = input;
  const when = shanghaiTime(input.startsAt);
  const calendar = calendarLine(booking);
  const pending = booking.status === 'pending';
  const deadline = booking.expiresAt ? shanghaiTime(booking.expiresAt) : undefined;
  return bilingual(
    pending ? 'booking_requested' : 'booking_confirmed',
    {
      zh: {
        subject: pending ? `预约申请已提交：${venueName} ${when.zh}` : `预约成功：${venueName} ${when.zh}`,
        lines: [
          `${input.recipientName}，您好：`,
          pending
            ? `您在 ${venueName} ${when.zh}（北京时间）的 ${booking.places} 人预约申请已提交，等待场馆审核${deadline ? `（${deadline.zh} 前答复，逾期未审核则自动失效）` : ''}。`
            : `您已预约 ${venueName} ${when.zh}（北京时间），共 ${booking.places} 人。`,
          `预约码：${booking.code}（入场时出示）`,
          calendar.zh,
        ],
      },
      en: {
        subject: pending ? `Request sent: ${venueName}, ${when.en}` : `Booked: ${venueName}, ${when.en}`,
        lines: [
          ...(pending
            ? [
                `Your request for ${booking.places} at ${venueName} on ${when.en} (Beijing time) waits for the venue's approval${deadline ? ` (until ${deadline.en}; it lapses if undecided)` : ''}.`,
                `Code: ${booking.code}`,
              ]
            : [
                `You are booked at ${venueName} on ${when.en} (Beijing time) for ${booking.places}.`,
                `Show this code at the door: ${booking.code}`,
              ]),
          calendar.en,
        ],
      },
    },
    { booking_id: booking.id, code: booking.code, calendar_path: bookingCalendarPath(booking), status: booking.status },
  );
}
