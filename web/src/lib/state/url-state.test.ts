import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from './filters';
import { EMPTY_URL_STATE, parseUrlState, serializeUrlState, type UrlState } from './url-state';

const parse = (query: string) => parseUrlState(new URLSearchParams(query));

describe('parseUrlState', () => {
  it('gives the empty state for an empty query', () => {
    expect(parse('')).toEqual(EMPTY_URL_STATE);
  });

  it('reads every filter, the place, the camera and the language', () => {
    const state = parse(
      'q=%E7%A7%91%E6%8A%80&kinds=museum,science_center&themes=science&free=true&green_channel=true' +
        '&accessible=wheelchair,visual&sort=distance&near=116.3975,39.9087&c=116.397,39.909&z=12&lang=en',
    );
    expect(state).toEqual({
      filters: {
        q: '科技',
        kinds: ['museum', 'science_center'],
        themes: ['science'],
        free: true,
        greenChannel: true,
        grade: null,
        groupSize: null,
        schoolPlaces: false,
        accessible: ['wheelchair', 'visual'],
        sort: 'distance',
        when: { type: 'any' },
        includeUnknownHours: false,
      },
      near: [116.3975, 39.9087],
      view: { center: [116.397, 39.909], zoom: 12 },
      lang: 'en',
    } satisfies UrlState);
  });

  it('drops unknown words from lists and puts the rest in vocabulary order without repeats', () => {
    const state = parse('kinds=science_center,spaceport,museum,museum&themes=,science,,magic&accessible=legs');
    expect(state.filters.kinds).toEqual(['museum', 'science_center']);
    expect(state.filters.themes).toEqual(['science']);
    expect(state.filters.accessible).toEqual([]);
  });

  it('takes only "true" as true', () => {
    expect(parse('free=1&green_channel=yes').filters).toMatchObject({ free: false, greenChannel: false });
    expect(parse('free=TRUE').filters.free).toBe(false);
  });

  it('drops a sort the API would refuse: distance without a place, relevance without text, unknown ones', () => {
    expect(parse('sort=distance').filters.sort).toBeNull();
    expect(parse('sort=relevance').filters.sort).toBeNull();
    expect(parse('sort=rating&q=a').filters.sort).toBeNull();
    expect(parse('sort=relevance&q=a').filters.sort).toBe('relevance');
    expect(parse('sort=name').filters.sort).toBe('name');
  });

  it('drops points that are malformed or off the map', () => {
    for (const near of ['', '116', '116,39,1', 'a,b', '0x10,5', '181,0', '0,86', 'Infinity,0', '116,', ' , ']) {
      expect(parse(`near=${encodeURIComponent(near)}`).near, near).toBeNull();
    }
    expect(parse('near=-73.9857,40.7484').near).toEqual([-73.9857, 40.7484]);
  });

  it('needs both a valid centre and a zoom in range for a camera', () => {
    expect(parse('c=116.4,39.9').view).toBeNull();
    expect(parse('z=12').view).toBeNull();
    expect(parse('c=116.4,39.9&z=23').view).toBeNull();
    expect(parse('c=116.4,39.9&z=-1').view).toBeNull();
    expect(parse('c=116.4,39.9&z=twelve').view).toBeNull();
    expect(parse('c=116.4,39.9&z=11.456').view).toEqual({ center: [116.4, 39.9], zoom: 11.46 });
  });

  it('drops search text the API would refuse as too long, and trims the rest', () => {
    expect(parse(`q=${'a'.repeat(101)}`).filters.q).toBe('');
    expect(parse('q=%20%20%E9%A6%86%20').filters.q).toBe('馆');
  });

  it('reads one "when" filter, a valid day first, and unknown hours only beside one', () => {
    expect(parse('weekend=true').filters.when).toEqual({ type: 'weekend' });
    expect(parse('open_now=true').filters.when).toEqual({ type: 'now' });
    expect(parse('open_on=2026-12-05&weekend=true').filters.when).toEqual({ type: 'date', date: '2026-12-05' });
    expect(parse('open_on=2026-02-30&weekend=true').filters.when).toEqual({ type: 'weekend' });
    expect(parse('open_on=tomorrow').filters.when).toEqual({ type: 'any' });
    expect(parse('weekend=true&include_unknown_hours=true').filters.includeUnknownHours).toBe(true);
    expect(parse('include_unknown_hours=true').filters.includeUnknownHours).toBe(false);
  });

  it('falls back to Chinese for an unknown language', () => {
    expect(parse('lang=fr').lang).toBe('zh-CN');
    expect(parse('lang=zh-CN').lang).toBe('zh-CN');
  });
});

