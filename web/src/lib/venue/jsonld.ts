/**
 * schema.org structured data for a venue page, as one JSON-LD `@graph`: the place itself (its type,
 * address, coordinates and opening hours) and one `Event` per dated slot. Opening hours describe the
 * place and are never turned into events; only slots a venue really announced become events.
 */

import { safeWebsite } from '$domain/contact.ts';
import type { HoursDay, Slot, VenueDetail } from '$lib/api/types';
import { shanghaiIso } from './hours';

/** A JSON-LD node: plain JSON data. */
export type JsonLdNode = { [key: string]: JsonLdValue };
type JsonLdValue = string | number | boolean | null | JsonLdNode | JsonLdValue[];

/**
 * The most specific schema.org type that is true of every venue of a kind. schema.org has no science
 * centre, memorial hall or heritage hall, and all three are museums in the ICOM sense; `ArtGallery`
 * exists but is a commercial `LocalBusiness`, while a 美术馆 here is a public art museum.
 * `SportsActivityLocation` fits any sports venue (`StadiumOrArena` would not fit a pool or a ski
 * slope). Public facilities without a type of their own are `CivicStructure`; study bases and camps
 * can be farms, factories or campuses, so they stay a plain `Place`.
 */
const PLACE_TYPES: Record<string, string> = {
  museum: 'Museum',
  science_center: 'Museum',
  memorial_hall: 'Museum',
  heritage_hall: 'Museum',
  art_gallery: 'Museum',
  library: 'Library',
  park: 'Park',
  national_park: 'Park',
  performance_venue: 'PerformingArtsTheater',
  sports_venue: 'SportsActivityLocation',
  cultural_center: 'CivicStructure',
  youth_palace: 'CivicStructure',
  children_center: 'CivicStructure',
  community_station: 'CivicStructure',
  education_base: 'Place',
  practice_base: 'Place',
  camp: 'Place',
};

/** The schema.org type of a venue, from its first (main) kind; `Place` when nothing fits. */
export function placeType(kinds: readonly string[]): string {
  const first = kinds[0];
  return (first !== undefined && Object.hasOwn(PLACE_TYPES, first) && PLACE_TYPES[first]) || 'Place';
}

const DAY = '(?:Mo|Tu|We|Th|Fr|Sa|Su)';
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d';
const SPAN = `${TIME}-(?:${TIME}|24:00)`;
const RULE = new RegExp(`^(${DAY}(?:-${DAY})?(?:,${DAY}(?:-${DAY})?)*) (off|${SPAN}(?:,${SPAN})*)$`);
const WEEK = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/** The weekdays a day selector like `Tu-Su` or `Mo,We-Fr` covers, or null for a wrapping range. */
function daysOf(selector: string): Set<string> | null {
  const days = new Set<string>();
  for (const part of selector.split(',')) {
    const [from = -1, to = from] = part.split('-').map((d) => WEEK.indexOf(d));
    if (from < 0 || to < from) return null;
    for (let i = from; i <= to; i++) days.add(WEEK[i]!);
  }
  return days;
}

/**
 * schema.org `openingHours` values for an OSM `opening_hours` string in the simple weekly family
 * (`Tu-Su 09:00-17:00; Mo off`), whose syntax schema.org shares. Anything else — months, public
 * holidays, rules that override one another — returns null, and the page falls back to dated
 * `openingHoursSpecification`s computed by the server.
 */
export function simpleOpeningHours(osm: string | null): string[] | null {
  if (!osm) return null;
  const values: string[] = [];
  const seen = new Set<string>();
  for (const rule of osm.split(';').map((r) => r.trim())) {
    if (rule === '') continue;
    const match = RULE.exec(rule);
    const days = match?.[1] ? daysOf(match[1]) : null;
    if (!match || !days) return null;
    // Overlapping rules override one another in OSM; schema.org would read them as both applying.
    for (const d of days) {
      if (seen.has(d)) return null;
      seen.add(d);
    }
    // A day schema.org does not list is closed, so `off` rules need no value.
    if (match[2] !== 'off') for (const span of match[2]!.split(',')) values.push(`${match[1]} ${span}`);
  }
  return values.length > 0 ? values : null;
}

const SCHEMA_DAYS: Record<string, string> = {
  Mo: 'Monday',
  Tu: 'Tuesday',
  We: 'Wednesday',
  Th: 'Thursday',
  Fr: 'Friday',
  Sa: 'Saturday',
  Su: 'Sunday',
};

