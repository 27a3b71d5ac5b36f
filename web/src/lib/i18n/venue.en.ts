/** English strings of the venue page, merged into `messages` (en.ts). */

import type { DayTime, TodayStatus } from '$lib/venue/hours';
import type { VenueMessages } from './venue.zh-CN';

const weekdays: Record<string, string> = {
  Mo: 'Mon',
  Tu: 'Tue',
  We: 'Wed',
  Th: 'Thu',
  Fr: 'Fri',
  Sa: 'Sat',
  Su: 'Sun',
};

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const bookingModes: Record<string, string> = {
  none: 'No booking needed: walk in during opening hours.',
  online_required: 'Book online in advance with real names; entry only with a booking.',
  online_optional: 'You can book online in advance, or just go.',
  group_only: 'Group bookings only; individual visitors cannot book.',
  unknown: 'How to book is unknown; check with the venue before you go.',
};

const levels: Record<string, string> = {
  national: 'national',
  provincial: 'provincial',
  city: 'city',
  district: 'district',
};

const crs: Record<string, string> = {
  wgs84: 'WGS-84',
  gcj02: 'GCJ-02 (Amap/Tencent), converted to WGS-84',
  bd09: 'BD-09 (Baidu), converted to WGS-84',
};

const verification: Record<string, string> = {
  unverified: 'Not yet verified by the education bureau',
  pending: 'Being verified by the education bureau',
  verified: 'Verified by the education bureau',
  rejected: 'Verification by the education bureau failed',
};

const precision: Record<string, string> = {
  high: 'to about 200 m',
  medium: 'to about 1 km',
  low: 'district level only',
};

const pick = (table: Record<string, string>, key: string) => (Object.hasOwn(table, key) ? table[key]! : key);

const dateLabel = (date: string) => `${Number(date.slice(8, 10))} ${months[Number(date.slice(5, 7)) - 1] ?? ''}`;

function when(at: DayTime): string {
  if (at.day === 'today') return `today ${at.time}`;
  if (at.day === 'tomorrow') return `tomorrow ${at.time}`;
  return `${dateLabel(at.date)} ${at.time}`;
}

function gradeName(grade: number): string {
  if (grade <= 0) return 'kindergarten';
  if (grade <= 6) return `primary ${grade}`;
  if (grade <= 9) return `junior ${grade - 6}`;
  return `senior ${Math.min(grade, 12) - 9}`;
}

