import type { BookingDetailRow } from '../../db/queries/bookings.ts';
import { cancellationDeadline } from '../../domain/booking.ts';
import type { AccessibilityNeed, AgeBand, BookingStatus } from '../../domain/vocab.ts';
import type { BookingRelation } from '../commands/booking-access.ts';

/** A held offer or a pending request past its deadline is expired, whether or not a job marked it yet. */
function statusOf(row: BookingDetailRow): BookingStatus {
  return !row.live && (row.status === 'pending' || row.status === 'held') ? 'expired' : row.status;
}

/**
 * A booking as the API answers it. The booker's name and email go only to the venue's and the school's
 * side (`relation`); a booker sees their own.
 */
export function presentBooking(row: BookingDetailRow, relation: BookingRelation = 'booker') {
  return {
    id: row.id,
    status: statusOf(row),
    code: row.code,
    kind: row.kind,
    slot_id: row.slotId,
    places: row.places,
    school_places: row.schoolPlaces,
    public_places: row.publicPlaces,
    adults: row.adults,
    children_by_band: row.childrenByBand as Partial<Record<AgeBand, number>>,
    pupils: row.pupils,
    grade: row.grade,
    access_needs: row.accessNeeds as AccessibilityNeed[],
    note: row.note,
    school: row.schoolId ? { id: row.schoolId, name: row.schoolName ?? '' } : null,
    venue: { id: row.venueId, name: row.venueName, name_en: row.venueNameEn },
    slot: {
      id: row.slotId,
      title: row.slotTitle,
      starts_at: row.startsAt.toISOString(),
      ends_at: row.endsAt.toISOString(),
    },
    expires_at: row.status === 'pending' || row.status === 'held' ? (row.expiresAt?.toISOString() ?? null) : null,
    cancel_until: cancellationDeadline(row.startsAt, row.cancelHoursBefore).toISOString(),
    reason: row.reason,
    decided_at: row.decidedAt?.toISOString() ?? null,
    cancelled_at: row.cancelledAt?.toISOString() ?? null,
    checked_in_at: row.checkedInAt?.toISOString() ?? null,
    arrived_adults: row.arrivedAdults,
    arrived_minors: row.arrivedMinors,
    created_at: row.createdAt.toISOString(),
    booker: relation === 'booker' ? null : { name: row.bookerName, email: row.bookerEmail },
  };
}
