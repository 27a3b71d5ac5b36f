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

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
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
