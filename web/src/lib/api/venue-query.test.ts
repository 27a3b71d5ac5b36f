import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '$lib/state/filters';
import { venueFilterQuery, venueSearchQuery } from './venue-query';

describe('venueFilterQuery', () => {
  it("sends a teacher's filters and a range of days as the API names them", () => {
    const query = venueFilterQuery({
      ...EMPTY_FILTERS,
      greenChannel: true,
      grade: 5,
      groupSize: 45,
      schoolPlaces: true,
      when: { type: 'range', from: '2026-12-03', to: '2026-12-16' },
    });
    expect(query).toEqual({
      green_channel: 'true',
      grade: 5,
      group_size: 45,
      school_places: 'true',
      open_from: '2026-12-03',
      open_to: '2026-12-16',
    });
  });

  it('leaves them out when unset, and grade 0 (kindergarten) is still sent', () => {
    expect(venueFilterQuery(EMPTY_FILTERS)).toEqual({});
    expect(venueSearchQuery({ bbox: null, filters: { ...EMPTY_FILTERS, grade: 0 } })).toEqual({ grade: 0, limit: 200 });
  });
});
