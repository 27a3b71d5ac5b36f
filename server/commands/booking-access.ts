import type { Db } from '../../db/client.ts';
import { bookingDetail, type BookingDetailRow } from '../../db/queries/bookings.ts';
import { isSchoolAdmin } from '../../db/queries/schools.ts';
import type { CurrentUser } from '../auth/access.ts';
import { managesVenue } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';

/** How a user stands to a booking: who made it, the venue's side, or the school's admins. */
export type BookingRelation = 'booker' | 'venue' | 'school';

/** The user's relation to the booking, or undefined when they have none (admins act as the venue). */
export async function bookingRelation(
  db: Db,
  user: CurrentUser,
  booking: { userId: string; venueId: string; schoolId: string | null },
): Promise<BookingRelation | undefined> {
  if (booking.userId === user.id) return 'booker';
  if (await managesVenue(db, user, booking.venueId)) return 'venue';
  if (booking.schoolId && user.role === 'school_admin' && (await isSchoolAdmin(db, user.id, booking.schoolId))) {
    return 'school';
  }
  return undefined;
}

/** The booking and the user's relation to it; 404 BOOKING_NOT_FOUND, or 403 NOT_YOUR_BOOKING. */
export async function requireBookingAccess(
  db: Db,
  user: CurrentUser,
  bookingId: string,
): Promise<{ booking: BookingDetailRow; relation: BookingRelation }> {
  const booking = await bookingDetail(db, bookingId);
  if (!booking) throw Errors.bookingNotFound();
  const relation = await bookingRelation(db, user, booking);
  if (!relation) throw Errors.notYourBooking();
  return { booking, relation };
}
