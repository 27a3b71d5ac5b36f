import type { WaitlistEntryRow } from '../../db/queries/waitlist.ts';
import type { StoredParty } from '../commands/waitlist-offers.ts';
import type { AccessibilityNeed, AgeBand, WaitlistStatus } from '../../domain/vocab.ts';

/** An offer past its deadline is expired, whether or not the sweep marked it yet. */
function statusOf(row: WaitlistEntryRow): WaitlistStatus {
  return row.status === 'offered' && !row.offerLive ? 'expired' : row.status;
}

/** A waitlist entry as the API answers it to the account that joined. */
export function presentWaitlistEntry(row: WaitlistEntryRow) {
  const party = row.party as StoredParty;
  const status = statusOf(row);
  return {
    id: row.id,
    status,
    slot_id: row.slotId,
    kind: row.kind,
    places: row.places,
    adults: party.adults,
    children_by_band: (party.children_by_band ?? {}) as Partial<Record<AgeBand, number>>,
    pupils: party.pupils ?? 0,
    grade: party.grade ?? null,
    access_needs: (party.access_needs ?? []) as AccessibilityNeed[],
    note: party.note ?? null,
    school_id: row.schoolId,
    position: status === 'waiting' ? row.ahead + 1 : null,
    offer:
      status === 'offered' && row.offerBookingId && row.offerExpiresAt
        ? {
            booking_id: row.offerBookingId,
            expires_at: row.offerExpiresAt.toISOString(),
            accept_path: `/api/bookings/${row.offerBookingId}/accept`,
          }
        : null,
    booking_id: status === 'booked' ? row.offerBookingId : null,
    venue: { id: row.venueId, name: row.venueName, name_en: row.venueNameEn },
    slot: {
      id: row.slotId,
      title: row.slotTitle,
      status: row.slotStatus,
      starts_at: row.startsAt.toISOString(),
      ends_at: row.endsAt.toISOString(),
    },
    created_at: row.createdAt.toISOString(),
  };
}
