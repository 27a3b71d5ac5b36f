/**
 * Who may read a booking's calendar file, and the file itself. Reads, not writes, kept beside
 * booking-access.ts because the rule is the booking's: its people signed in, or whoever holds its code
 * (server/messages/booking-calendar.ts says why the code is enough).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { bookingDetail, type BookingDetailRow } from '../../db/queries/bookings.ts';
import { venuePlace } from '../../db/queries/check-ins.ts';
import { cancellationDeadline, normaliseBookingCode } from '../../domain/booking.ts';
import { bookingCalendar } from '../../domain/ics.ts';
import type { CurrentUser } from '../auth/access.ts';
import { Errors } from '../errors.ts';
import { requireBookingAccess } from './booking-access.ts';

function sameCode(typed: string, code: string): boolean {
  const a = Buffer.from(normaliseBookingCode(typed));
  const b = Buffer.from(code);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The booking if the caller may read its calendar: the right code, or a signed-in booker, venue manager
 * or school admin. A wrong code without a session answers 404 (it tells nothing of the id), no code
 * and no session 401.
 */
export async function bookingForCalendar(
  db: Db,
  user: CurrentUser | null,
  bookingId: string,
  code: string | undefined,
): Promise<BookingDetailRow> {
  if (code !== undefined) {
    const booking = await bookingDetail(db, bookingId);
    if (booking && sameCode(code, booking.code)) return booking;
  }
  if (user) return (await requireBookingAccess(db, user, bookingId)).booking;
  if (code !== undefined) throw Errors.bookingNotFound();
  throw Errors.authRequired();
}

/** The booking's calendar file (domain/ics.ts), with its venue's address and point. */
export async function bookingCalendarFile(db: Db, booking: BookingDetailRow, now = new Date()): Promise<string> {
  const venue = (await venuePlace(db, booking.venueId))!;
  const lapsed = !booking.live && (booking.status === 'pending' || booking.status === 'held');
  return bookingCalendar(
    {
      id: booking.id,
      code: booking.code,
      status: lapsed ? 'expired' : booking.status,
      kind: booking.kind,
      places: booking.places,
      adults: booking.adults,
      childrenByBand: booking.childrenByBand as Record<string, number>,
      pupils: booking.pupils,
      grade: booking.grade,
      schoolName: booking.schoolName,
      slotTitle: booking.slotTitle,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      cancelUntil: cancellationDeadline(booking.startsAt, booking.cancelHoursBefore),
      updatedAt: booking.updatedAt,
      venue,
    },
    now,
  );
}
