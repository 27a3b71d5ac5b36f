import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import type { VenueItem } from '$lib/api/types';
import { ApiError, type ApiAnswer } from '$lib/api/client';
import { fakeFetch, json, TEST_ORIGIN } from '$lib/api/testing';
import { EMPTY_FILTERS } from './filters';
import { VenueSearch } from './venue-search.svelte';

const BEIJING: [number, number, number, number] = [116.2, 39.8, 116.6, 40.0];

function item(id: string, name = id): VenueItem {
  return {
    id,
    name,
    name_en: null,
    kinds: ['museum'],
    themes: [],
    lng: 116.4,
    lat: 39.9,
    distance_m: null,
    address: null,
    adcode: null,
    minors_admission: 'free',
    coord_precision: 'high',
  };
}

/** A fetch double recording what the search asked for, with the client the search builds over it. */
function fakeApi(reply: (url: string) => Response | Promise<Response>) {
  const fetch = fakeFetch((request) => reply(request.url));
  return {
    options: { fetch: fetch.fn, baseUrl: TEST_ORIGIN },
    get urls() {
      return fetch.paths();
    },
    get signals() {
      return fetch.requests.map((r) => r.signal);
    },
  };
}

const page = (
  items: VenueItem[],
  next_cursor: string | null = null,
  unknown_hours_excluded: number | null = null,
): ApiAnswer<'/api/venues'> => ({ items, next_cursor, unknown_hours_excluded });

const params = (url: string | undefined) => new URL(url ?? '', TEST_ORIGIN).searchParams;

