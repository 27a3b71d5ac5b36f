import type { ManagedSlotRow, SlotRow } from '../../db/queries/slots.ts';
import { placesLeft } from '../../domain/places-left.ts';
import type { ApprovalPolicy } from '../../domain/vocab.ts';

/** A public slot with its venue and the places left in each allocation at `now`. */
export function presentSlot(row: SlotRow, now: Date) {
  return {
    id: row.id,
    venue: {
      id: row.venueId,
      name: row.venueName,
      name_en: row.venueNameEn,
      lng: row.lng,
      lat: row.lat,
      distance_m: row.distanceM,
    },
    kind: row.kind as 'open_day' | 'programme',
    programme_id: row.programmeId,
    title: row.title,
    starts_at: row.startsAt.toISOString(),
    ends_at: row.endsAt.toISOString(),
    capacity: row.capacity,
    school_allocation: row.schoolAllocation,
    allocation_release_at: row.allocationReleaseAt?.toISOString() ?? null,
    places_left: placesLeft(row, now),
    booking_opens_at: row.bookingOpensAt?.toISOString() ?? null,
    booking_closes_at: row.bookingClosesAt?.toISOString() ?? null,
    approval: row.approval as ApprovalPolicy,
    groups_use_public: row.groupsUsePublic,
    cancel_hours_before: row.cancelHoursBefore,
    is_sample: row.isSample,
  };
}

/** A slot as its venue's managers see it, cancelled ones included. */
export function presentManagedSlot(s: ManagedSlotRow) {
  return {
    id: s.id,
    series_id: s.seriesId,
    programme_id: s.programmeId,
    kind: s.kind,
    title: s.title,
    starts_at: s.startsAt.toISOString(),
    ends_at: s.endsAt.toISOString(),
    capacity: s.capacity,
    school_allocation: s.schoolAllocation,
    allocation_release_at: s.allocationReleaseAt?.toISOString() ?? null,
    booking_opens_at: s.bookingOpensAt?.toISOString() ?? null,
    booking_closes_at: s.bookingClosesAt?.toISOString() ?? null,
    cancel_hours_before: s.cancelHoursBefore,
    status: s.status,
    is_sample: s.isSample,
  };
}
