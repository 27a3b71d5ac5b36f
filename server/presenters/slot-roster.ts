/**
 * A slot's bookings for its venue: the list at the door, with counts, as JSON or as a CSV file people
 * open in Excel (domain/csv.ts: UTF-8 with a byte-order mark, cells defused against formulas).
 */
import type { BookingDetailRow, SlotBookingFacts } from '../../db/queries/bookings.ts';
import { AGE_BANDS, type AgeBand } from '../../domain/vocab.ts';
import { csvFile, type CsvCell } from '../../domain/csv.ts';
import { presentBooking } from './booking.ts';

export interface SlotRoster {
  slot: SlotBookingFacts;
  bookings: BookingDetailRow[];
  waitlist: { entries: number; places: number };
}

/** Bookings and places of the rows `keep` picks. */
function tally(rows: BookingDetailRow[], keep: (row: BookingDetailRow) => boolean) {
  const kept = rows.filter(keep);
  return { bookings: kept.length, places: kept.reduce((sum, row) => sum + row.places, 0) };
}

/** Per-slot counts from the bookings themselves: booked (confirmed), pending, held offers, waitlisted, checked in. */
export function rosterCounts(roster: SlotRoster) {
  const { bookings } = roster;
  const checkedIn = bookings.filter((row) => row.checkedInAt !== null);
  return {
    capacity: roster.slot.capacity,
    places_taken: roster.slot.takenSchool + roster.slot.takenPublic,
    booked: tally(bookings, (row) => row.status === 'confirmed'),
    pending: tally(bookings, (row) => row.status === 'pending' && row.live),
    held: tally(bookings, (row) => row.status === 'held' && row.live),
    waitlisted: roster.waitlist,
    checked_in: {
      ...tally(bookings, (row) => row.checkedInAt !== null),
      arrived_adults: checkedIn.reduce((sum, row) => sum + (row.arrivedAdults ?? 0), 0),
      arrived_minors: checkedIn.reduce((sum, row) => sum + (row.arrivedMinors ?? 0), 0),
    },
  };
}

/** The roster as the API answers it in JSON. */
export function presentRoster(roster: SlotRoster) {
  const { slot } = roster;
  return {
    slot: {
      id: slot.id,
      title: slot.title ?? slot.programmeTitle,
      starts_at: slot.startsAt.toISOString(),
      ends_at: slot.endsAt.toISOString(),
      status: slot.status,
      venue: { id: slot.venueId, name: slot.venueName },
    },
    counts: rosterCounts(roster),
    items: roster.bookings.map((row) => presentBooking(row, 'venue')),
  };
}

/** 2026-12-05 09:30: an instant in Beijing time, as a spreadsheet shows it. */
function beijing(at: Date | null): string | null {
  return at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;
}

const CSV_HEADER = [
  '预约码 Code',
  '类型 Kind',
  '状态 Status',
  '学校 School',
  '人数 Places',
  '成人 Adults',
  ...AGE_BANDS.map((band) => `儿童 ${band} 岁 Children ${band}`),
  '学生 Pupils',
  '年级 Grade',
  '无障碍需求 Access needs',
  '备注 Note',
  '预约人 Booker',
  '邮箱 Email',
  '审核截止 Decide by',
  '签到时间 Checked in',
  '实到成人 Arrived adults',
  '实到未成年人 Arrived minors',
  '预约时间 Booked at',
];

/** The roster as a CSV file (times in Beijing time). */
export function rosterCsv(roster: SlotRoster): string {
  const rows = roster.bookings.map((row): CsvCell[] => {
    const booking = presentBooking(row, 'venue');
    const bands = booking.children_by_band as Partial<Record<AgeBand, number>>;
    return [
      booking.code,
      booking.kind,
      booking.status,
      booking.school?.name,
      booking.places,
      booking.adults,
      ...AGE_BANDS.map((band) => (booking.kind === 'family' ? (bands[band] ?? 0) : null)),
      booking.kind === 'group' ? booking.pupils : null,
      booking.grade,
      booking.access_needs.join(' '),
      booking.note,
      booking.booker?.name,
      booking.booker?.email,
      booking.expires_at ? beijing(new Date(booking.expires_at)) : null,
      beijing(row.checkedInAt),
      row.arrivedAdults,
      row.arrivedMinors,
      beijing(row.createdAt),
    ];
  });
  return csvFile(CSV_HEADER, rows);
}
