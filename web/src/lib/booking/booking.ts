/**
 * Pure helpers of the parent's booking pages: the link from a slot to its booking page, the return path
 * kept across signing in, the family party as the API wants it, and "My bookings" in its three groups.
 */
import type { ApiAnswer } from '$lib/api/client';

export type Booking = ApiAnswer<'/api/bookings/{id}'>;
export type WaitlistEntry = ApiAnswer<'/api/waitlist'>['items'][number];

/** The age bands a family's children are counted in; no child is ever named. */
export const AGE_BANDS = ['0-5', '6-12', '13-17'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * The query of a slot's booking page, `?venue=<venue>&at=<starts_at>` (and `lang=en` when asked): there
 * is no slot-by-id read, so the page finds the slot among its venue's slots starting then. The path is
 * the caller's `resolve('/book/[slotId]', …)`.
 */
export function bookQuery(venueId: string, startsAt: string, english: boolean): string {
  const query = new URLSearchParams({ venue: venueId, at: startsAt });
  if (english) query.set('lang', 'en');
  return `?${query.toString()}`;
}

/**
 * A return path safe to go to after signing in: a path on this site (one leading slash, no scheme, no
 * backslash tricks), or null. Guards against `?next=https://evil.example` and `//evil.example`.
 */
export function safeReturnPath(raw: string | null | undefined): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
  // Control characters (a tab or newline inside "/\t/evil") are dropped by URL parsers: refuse them.
  if ([...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
  const url = new URL(raw, 'http://kaimen.invalid');
  if (url.origin !== 'http://kaimen.invalid') return null;
  return url.pathname + url.search + url.hash;
}

/** A family party chosen on the page. */
export interface FamilyParty {
  adults: number;
  children: Record<AgeBand, number>;
}

/** People in a party. */
export function partySize(party: FamilyParty): number {
  return party.adults + AGE_BANDS.reduce((sum, band) => sum + party.children[band], 0);
}

/** The API's `children_by_band`: only the bands with children. */
export function childrenByBand(party: FamilyParty): Partial<Record<AgeBand, number>> {
  return Object.fromEntries(AGE_BANDS.filter((band) => party.children[band] > 0).map((b) => [b, party.children[b]]));
}

export interface BookingGroups {
  coming: Booking[];
  past: Booking[];
  cancelled: Booking[];
}

const ENDED = new Set(['cancelled', 'slot_cancelled', 'declined', 'expired']);

/**
 * My bookings in three groups: coming (live and not yet ended, soonest first), past (live but over,
 * latest first) and cancelled (cancelled by me or the venue, declined or lapsed, latest first).
 */
export function groupBookings(items: readonly Booking[], now: number): BookingGroups {
  const groups: BookingGroups = { coming: [], past: [], cancelled: [] };
  for (const booking of items) {
    if (ENDED.has(booking.status)) groups.cancelled.push(booking);
    else if (Date.parse(booking.slot.ends_at) <= now) groups.past.push(booking);
    else groups.coming.push(booking);
  }
  const start = (b: Booking) => Date.parse(b.slot.starts_at);
  groups.coming.sort((a, b) => start(a) - start(b));
  groups.past.sort((a, b) => start(b) - start(a));
  groups.cancelled.sort((a, b) => start(b) - start(a));
  return groups;
}

/** Whether the parent may still cancel: a live booking before its deadline. */
export function canCancel(booking: Pick<Booking, 'status' | 'cancel_until'>, now: number): boolean {
  return (
    (booking.status === 'confirmed' || booking.status === 'pending' || booking.status === 'held') &&
    Date.parse(booking.cancel_until) > now
  );
}
