/**
 * The page's shareable state in its URL query: filters, the chosen place, the camera and the
 * language. Parsing never throws: a value the app cannot use is dropped, so a mistyped or outdated
 * link still opens, just with fewer filters. Parameter names match the API's where they exist.
 *
 *   ?q=科技&kinds=museum,science_center&themes=science&free=true&weekend=true&green_channel=true
 *    &accessible=wheelchair&sort=distance&near=116.3975,39.9087&c=116.397,39.909&z=12&lang=en
 *
 * The teacher's filters are `grade=5&group_size=45&school_places=true`.
 *
 * The "when" filter is one of `weekend=true`, `open_on=YYYY-MM-DD`, `open_from=…&open_to=…` or `open_now=true` (a link must
 * mean "open when it is opened", so it cannot carry the API's fixed `open_at` instant), with
 * `include_unknown_hours=true` beside it.
 */

import { GRADE_MAX, GRADE_MIN } from '$domain/vocab.ts';
import { THEMES, VENUE_KINDS, VENUE_SORTS, ACCESSIBILITY_NEEDS } from '$lib/api/vocab';
import { DEFAULT_LANG, parseLang, type Lang } from '$lib/i18n/lang';
import { MAX_MERCATOR_LAT, type LngLat, type View } from '$lib/map/camera';
import { EMPTY_FILTERS, sortApplies, type SearchFilters } from './filters';
import { ANY_TIME, isDate, isRange, type When } from './when';

/** Everything a shared link reproduces. */
export interface UrlState {
  filters: SearchFilters;
  /** The chosen place (`near`), from which distances are measured. */
  near: LngLat | null;
  /** The camera; null leaves the map at its default view. */
  view: View | null;
  lang: Lang;
}

/** The largest class the API takes (`group_size`). */
export const MAX_GROUP_SIZE = 1000;

/** The API refuses longer search text; a longer `q` in a link is dropped rather than cut. */
export const MAX_QUERY_LENGTH = 100;

/** Lowest zoom a link may ask for (the whole world). */
export const MIN_ZOOM = 0;
/** Highest zoom a link may ask for (MapLibre's limit). */
export const MAX_ZOOM = 22;

/** Decimal places kept in the URL: 5 for degrees (about a metre), 2 for zoom. */
const COORD_DECIMALS = 5;
const ZOOM_DECIMALS = 2;

/** A query value as a list of vocabulary words, in vocabulary order, unknown words dropped. */
function parseList<T extends string>(value: string | null, vocabulary: readonly T[]): T[] {
  if (!value) return [];
  const words = new Set(value.split(',').map((w) => w.trim()));
  return vocabulary.filter((v) => words.has(v));
}

