import { describe, expect, it } from 'vitest';
import type { Slot } from '$lib/api/types';
import { bookingWindow, groupByDay, whatsOnDates } from './whats-on';

function slot(id: string, startsAt: string): Slot {
  return {
    id,
    venue: { id: 'v', name: '馆', name_en: null, lng: 116.4, lat: 39.9, distance_m: null },
    kind: 'open_day',
    programme_id: null,
    title: null,
    starts_at: startsAt,
    ends_at: startsAt,
    capacity: 10,
    school_allocation: 0,
    allocation_release_at: null,
    places_left: { total: 10, public: 10, school: 0 },
    booking_opens_at: null,
    booking_closes_at: null,
    approval: 'groups',
    groups_use_public: true,
    cancel_hours_before: 24,
    is_sample: false,
  };
}

describe("what's on", () => {
  it('covers seven days from today, across a month end', () => {
    expect(whatsOnDates('2026-12-29')).toEqual([
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-01-04',
    ]);
  });

  it('groups slots by their Shanghai day in time order, keeping empty days and dropping others', () => {
    const dates = whatsOnDates('2026-12-05');
    const days = groupByDay(
      [
        slot('late', '2026-12-05T08:00:00Z'), // 16:00 Shanghai, 5 Dec
        slot('early', '2026-12-05T01:00:00Z'), // 09:00 Shanghai, 5 Dec
        slot('after-midnight', '2026-12-06T17:30:00Z'), // 01:30 Shanghai, 7 Dec
        slot('outside', '2026-12-20T02:00:00Z'),
      ],
      dates,
    );
    expect(days.map((d) => d.date)).toEqual(dates);
    expect(days[0]!.slots.map((s) => s.id)).toEqual(['early', 'late']);
    expect(days[1]!.slots).toEqual([]);
    expect(days[2]!.slots.map((s) => s.id)).toEqual(['after-midnight']);
    expect(days.flatMap((d) => d.slots).map((s) => s.id)).not.toContain('outside');
  });

  it('says whether booking is open, not yet open or closed, so places left are not offered when they cannot be booked', () => {
    const base = { starts_at: '2026-12-10T02:00:00Z', booking_opens_at: null, booking_closes_at: null };
    expect(bookingWindow(base, '2026-12-05T00:00:00Z')).toEqual({ state: 'open' });
    expect(bookingWindow(base, '2026-12-10T02:00:00Z')).toEqual({ state: 'closed' });
    const windowed = { ...base, booking_opens_at: '2026-12-06T00:00:00Z', booking_closes_at: '2026-12-09T00:00:00Z' };
    expect(bookingWindow(windowed, '2026-12-05T00:00:00Z')).toEqual({
      state: 'not-yet',
      opensAt: '2026-12-06T00:00:00Z',
    });
    expect(bookingWindow(windowed, '2026-12-07T00:00:00Z')).toEqual({ state: 'open' });
    expect(bookingWindow(windowed, '2026-12-09T00:00:00Z')).toEqual({ state: 'closed' });
  });
});