/** Every venue-page string in English. */
export const venueMessages: VenueMessages = {
  venueTitle: (name: string) => `${name} · Kaimen`,
  venueDescription: (name: string, place: string, admission: string, status: string) =>
    `${name}, ${place}. Admission for under-18s: ${admission}. ${status}. Opening hours, booking and coming open days.`,
  backToMap: 'Back to the map',
  weekday: (code: string) => pick(weekdays, code),
  dateLabel,
  longDate: (date: string) => `${dateLabel(date)} ${date.slice(0, 4)}`,
  todayStatus: (s: TodayStatus): string => {
    switch (s.kind) {
      case 'unknown':
        return 'Opening hours unknown';
      case 'open':
        return s.closes ? `Open now, closes ${s.closes.day === 'today' ? s.closes.time : when(s.closes)}` : 'Open now';
      case 'closed-today':
        return s.opens ? `Closed today, opens ${when(s.opens)}` : 'Closed today';
      case 'not-yet-open':
        return s.opens ? `Not open yet, opens ${when(s.opens)}` : 'Not open yet';
      case 'closed-for-the-day':
        return s.opens ? `Closed for the day, opens ${when(s.opens)}` : 'Closed for the day';
    }
  },
  hoursHeading: 'Opening hours',
  weekCaption: 'The coming seven days (Beijing time)',
  colDate: 'Date',
  colHours: 'Hours',
  colNote: 'Note',
  today: 'today',
  closed: 'Closed',
  hoursUnknown: 'Unknown',
  holidayMark: (name: string) => `Public holiday: ${name}`,
  workdayMark: (name: string) => `Make-up workday (${name})`,
  hoursUnknownNote:
    'We do not know this venue’s opening hours yet; check with the venue before you go. Holidays and make-up workdays are still marked.',
  calendarNotCovered: 'The holiday calendar for these days’ year is not out yet; they are counted as ordinary days.',

  admissionHeading: 'Admission for under-18s',
  admissionValue: (a: string) =>
    pick({ free: 'Free', discounted: 'Discounted', paid: 'Paid', unknown: 'Unknown; check with the venue' }, a),
  admissionRule: 'Rule',
  bookingHeading: 'How to book',
  bookingMode: (mode: string) => pick(bookingModes, mode),
  phone: 'Phone',
  website: 'Website',
  email: 'Email',

  accessibilityHeading: 'Accessibility',
  accessValue: (v: boolean | null) => (v === true ? 'Yes' : v === false ? 'No' : 'Unknown'),
  accessibilityNote: '“Unknown” means not yet checked, not “no”.',

  designationsHeading: 'Official titles',
  designationLevel: (level: string) => pick(levels, level),
  revoked: 'revoked',

  groupHeading: 'School groups',
  groupSize: (min: number | null, max: number | null) =>
    min !== null && max !== null
      ? `${min}–${max} per group`
      : min !== null
        ? `At least ${min} per group`
        : max !== null
          ? `At most ${max} per group`
          : 'Group size: not stated',
  leadDays: (n: number | null) => (n === null ? 'Booking lead time: not stated' : `Book ${n} days ahead`),
  greenChannel: (v: boolean | null) =>
    v === true
      ? 'Green channel: school groups book first'
      : v === false
        ? 'No green channel'
        : 'Green channel: unknown',

  suitabilityHeading: 'Suits',
  ages: (min: number | null, max: number | null) =>
    min !== null && max !== null
      ? `ages ${min}–${max}`
      : min !== null
        ? `ages ${min} and up`
        : max !== null
          ? `ages up to ${max}`
          : null,
  grades: (min: number | null, max: number | null) =>
    min !== null && max !== null
      ? min === max
        ? gradeName(min)
        : `${gradeName(min)} to ${gradeName(max)}`
      : min !== null
        ? `${gradeName(min)} and up`
        : max !== null
          ? `up to ${gradeName(max)}`
          : null,
  suitabilityNone: 'No age or grade limits stated',

  slotsHeading: 'Coming open days',
  slotsCaption: 'The next four weeks',
  sampleBadge: 'Sample schedule',
  sampleNote:
    'Times marked “Sample schedule” were generated by Kaimen as a demo; the venue did not announce them. Do not travel on them.',
  slotTime: (date: string, weekday: string, start: string, end: string) =>
    `${pick(weekdays, weekday)} ${dateLabel(date)}, ${start}–${end}`,
  openDay: 'Open day',
  placesPublic: (n: number) => `${n} public places left`,
  placesSchool: (n: number) => `${n} held for school groups`,
  full: 'Full',
  noSlots: 'No open days in the next four weeks yet.',
  subscribeIcs: 'Subscribe to the calendar (.ics)',

  locationHeading: 'Location',
  locationMapLabel: (name: string) => `Where ${name} is`,
  approxNote: (metres: number) =>
    `Approximate location: the venue is somewhere in the circle (within about ${metres / 1000} km).`,
  exactNote: 'The point on the map is the venue.',
  venueMapError: 'The map could not load.',
  showOnMap: 'See venues around it on the map',

  provenanceHeading: 'Where the data comes from',
  sourceName: (source: string) =>
    source === 'kaimen-curated' ? 'Kaimen’s curated list of public venues (not an official register)' : source,
  sourceRef: 'Entry',
  updatedAt: 'Updated',
  note: 'Note',
  coordinates: 'Coordinates',
  coordinatesText: (system: string, p: string) => `${pick(crs, system)}; ${pick(precision, p)}`,
  rawHours: 'Opening hours as recorded (OSM syntax)',
  verification: (status: string) => pick(verification, status),

  notFoundTitle: 'Venue not found',
  notFoundBody: 'The link may be wrong, or the venue is no longer listed.',
  errorTitle: 'Something went wrong',
  errorBody: 'Please try again later.',
  detailsLink: 'Details',
  detailsLinkLabel: (name: string) => `${name} details`,
};
