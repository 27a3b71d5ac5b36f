import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '$lib/state/filters';
import { venueTileJsonUrl } from './tiles';

describe('venueTileJsonUrl', () => {
  it('is the bare TileJSON for no filters', () => {
    expect(venueTileJsonUrl('http://k.example', EMPTY_FILTERS, null)).toBe('http://k.example/api/tiles/venues.json');
  });

  it('carries the same filters the list sends, "open now" as the given instant, and no sort or box', () => {
    const url = new URL(
      venueTileJsonUrl(
        'http://k.example',
        { ...EMPTY_FILTERS, free: true, kinds: ['museum'], when: { type: 'now' }, sort: 'name', q: ' 馆 ' },
        '2026-11-28T02:03:00.000Z',
      ),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: '馆',
      kinds: 'museum',
      free: 'true',
      open_at: '2026-11-28T02:03:00.000Z',
    });
  });

  it('keeps unknown hours beside a date filter', () => {
    const url = venueTileJsonUrl('', { ...EMPTY_FILTERS, when: { type: 'weekend' }, includeUnknownHours: true }, null);
    expect(url).toBe('/api/tiles/venues.json?weekend=true&include_unknown_hours=true');
  });
});
