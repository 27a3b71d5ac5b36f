import { bilingual, shanghaiTime } from './message.ts';

/** A waitlist offer lapsed unaccepted: its places went to the next on the waitlist. */
export function waitlistOfferExpiredMessage(input: {
  recipientName: string;
  offer: { bookingId: string; places: number };
  venueName: string;
  startsAt: Date;
}) {
  const { offer, venueName } = input;
  const when = shanghaiTime(input.startsAt);
  return bilingual(
    'waitlist_offer_expired',
    {
      zh: {
        subject: `候补名额已失效：${venueName} ${when.zh}`,
        lines: [
          `${input.recipientName}，您好：`,
          `为您保留的 ${venueName} ${when.zh}（北京时间）${offer.places} 个名额未在期限内确认，已转给下一位候补。`,
        ],
      },
      en: {
        subject: `Offer lapsed: ${venueName}, ${when.en}`,
        lines: [
          `The ${offer.places} places at ${venueName} on ${when.en} (Beijing time) held for you were not accepted in time; they went to the next on the waitlist.`,
        ],
      },
    },
    { booking_id: offer.bookingId },
  );
}
