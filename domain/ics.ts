/**
 * iCalendar (RFC 5545) for a venue's slots. Written by hand: the common generator needs Node 22, and
 * the format is small. Times are local to Asia/Shanghai with a VTIMEZONE block, so calendar apps show
 * 09:30 as 09:30 wherever the reader is (PRODUCT.md rule 8).
 */
import { SHANGHAI_OFFSET_MS } from './hours/local-time.ts';

export interface IcsVenue {
  id: string;
  name: string;
  address: string | null;
  lng: number;
  lat: number;
}

export interface IcsSlot {
  id: string;
  title: string | null;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  isSample: boolean;
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'X-LIC-LOCATION:Asia/Shanghai',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11). A CRLF, a bare CR and a bare LF all become `\n`, so no raw
 * line break reaches a content line (a lone CR would start a forged property in some readers).
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** 20261205T093000: the Shanghai wall-clock time of an instant. */
function localStamp(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/** 2026-12-05 09:30: the Shanghai wall-clock time of an instant, for people. */
function localReadable(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** 20261205T013000Z: an instant in UTC. */
function utcStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';
}

/** The calendar of one venue's slots. */
export function venueCalendar(venue: IcsVenue, slots: IcsSlot[], now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kaimen//Kaimen 开门//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(venue.name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
    ...VTIMEZONE,
  ];
  for (const slot of slots) {
    const summary = `${slot.title ?? (slot.kind === 'programme' ? '活动' : '开放日')} · ${venue.name}`;
    const description = [
      `名额 ${slot.capacity} 人`,
      slot.isSample ? '示例日程：由开门为演示生成，并非场馆公布的安排。' : null,
    ]
      .filter((line): line is string => line !== null)
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${slot.id}@kaimen`,
      `DTSTAMP:${utcStamp(now)}`,
      `DTSTART;TZID=Asia/Shanghai:${localStamp(slot.startsAt)}`,
      `DTEND;TZID=Asia/Shanghai:${localStamp(slot.endsAt)}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `LOCATION:${escapeText([venue.name, venue.address].filter(Boolean).join(' '))}`,
      `GEO:${venue.lat.toFixed(6)};${venue.lng.toFixed(6)}`,
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** What a booking's calendar entry says: when, where, the code to show and who comes (no names). */
export interface IcsBooking {
  id: string;
  code: string;
  /** confirmed, pending or held read as booked or tentative; any other status as cancelled. */
  status: string;
  kind: 'family' | 'group';
  places: number;
  adults: number;
  childrenByBand: Partial<Record<string, number>>;
  pupils: number;
  grade: number | null;
  schoolName: string | null;
  slotTitle: string | null;
  startsAt: Date;
  endsAt: Date;
  cancelUntil: Date;
  /** The last change: calendar apps keep the entry with the highest SEQUENCE. */
  updatedAt: Date;
  venue: IcsVenue;
}

/** Who comes, as a line of the entry: adults and children by age band, or a school's class. */
function partyLine(booking: IcsBooking): string {
  if (booking.kind === 'group') {
    const grade = booking.grade === null ? '' : `，${booking.grade} 年级`;
    return `${booking.schoolName ?? '学校'}：学生 ${booking.pupils} 人${grade}，带队成人 ${booking.adults} 人（共 ${booking.places} 人）`;
  }
  const bands = Object.entries(booking.childrenByBand)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([band, count]) => `${band} 岁 ${count} 人`);
  return `成人 ${booking.adults} 人${bands.length ? `，儿童 ${bands.join('、')}` : ''}（共 ${booking.places} 人）`;
}

const ICS_STATUS: Record<string, { ics: string; zh: string }> = {
  confirmed: { ics: 'CONFIRMED', zh: '已确认' },
  pending: { ics: 'TENTATIVE', zh: '待场馆审核' },
  held: { ics: 'TENTATIVE', zh: '候补名额保留中' },
};
const SEQUENCE_EPOCH = Date.UTC(2026, 0, 1);

/** One booking as a calendar file: a single event in Asia/Shanghai time, cancelled when the booking is. */
export function bookingCalendar(booking: IcsBooking, now: Date): string {
  const { venue } = booking;
  const status = ICS_STATUS[booking.status] ?? { ics: 'CANCELLED', zh: '已取消' };
  const what = booking.slotTitle ?? '参观';
  const description = [
    `预约码 Booking code：${booking.code}（入场时出示 show it at the door）`,
    partyLine(booking),
    `状态 Status：${status.zh}（${booking.status}）`,
    `取消截止 Cancel until：${localReadable(booking.cancelUntil)}（北京时间 Beijing time）`,
  ].join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kaimen//Kaimen 开门//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-TIMEZONE:Asia/Shanghai',
    ...VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:booking-${booking.id}@kaimen`,
    // Minutes since 2026 grow with every change, so an app importing the file again takes the newer one.
    `SEQUENCE:${Math.max(0, Math.floor((booking.updatedAt.getTime() - SEQUENCE_EPOCH) / 60_000))}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=Asia/Shanghai:${localStamp(booking.startsAt)}`,
    `DTEND;TZID=Asia/Shanghai:${localStamp(booking.endsAt)}`,
    `SUMMARY:${escapeText(`${what} · ${venue.name}（${booking.code}）`)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `LOCATION:${escapeText([venue.name, venue.address].filter(Boolean).join(' '))}`,
    `GEO:${venue.lat.toFixed(6)};${venue.lng.toFixed(6)}`,
    `STATUS:${status.ics}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
