import { bookingCalendarPath, calendarLine } from './booking-calendar.ts';
import { bilingual, shanghaiTime } from './message.ts';

/** The API path that accepts an offer, for clients that read the message's data. */
export const acceptPath = (bookingId: string) => `/api/bookings/${bookingId}/accept`;

/** The web page of the held booking, where a person accepts it: the message's link. */
export const offerPagePath = (bookingId: string) => `/bookings/${bookingId}`;

/** Places freed up for a party on the waitlist: they are held for it until the deadline. */
export function waitlistOfferMessage(input: {
  recipientName: string;
  booking: { id: string; code: string; places: number; expiresAt: Date };
  venueName: string;
  startsAt: Date;
}) {
  const { booking, venueName } = input;
  const when = shanghaiTime(input.startsAt);
  const deadline = shanghaiTime(booking.expiresAt);
  const path = offerPagePath(booking.id);
  const calendar = calendarLine(booking);
  return bilingual(
    'waitlist_offer',
    {
      zh: {
        subject: `候补有位：${venueName} ${when.zh}`,
        lines: [
          `${input.recipientName}，您好：`,
          `${venueName} ${when.zh}（北京时间）空出了 ${booking.places} 个名额，已为您保留至 ${deadline.zh}（北京时间）。`,
          `请在此之前确认接受（${path}），逾期名额将转给下一位候补。`,
          `预约码：${booking.code}（接受后入场时出示）`,
          calendar.zh,
        ],
      },
      en: {
        subject: `A place for you: ${venueName}, ${when.en}`,
        lines: [
          `${booking.places} places at ${venueName} on ${when.en} (Beijing time) are held for you until ${deadline.en}.`,
          `Accept them before then (${path}); after it they go to the next on the waitlist.`,
          `Code: ${booking.code} (show it at the door once accepted)`,
          calendar.en,
        ],
      },
    },
    {
      booking_id: booking.id,
      code: booking.code,
      accept_path: acceptPath(booking.id),
      page_path: path,
      calendar_path: bookingCalendarPath(booking),
      expires_at: booking.expiresAt.toISOString(),
    },
  );
}
