import { describe, expect, it } from 'vitest';
import {
  bookQuery,
  canCancel,
  childrenByBand,
  groupBookings,
  partySize,
  safeReturnPath,
  type Booking,
} from './booking';

describe('safeReturnPath', () => {
  it('keeps a path on this site with its query', () => {
    expect(safeReturnPath('/book/abc?venue=v&at=2026-12-10T01%3A00%3A00.000Z')).toBe(
      '/book/abc?venue=v&at=2026-12-10T01%3A00%3A00.000Z',
    );
  });

  it('refuses other sites, protocol-relative and backslash paths, and control characters', () => {
    for (const raw of ['https://evil.example/', '//evil.example', '/\\evil.example', '/\t/evil.example', 'book', '']) {
      expect(safeReturnPath(raw), raw).toBeNull();
    }
    expect(safeReturnPath(null)).toBeNull();
  });
});

describe('bookQuery', () => {
  it('names the venue and the start, and English when asked', () => {
    expect(bookQuery('v1', '2026-12-10T01:00:00.000Z', false)).toBe('?venue=v1&at=2026-12-10T01%3A00%3A00.000Z');
    expect(bookQuery('v1', '2026-12-10T01:00:00.000Z', true)).toContain('&lang=en');
  });
});

describe('a family party', () => {
  it('counts everyone and sends only the bands with children', () => {
    const party = { adults: 2, children: { '0-5': 0, '6-12': 2, '13-17': 1 } };
    expect(partySize(party)).toBe(5);
    expect(childrenByBand(party)).toEqual({ '6-12': 2, '13-17': 1 });
  });
});

const NOW = Date.parse('2026-12-03T08:00:00Z');

function booking(id: string, status: Booking['status'], startsAt: string, cancelUntil = startsAt): Booking {
  const ends = new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString();
  return {
    id,
    status,
    slot: { id: 's', title: null, starts_at: startsAt, ends_at: ends },
    cancel_until: cancelUntil,
  } as Booking;
}

describe('groupBookings', () => {
  it('puts live bookings to come soonest first, past ones latest first, and ended ones apart', () => {
    const groups = groupBookings(
      [
        booking('later', 'confirmed', '2026-12-20T01:00:00Z'),
        booking('sooner', 'pending', '2026-12-05T01:00:00Z'),
        booking('past', 'confirmed', '2026-11-20T01:00:00Z'),
        booking('cancelled', 'cancelled', '2026-12-06T01:00:00Z'),
        booking('by-venue', 'slot_cancelled', '2026-12-07T01:00:00Z'),
      ],
      NOW,
    );
    expect(groups.coming.map((b) => b.id)).toEqual(['sooner', 'later']);
    expect(groups.past.map((b) => b.id)).toEqual(['past']);
    expect(groups.cancelled.map((b) => b.id)).toEqual(['by-venue', 'cancelled']);
  });
});

describe('canCancel', () => {
  it('allows a live booking before its deadline only', () => {
    expect(canCancel(booking('a', 'confirmed', '2026-12-05T01:00:00Z', '2026-12-04T01:00:00Z'), NOW)).toBe(true);
    expect(canCancel(booking('b', 'confirmed', '2026-12-05T01:00:00Z', '2026-12-03T07:00:00Z'), NOW)).toBe(false);
    expect(canCancel(booking('c', 'cancelled', '2026-12-05T01:00:00Z', '2026-12-04T01:00:00Z'), NOW)).toBe(false);
  });
});
