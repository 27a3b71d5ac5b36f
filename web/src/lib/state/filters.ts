/**
 * The search filters a person sets, as plain data, and the pure rules around them: which are
 * active, how to remove one, and which sort order the API will accept.
 */

import type { Theme, VenueKind, VenueSort } from '$lib/api/types';
import type { AccessibilityNeed } from '$lib/api/vocab';
import type { LngLat } from '$lib/map/camera';
import { ANY_TIME, type When } from './when';

/** Everything that narrows or orders the list, besides the map's box and the chosen place. */
export interface SearchFilters {
  /** Name text as typed; trimmed when sent. */
  q: string;
  kinds: readonly VenueKind[];
  themes: readonly Theme[];
  /** Free admission for minors. */
  free: boolean;
  greenChannel: boolean;
  /** A school grade the venue must suit (0 kindergarten … 12), or null. */
  grade: number | null;
  /** A class of this many pupils must be admitted (and fit the school places asked for), or null. */
  groupSize: number | null;
  /** Only venues with a coming slot holding places for schools (enough for `groupSize`). */
  schoolPlaces: boolean;
  /** Needs a venue must all be known to meet. */
  accessible: readonly AccessibilityNeed[];
  /** Requested order; null leaves the choice to the server (distance near a place, else name). */
  sort: VenueSort | null;
  /** Open this weekend, on a day, or now; `any` filters nothing. */
  when: When;
  /** With a date filter, also show venues whose opening hours are unknown (marked as such). */
  includeUnknownHours: boolean;
}

/** No filters: what a fresh visit starts with. */
export const EMPTY_FILTERS: SearchFilters = {
  q: '',
  kinds: [],
  themes: [],
  free: false,
  greenChannel: false,
  grade: null,
  groupSize: null,
  schoolPlaces: false,
  accessible: [],
  sort: null,
  when: ANY_TIME,
  includeUnknownHours: false,
};

/** One filter that narrows the results, in a form the empty state can name and remove. */
export type ActiveFilter =
  | { type: 'q' }
  | { type: 'free' }
  | { type: 'when' }
  | { type: 'greenChannel' }
  | { type: 'grade' }
  | { type: 'groupSize' }
  | { type: 'schoolPlaces' }
  | { type: 'kind'; value: VenueKind }
  | { type: 'theme'; value: Theme }
  | { type: 'accessible'; value: AccessibilityNeed };

/**
 * The filters that narrow the results, most restrictive kinds first: removing a single checkbox
 * like "free" usually brings back more than removing one of several kinds.
 */
export function activeFilters(filters: SearchFilters): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  if (filters.free) active.push({ type: 'free' });
  if (filters.when.type !== 'any') active.push({ type: 'when' });
  if (filters.schoolPlaces) active.push({ type: 'schoolPlaces' });
  if (filters.groupSize !== null) active.push({ type: 'groupSize' });
  if (filters.grade !== null) active.push({ type: 'grade' });
  if (filters.greenChannel) active.push({ type: 'greenChannel' });
  for (const value of filters.accessible) active.push({ type: 'accessible', value });
  for (const value of filters.themes) active.push({ type: 'theme', value });
  for (const value of filters.kinds) active.push({ type: 'kind', value });
  if (filters.q.trim() !== '') active.push({ type: 'q' });
  return active;
}

/** The filters with one of them removed. */
export function withoutFilter(filters: SearchFilters, filter: ActiveFilter): SearchFilters {
  switch (filter.type) {
    case 'q':
      return { ...filters, q: '' };
    case 'free':
      return { ...filters, free: false };
    case 'when':
      return { ...filters, when: ANY_TIME, includeUnknownHours: false };
    case 'greenChannel':
      return { ...filters, greenChannel: false };
    case 'grade':
      return { ...filters, grade: null };
    case 'groupSize':
      return { ...filters, groupSize: null };
    case 'schoolPlaces':
      return { ...filters, schoolPlaces: false };
    case 'kind':
      return { ...filters, kinds: filters.kinds.filter((k) => k !== filter.value) };
    case 'theme':
      return { ...filters, themes: filters.themes.filter((t) => t !== filter.value) };
    case 'accessible':
      return { ...filters, accessible: filters.accessible.filter((a) => a !== filter.value) };
  }
}

/** The filters with everything cleared except the search text and the sort order. */
export function clearedFilters(filters: SearchFilters): SearchFilters {
  return { ...EMPTY_FILTERS, q: filters.q, sort: filters.sort };
}

/**
 * Add or remove `value` in a list, keeping the order of `vocabulary` so equal selections serialise
 * to equal URLs.
 */
export function toggleIn<T extends string>(list: readonly T[], value: T, on: boolean, vocabulary: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(value);
  else set.delete(value);
  return vocabulary.filter((v) => set.has(v));
}

/**
 * Whether the API accepts `sort` with these inputs: distance needs a place, relevance needs text.
 * The sort control disables the ones that cannot apply.
 */
export function sortApplies(sort: VenueSort, near: LngLat | null, q: string): boolean {
  if (sort === 'distance') return near !== null;
  if (sort === 'relevance') return q.trim() !== '';
  return true;
}

/** The order to request: the chosen one when it applies, else the server's default (null). */
export function effectiveSort(filters: SearchFilters, near: LngLat | null): VenueSort | null {
  return filters.sort !== null && sortApplies(filters.sort, near, filters.q) ? filters.sort : null;
}
