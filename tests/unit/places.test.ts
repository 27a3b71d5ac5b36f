import { describe, expect, it } from 'vitest';
import { placesLeft } from '../../domain/places-left.ts';

const release = new Date('2026-12-07T01:30:00Z');
const before = new Date('2026-12-06T00:00:00Z');
const after = new Date('2026-12-07T02:00:00Z');
const slot = { capacity: 60, schoolAllocation: 40, allocationReleaseAt: release, takenPublic: 0, takenSchool: 0 };

describe('placesLeft', () => {
  it('reserves the school allocation until its release time', () => {
    expect(placesLeft(slot, before)).toEqual({ total: 60, public: 20, school: 40 });
  });

  it('returns unused school places to the public at the release time', () => {
    expect(placesLeft({ ...slot, takenSchool: 25 }, after)).toEqual({ total: 35, public: 35, school: 0 });
    expect(placesLeft(slot, release)).toEqual({ total: 60, public: 60, school: 0 });
  });

  it('counts school and public bookings against their own allocation before release', () => {
    expect(placesLeft({ ...slot, takenSchool: 30, takenPublic: 15 }, before)).toEqual({
      total: 15,
      public: 5,
      school: 10,
    });
  });

  it('never answers negative places, even for a slot whose capacity was cut below what is taken', () => {
    expect(placesLeft({ ...slot, capacity: 10, takenPublic: 15 }, before)).toEqual({ total: 0, public: 0, school: 0 });
  });

  it('treats a slot without an allocation as all public', () => {
    expect(placesLeft({ ...slot, schoolAllocation: 0, allocationReleaseAt: null }, before)).toEqual({
      total: 60,
      public: 60,
      school: 0,
    });
  });
});