describe('serializeUrlState', () => {
  it('writes nothing for the empty state', () => {
    expect(serializeUrlState(EMPTY_URL_STATE)).toBe('');
  });

  it('writes a readable query with commas, rounded numbers and only non-default values', () => {
    const query = serializeUrlState({
      filters: { ...EMPTY_FILTERS, q: ' 科技 ', kinds: ['museum', 'science_center'], free: true, sort: 'distance' },
      near: [116.397512345, 39.908712345],
      view: { center: [116.3970004, -0.0000001], zoom: 12.3456 },
      lang: 'en',
    });
    expect(query).toBe(
      'q=%E7%A7%91%E6%8A%80&kinds=museum,science_center&free=true&sort=distance' +
        '&near=116.39751,39.90871&c=116.397,0&z=12.35&lang=en',
    );
  });

  it('writes the "when" filter with the API\'s names, and "now" as a flag rather than an instant', () => {
    const at = (when: UrlState['filters']['when'], includeUnknownHours = false) =>
      serializeUrlState({ ...EMPTY_URL_STATE, filters: { ...EMPTY_FILTERS, when, includeUnknownHours } });
    expect(at({ type: 'weekend' }, true)).toBe('weekend=true&include_unknown_hours=true');
    expect(at({ type: 'date', date: '2026-12-05' })).toBe('open_on=2026-12-05');
    expect(at({ type: 'now' })).toBe('open_now=true');
    expect(at({ type: 'any' }, true)).toBe('');
  });

  it('leaves out a sort that does not apply', () => {
    const query = serializeUrlState({ ...EMPTY_URL_STATE, filters: { ...EMPTY_FILTERS, sort: 'distance' } });
    expect(query).toBe('');
  });

  it('round-trips through parseUrlState', () => {
    const state: UrlState = {
      filters: {
        q: '博物馆 & 科技',
        kinds: ['museum'],
        themes: ['science', 'nature'],
        free: false,
        greenChannel: true,
        grade: 5,
        groupSize: 45,
        schoolPlaces: true,
        accessible: ['hearing'],
        sort: 'relevance',
        when: { type: 'date', date: '2026-12-05' },
        includeUnknownHours: true,
      },
      near: [121.47, 31.23],
      view: { center: [121.5, 31.2], zoom: 9.5 },
      lang: 'zh-CN',
    };
    expect(parse(serializeUrlState(state))).toEqual(state);
  });

  it("reads a teacher's filters and a range of days, dropping values the API would refuse", () => {
    const state = parse('grade=5&group_size=45&school_places=true&open_from=2026-12-03&open_to=2026-12-16');
    expect(state.filters).toMatchObject({
      grade: 5,
      groupSize: 45,
      schoolPlaces: true,
      when: { type: 'range', from: '2026-12-03', to: '2026-12-16' },
    });
    expect(serializeUrlState(state)).toBe(
      'open_from=2026-12-03&open_to=2026-12-16&grade=5&group_size=45&school_places=true',
    );
    const bad = parse('grade=13&group_size=0&school_places=1&open_from=2026-12-16&open_to=2026-12-03');
    expect(bad.filters).toMatchObject({ grade: null, groupSize: null, schoolPlaces: false, when: { type: 'any' } });
    expect(parse('open_from=2026-01-01&open_to=2026-06-01').filters.when).toEqual({ type: 'any' });
  });
});
