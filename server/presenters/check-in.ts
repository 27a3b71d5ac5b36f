import type { CheckInResult } from '../commands/check-in.ts';
import { presentBooking } from './booking.ts';

/** A check-in as the door sees it: the booking (the party to let in), when, by whom, until when it may be undone. */
export function presentCheckIn(result: CheckInResult) {
  return {
    booking: presentBooking(result.booking, 'venue'),
    checked_in_at: result.booking.checkedInAt?.toISOString() ?? null,
    checked_in_by: result.checkedInBy,
    undo_until: result.undoUntil?.toISOString() ?? null,
  };
}