/** A strict decimal number (no hex, no empty string, no Infinity). */
function parseNumber(value: string | undefined): number | null {
  if (value === undefined || !/^-?\d+(\.\d+)?$/.test(value.trim())) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A whole number within [min, max], or null. */
function parseInteger(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d{1,4}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/** "lng,lat" within the ranges a map can show, or null. */
export function parseLngLat(value: string | null): LngLat | null {
  if (!value) return null;
  const parts = value.split(',');
  if (parts.length !== 2) return null;
  const lng = parseNumber(parts[0]);
  const lat = parseNumber(parts[1]);
  if (lng === null || lat === null) return null;
  if (Math.abs(lng) > 180 || Math.abs(lat) > MAX_MERCATOR_LAT) return null;
  return [lng, lat];
}

function round(value: number, decimals: number): number {
  // Adding 0 turns -0 into 0, so the URL never shows "-0".
  return Number(value.toFixed(decimals)) + 0;
}

/** Serialise a point as "lng,lat" at URL precision. */
export function formatLngLat([lng, lat]: LngLat): string {
  return `${round(lng, COORD_DECIMALS)},${round(lat, COORD_DECIMALS)}`;
}

/** The "when" filter of a query; a malformed date is dropped, and a day wins over the weekend and now. */
function parseWhen(params: URLSearchParams): When {
  const date = params.get('open_on');
  if (isDate(date)) return { type: 'date', date };
  const from = params.get('open_from');
  const to = params.get('open_to');
  if (isRange(from, to)) return { type: 'range', from: from!, to: to! };
  if (params.get('weekend') === 'true') return { type: 'weekend' };
  if (params.get('open_now') === 'true') return { type: 'now' };
  return ANY_TIME;
}

/** Read the page state from a URL query; never throws. */
export function parseUrlState(params: URLSearchParams): UrlState {
  const q = (params.get('q') ?? '').trim();
  const near = parseLngLat(params.get('near'));
  const filters: SearchFilters = {
    q: q.length <= MAX_QUERY_LENGTH ? q : '',
    kinds: parseList(params.get('kinds'), VENUE_KINDS),
    themes: parseList(params.get('themes'), THEMES),
    free: params.get('free') === 'true',
    greenChannel: params.get('green_channel') === 'true',
    grade: parseInteger(params.get('grade'), GRADE_MIN, GRADE_MAX),
    groupSize: parseInteger(params.get('group_size'), 1, MAX_GROUP_SIZE),
    schoolPlaces: params.get('school_places') === 'true',
    accessible: parseList(params.get('accessible'), ACCESSIBILITY_NEEDS),
    sort: null,
    when: parseWhen(params),
    includeUnknownHours: false,
  };
  filters.includeUnknownHours = filters.when.type !== 'any' && params.get('include_unknown_hours') === 'true';
  const sort = VENUE_SORTS.find((s) => s === params.get('sort'));
  if (sort && sortApplies(sort, near, filters.q)) filters.sort = sort;

  const center = parseLngLat(params.get('c'));
  const zoom = parseNumber(params.get('z') ?? undefined);
  const view =
    center && zoom !== null && zoom >= MIN_ZOOM && zoom <= MAX_ZOOM
      ? { center, zoom: round(zoom, ZOOM_DECIMALS) }
      : null;

  return { filters, near, view, lang: parseLang(params.get('lang')) };
}

/**
 * Write the page state as a query string (without "?"). Defaults are left out, so a fresh visit
 * has a clean address; commas stay readable.
 */
export function serializeUrlState(state: UrlState): string {
  const { filters, near, view, lang } = state;
  const pairs: [string, string][] = [];
  const q = filters.q.trim();
  if (q !== '' && q.length <= MAX_QUERY_LENGTH) pairs.push(['q', q]);
  if (filters.kinds.length > 0) pairs.push(['kinds', filters.kinds.join(',')]);
  if (filters.themes.length > 0) pairs.push(['themes', filters.themes.join(',')]);
  if (filters.free) pairs.push(['free', 'true']);
  const when = filters.when;
  if (when.type === 'weekend') pairs.push(['weekend', 'true']);
  else if (when.type === 'date') pairs.push(['open_on', when.date]);
  else if (when.type === 'range') pairs.push(['open_from', when.from], ['open_to', when.to]);
  else if (when.type === 'now') pairs.push(['open_now', 'true']);
  if (when.type !== 'any' && filters.includeUnknownHours) pairs.push(['include_unknown_hours', 'true']);
  if (filters.greenChannel) pairs.push(['green_channel', 'true']);
  if (filters.grade !== null) pairs.push(['grade', String(filters.grade)]);
  if (filters.groupSize !== null) pairs.push(['group_size', String(filters.groupSize)]);
  if (filters.schoolPlaces) pairs.push(['school_places', 'true']);
  if (filters.accessible.length > 0) pairs.push(['accessible', filters.accessible.join(',')]);
  if (filters.sort !== null && sortApplies(filters.sort, near, q)) pairs.push(['sort', filters.sort]);
  if (near) pairs.push(['near', formatLngLat(near)]);
  if (view) {
    pairs.push(['c', formatLngLat(view.center)]);
    pairs.push(['z', String(round(view.zoom, ZOOM_DECIMALS))]);
  }
  if (lang !== DEFAULT_LANG) pairs.push(['lang', lang]);
  return pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replaceAll('%2C', ',')}`).join('&');
}

/** The state of a URL with no query: Chinese, no filters, default camera. */
export const EMPTY_URL_STATE: UrlState = { filters: EMPTY_FILTERS, near: null, view: null, lang: DEFAULT_LANG };