/** Dated opening hours for each day of the coming week; closed days are `00:00`–`00:00` (Google's convention). */
export function openingHoursSpecification(days: readonly HoursDay[]): JsonLdNode[] {
  const specs: JsonLdNode[] = [];
  for (const day of days) {
    if (day.intervals === null) continue;
    const base = {
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: `https://schema.org/${SCHEMA_DAYS[day.weekday] ?? day.weekday}`,
      validFrom: day.date,
      validThrough: day.date,
    };
    if (day.intervals.length === 0) specs.push({ ...base, opens: '00:00', closes: '00:00' });
    for (const i of day.intervals) {
      specs.push({ ...base, opens: i.start, closes: i.end === '24:00' ? '23:59' : i.end });
    }
  }
  return specs;
}

function placeNode(venue: VenueDetail, id: string, pageUrl: string): JsonLdNode {
  const district = venue.district;
  const address: JsonLdNode = { '@type': 'PostalAddress', addressCountry: 'CN' };
  if (venue.address) address.streetAddress = venue.address;
  if (district) {
    address.addressRegion = district.province;
    address.addressLocality = district.city ? `${district.city}${district.name}` : district.name;
  }
  const place: JsonLdNode = {
    '@type': placeType(venue.kinds),
    '@id': id,
    name: venue.name,
    url: pageUrl,
    address,
    geo: { '@type': 'GeoCoordinates', latitude: venue.lat, longitude: venue.lng },
  };
  if (venue.name_en) place.alternateName = venue.name_en;
  const website = safeWebsite(venue.contacts.website);
  if (website) place.sameAs = website;
  if (venue.contacts.phone) place.telephone = venue.contacts.phone;
  if (venue.contacts.email) place.email = venue.contacts.email;
  return place;
}

function eventNode(slot: Slot, venue: VenueDetail, location: JsonLdNode, pageUrl: string): JsonLdNode {
  const free = venue.minors_admission === 'free';
  const event: JsonLdNode = {
    '@type': 'Event',
    '@id': `${pageUrl}#slot-${slot.id}`,
    name: slot.title ?? `${venue.name}${slot.kind === 'programme' ? '活动' : '开放日'}`,
    startDate: shanghaiIso(slot.starts_at),
    endDate: shanghaiIso(slot.ends_at),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location,
    maximumAttendeeCapacity: slot.capacity,
    remainingAttendeeCapacity: slot.places_left.total,
  };
  if (free) {
    // As on the place: free for minors, which is who these open days are for.
    event.isAccessibleForFree = true;
    const offer: JsonLdNode = {
      '@type': 'Offer',
      price: 0,
      priceCurrency: 'CNY',
      availability: `https://schema.org/${slot.places_left.public > 0 ? 'InStock' : 'SoldOut'}`,
      url: pageUrl,
    };
    if (slot.booking_opens_at) offer.validFrom = shanghaiIso(slot.booking_opens_at);
    event.offers = offer;
  }
  return event;
}

/**
 * The venue page's JSON-LD.
 * @param venue the venue as `GET /api/venues/{id}` gives it
 * @param slots its coming slots; sample slots (which Kaimen made up for seeded venues) are left out,
 *   since announcing them to search engines would invent events the venue never planned
 * @param pageUrl the page's absolute URL, without query: it names the nodes
 */
export function venueJsonLd(venue: VenueDetail, slots: readonly Slot[], pageUrl: string): JsonLdNode {
  const placeId = `${pageUrl}#place`;
  const place = placeNode(venue, placeId, pageUrl);
  const simple = simpleOpeningHours(venue.opening_hours);
  if (simple) place.openingHours = simple.length === 1 ? simple[0]! : simple;
  else if (venue.hours.known) place.openingHoursSpecification = openingHoursSpecification(venue.hours.days);
  // schema.org cannot say "free for minors"; that is what this states, the venue's only free admission we know.
  if (venue.minors_admission === 'free') place.isAccessibleForFree = true;

  // Events repeat the place's name, address and coordinates: consumers need not resolve the @id.
  const location: JsonLdNode = {
    '@type': placeType(venue.kinds),
    '@id': placeId,
    name: venue.name,
    address: place.address ?? null,
    geo: place.geo ?? null,
  };
  const events = slots.filter((s) => !s.is_sample).map((s) => eventNode(s, venue, location, pageUrl));
  return { '@context': 'https://schema.org', '@graph': [place, ...events] };
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<`, `>` and `&` are escaped so no
 * venue text can close the script element, and U+2028/U+2029 so older parsers read it as JSON.
 */
export function jsonLdScriptText(data: JsonLdNode): string {
  return JSON.stringify(data)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** The whole `<script type="application/ld+json">` element for the page head. */
export function jsonLdScriptElement(data: JsonLdNode): string {
  return `<script type="application/ld+json">${jsonLdScriptText(data)}</script>`;
}
