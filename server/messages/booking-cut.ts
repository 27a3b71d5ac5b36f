import { bilingual, reasonLines, shanghaiTime } from './message.ts';

/**
 * The venue cut a slot's places below what was booked and chose to cancel the newest bookings over it
 * (PATCH /api/slots/{id} with over_capacity "cancel_newest"): each of their bookers hears why.
 */
export function bookingCutMessage(input: {
  recipientName: string;
  booking: { id: string; code: string; places: number };
  reason: string | null;
  venueName: string;
  startsAt: Date;
}) {
  const { booking, venueName } = input;
  const when = shanghaiTime(input.startsAt);
  return bilingual(
    'booking_cut',
    {
      zh: {
        subject: `场次名额减少，预约已取消：${venueName} ${when.zh}`,
        lines: [
          `${input.recipientName}，您好：`,
          `很抱歉，${venueName} 减少了 ${when.zh}（北京时间）场次的名额，您的预约（${booking.code}，${booking.places} 人）是超出部分中最晚提交的，已被取消。`,
          ...reasonLines(input.reason, '原因：'),
          '您可以预约其他场次，或加入该场次的候补名单。',
        ],
      },
      en: {
        subject: `Fewer places, booking cancelled: ${venueName}, ${when.en}`,
        lines: [
          `Sorry: ${venueName} reduced the places of the slot on ${when.en} (Beijing time). Your booking ${booking.code} for ${booking.places} was among the latest over the new limit and is cancelled.`,
          ...reasonLines(input.reason, 'Reason: '),
          'You may book another slot, or join this one’s waitlist.',
        ],
      },
    },
    { booking_id: booking.id, code: booking.code },
  );
}