describe('VenueSearch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks for venues in the box with a limit, and exposes the answer', async () => {
    const api = fakeApi(() => json(page([item('a')], 'next')));
    const search = new VenueSearch(api.options);
    search.setBbox(BEIJING, true);
    await vi.runAllTimersAsync();
    expect(api.urls).toEqual(['/api/venues?bbox=116.2%2C39.8%2C116.6%2C40&limit=200']);
    expect(search.items.map((v) => v.id)).toEqual(['a']);
    expect(search.hasMore).toBe(true);
    expect(search.loaded).toBe(true);
    expect(search.loading).toBe(false);
  });

  it('waits for typing to pause, then sends one request with the text', async () => {
    const api = fakeApi(() => json(page([])));
    const search = new VenueSearch({ ...api.options, queryDelayMs: 250 });
    search.setBbox(BEIJING, true);
    await vi.runAllTimersAsync();
    search.setQuery('博');
    await vi.advanceTimersByTimeAsync(100);
    search.setQuery('博物馆');
    await vi.advanceTimersByTimeAsync(249);
    expect(api.urls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.urls).toHaveLength(2);
    expect(params(api.urls[1]).get('q')).toBe('博物馆');
  });

  it('aborts a superseded request and keeps only the newer answer', async () => {
    let resolveFirst: (r: Response) => void = () => {};
    const api = fakeApi((url) =>
      url.includes('q=') ? json(page([item('new')])) : new Promise<Response>((resolve) => (resolveFirst = resolve)),
    );
    const search = new VenueSearch({ ...api.options, queryDelayMs: 0 });
    search.setBbox(BEIJING, true);
    await vi.advanceTimersByTimeAsync(0);
    search.setQuery('馆');
    await vi.advanceTimersByTimeAsync(0);
    expect(api.signals[0]?.aborted).toBe(true);
    resolveFirst(json(page([item('old')])));
    await vi.runAllTimersAsync();
    expect(search.items.map((v) => v.id)).toEqual(['new']);
    expect(search.loading).toBe(false);
  });

  it('does not repeat a request for the same box and text', async () => {
    const api = fakeApi(() => json(page([])));
    const search = new VenueSearch({ ...api.options, queryDelayMs: 0 });
    search.setBbox(BEIJING, true);
    await vi.runAllTimersAsync();
    search.setBbox([116.20001, 39.80001, 116.59999, 39.99999], true);
    search.setQuery('  ');
    await vi.runAllTimersAsync();
    expect(api.urls).toHaveLength(1);
  });

  it("shows the server's 4xx message and clears it after a success", async () => {
    let fail = true;
    const api = fakeApi(() =>
      fail ? json({ error: { code: 'BAD_BBOX', message: '范围无效' } }, 400) : json(page([item('a')])),
    );
    const search = new VenueSearch(api.options);
    search.setBbox(BEIJING, true);
    await vi.runAllTimersAsync();
    expect(search.error).toBeInstanceOf(ApiError);
    expect((search.error as ApiError).message).toBe('范围无效');
    fail = false;
    search.setBbox([116.1, 39.8, 116.6, 40.0], true);
    await vi.runAllTimersAsync();
    expect(search.error).toBeNull();
  });

  it('never shows a 5xx body to the user', async () => {
    const api = fakeApi(() => json({ error: { code: 'X', message: 'stack trace' } }, 500));
    const search = new VenueSearch(api.options);
    search.setBbox(BEIJING, true);
    await vi.runAllTimersAsync();
    expect(search.error).toBeInstanceOf(ApiError);
    expect((search.error as ApiError).code).toBe('SERVER');
    expect((search.error as ApiError).message).not.toContain('stack');
  });

  it('sends filters and the place, and sorts by distance only once there is a place', async () => {
    const api = fakeApi(() => json(page([])));
    const search = new VenueSearch({
      ...api.options,
      filters: { ...EMPTY_FILTERS, free: true, kinds: ['museum'], themes: ['science'], sort: 'distance' },
    });
    search.setBbox(BEIJING, true);
    await vi.runAllTimersAsync();
    const first = params(api.urls[0]);
    expect(Object.fromEntries(first)).toEqual({
      bbox: '116.2,39.8,116.6,40',
      kinds: 'museum',
      themes: 'science',
      free: 'true',
      limit: '200',
    });
    search.setPlace({ point: [116.397512345, 39.9087], source: 'located' });
    await vi.runAllTimersAsync();
    const second = params(api.urls[1]);
    expect(second.get('near')).toBe('116.39751,39.9087');
    expect(second.get('sort')).toBe('distance');
  });

  it("starts at a teacher's school: drawn, and the chosen place only when asked", async () => {
    const api = fakeApi(() => json(page([])));
    const school = { id: 's', name: '东城测试小学', point: [116.41712, 39.92834] as [number, number] };
    const kept = new VenueSearch(api.options);
    kept.startAtSchool(school, false);
    expect(kept.school).toEqual(school);
    expect(kept.place).toBeNull();

    const search = new VenueSearch(api.options);
    search.setBbox(BEIJING, true);
    search.startAtSchool(school, true);
    await vi.runAllTimersAsync();
    expect(search.place).toEqual({ point: [116.41712, 39.92834], source: 'school', name: '东城测试小学' });
    expect(params(api.urls.at(-1)).get('near')).toBe('116.41712,39.92834');
  });

  it('answers a checkbox at once but waits for typing to pause', async () => {
    const api = fakeApi(() => json(page([])));
    const search = new VenueSearch({ ...api.options, queryDelayMs: 250 });
    search.setBbox(BEIJING, true);
    await vi.runAllTimersAsync();
    search.setFilters({ ...search.filters, free: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(api.urls).toHaveLength(2);
    search.setFilters({ ...search.filters, q: '馆' });
    await vi.advanceTimersByTimeAsync(0);
    expect(api.urls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(250);
    expect(api.urls).toHaveLength(3);
  });

  it('prefers the hovered venue over the selected one for highlighting', () => {
    const search = new VenueSearch();
    search.select('a', 'list');
    expect(search.highlightedId).toBe('a');
    search.hover('b', 'map');
    expect(search.highlightedId).toBe('b');
    expect(search.origin).toBe('map');
    search.hover(null, 'map');
    expect(search.highlightedId).toBe('a');
  });

  it('asks for the weekend and says how many venues with unknown hours were left out', async () => {
    const api = fakeApi(() => json(page([item('a')], null, 3)));
    const search = new VenueSearch({ ...api.options, filters: { ...EMPTY_FILTERS, when: { type: 'weekend' } } });
    search.setBbox(BEIJING, true);
    await vi.runAllTimersAsync();
    expect(params(api.urls[0]).get('weekend')).toBe('true');
    expect(params(api.urls[0]).has('include_unknown_hours')).toBe(false);
    expect(search.unknownHoursCount).toBe(3);
    expect(search.unknownHoursIds.size).toBe(0);
  });

  it('marks the venues with unknown hours when asked to show them, from the same query without them', async () => {
    const api = fakeApi((url) =>
      url.includes('include_unknown_hours=true')
        ? json(page([item('a'), item('u'), item('b')], null, 0))
        : json(page([item('a'), item('b')], null, 1)),
    );
    const search = new VenueSearch({ ...api.options, filters: { ...EMPTY_FILTERS, when: { type: 'weekend' } } });
    search.setBbox(BEIJING, true);
    await vi.runAllTimersAsync();
    search.setFilters({ ...search.filters, includeUnknownHours: true });
    await vi.runAllTimersAsync();
    expect(api.urls).toHaveLength(3);
    expect(search.items.map((v) => v.id)).toEqual(['a', 'u', 'b']);
    expect([...search.unknownHoursIds]).toEqual(['u']);
    expect(search.unknownHoursCount).toBe(1);
  });

  it('asks about the current minute for "open now", and nothing about dates otherwise', async () => {
    vi.setSystemTime(new Date('2026-11-28T02:03:45Z'));
    const api = fakeApi(() => json(page([])));
    const search = new VenueSearch({ ...api.options, queryDelayMs: 0 });
    search.setBbox(BEIJING, true);
    await vi.runAllTimersAsync();
    expect(search.unknownHoursCount).toBeNull();
    search.setFilters({ ...search.filters, when: { type: 'now' } });
    await vi.runAllTimersAsync();
    expect(params(api.urls[1]).get('open_at')).toBe('2026-11-28T02:03:00.000Z');
    expect(search.openAt).toBe('2026-11-28T02:03:00.000Z');
    search.setFilters({ ...search.filters, when: { type: 'date', date: '2026-12-05' } });
    await vi.runAllTimersAsync();
    expect(params(api.urls[2]).get('open_on')).toBe('2026-12-05');
    expect(params(api.urls[2]).has('open_at')).toBe(false);
    expect(search.openAt).toBeNull();
  });
});
