import { describe, expect, it } from 'vitest';
import type { Slot } from '$lib/api/types';
import { groupByDay, whatsOnDates } from './whats-on';

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
});
