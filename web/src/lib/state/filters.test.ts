import { describe, expect, it } from 'vitest';
import { THEMES } from '$lib/api/vocab';
import {
  activeFilters,
  clearedFilters,
  effectiveSort,
  EMPTY_FILTERS,
  toggleIn,
  withoutFilter,
  type SearchFilters,
} from './filters';

const busy: SearchFilters = {
  q: '馆',
  kinds: ['museum', 'library'],
  themes: ['science'],
  free: true,
  greenChannel: true,
  grade: null,
  groupSize: null,
  schoolPlaces: false,
  accessible: ['wheelchair'],
  sort: 'name',
  when: { type: 'weekend' },
  includeUnknownHours: true,
};

describe('activeFilters', () => {
  it('is empty for no filters, and ignores blank text and the sort order', () => {
    expect(activeFilters({ ...EMPTY_FILTERS, q: '  ', sort: 'name' })).toEqual([]);
  });

  it('lists single switches first, then needs, themes, kinds and the text', () => {
    expect(activeFilters(busy)).toEqual([
      { type: 'free' },
      { type: 'when' },
      { type: 'greenChannel' },
      { type: 'accessible', value: 'wheelchair' },
      { type: 'theme', value: 'science' },
      { type: 'kind', value: 'museum' },
      { type: 'kind', value: 'library' },
      { type: 'q' },
    ]);
  });
});

describe('withoutFilter', () => {
  it('removes exactly the named filter', () => {
    expect(withoutFilter(busy, { type: 'kind', value: 'museum' }).kinds).toEqual(['library']);
    expect(withoutFilter(busy, { type: 'free' })).toEqual({ ...busy, free: false });
    expect(withoutFilter(busy, { type: 'q' })).toEqual({ ...busy, q: '' });
    expect(withoutFilter(busy, { type: 'accessible', value: 'wheelchair' }).accessible).toEqual([]);
    // "Also show unknown hours" only means something with a date filter, so it goes with it.
    expect(withoutFilter(busy, { type: 'when' })).toEqual({
      ...busy,
      when: { type: 'any' },
      includeUnknownHours: false,
    });
  });

  it('removing every active filter leaves none', () => {
    const bare = activeFilters(busy).reduce(withoutFilter, busy);
    expect(activeFilters(bare)).toEqual([]);
  });
});

describe('clearedFilters', () => {
  it('keeps the text and the order but drops every checkbox', () => {
    expect(clearedFilters(busy)).toEqual({ ...EMPTY_FILTERS, q: '馆', sort: 'name' });
  });
});

describe('toggleIn', () => {
  it('adds and removes, keeping vocabulary order', () => {
    expect(toggleIn(['science'], 'arts', true, THEMES)).toEqual(['science', 'arts']);
    expect(toggleIn(['arts'], 'science', true, THEMES)).toEqual(['science', 'arts']);
    expect(toggleIn(['science', 'arts'], 'science', false, THEMES)).toEqual(['arts']);
    expect(toggleIn(['science'], 'science', true, THEMES)).toEqual(['science']);
  });
});

describe('effectiveSort', () => {
  it('keeps distance only with a place and relevance only with text', () => {
    expect(effectiveSort({ ...EMPTY_FILTERS, sort: 'distance' }, null)).toBeNull();
    expect(effectiveSort({ ...EMPTY_FILTERS, sort: 'distance' }, [116, 39])).toBe('distance');
    expect(effectiveSort({ ...EMPTY_FILTERS, sort: 'relevance' }, null)).toBeNull();
    expect(effectiveSort({ ...EMPTY_FILTERS, sort: 'relevance', q: 'a' }, null)).toBe('relevance');
    expect(effectiveSort({ ...EMPTY_FILTERS, sort: 'name' }, null)).toBe('name');
  });
});
