/**
 * The link every booking message carries to the booking's calendar file. The path holds the booking's
 * id and its code: `GET /api/bookings/{id}/calendar.ics?code=…` answers whoever holds both, signed in or
 * not, so a calendar app can fetch it. The code is what the door already accepts, and the file names
 * no one (a venue, a time, the party's counts), so it grants nothing the code did not. Messages carry
 * the path, relative to the site's address (PUBLIC_URL), and in their data as `calendar_path`.
 */

/** The path of a booking's calendar file, with its code as the capability. */
export function bookingCalendarPath(booking: { id: string; code: string }): string {
  return `/api/bookings/${booking.id}/calendar.ics?code=${encodeURIComponent(booking.code)}`;
}

/** The calendar line of a booking message, in Chinese and in English. */
export function calendarLine(booking: { id: string; code: string }): { zh: string; en: string } {
  const path = bookingCalendarPath(booking);
  return { zh: `加入日历（.ics）：${path}`, en: `Add it to your calendar (.ics): ${path}` };
}
