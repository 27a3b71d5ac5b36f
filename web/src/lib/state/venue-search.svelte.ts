/**
 * Shared state of the home page: what the map shows, the filters and the chosen place, the venues
 * that match, and which venue is hovered or selected. The map, the filter panel and the list all
 * read and write it, which is what keeps them in sync; the page mirrors it into the URL.
 */

import { createContext } from 'svelte';
import { apiUrl, createApi, type ApiClient } from '$lib/api/client';
import type { BBox, VenueItem } from '$lib/api/types';
import { venueSearchQuery, type VenueQuery } from '$lib/api/venue-query';
import { normalizeBbox, sameBbox, type LngLat, type View } from '$lib/map/camera';
import { EMPTY_FILTERS, effectiveSort, type SearchFilters } from './filters';
import type { SchoolPoint } from './school-start';
import { parseLngLat, formatLngLat } from './url-state';
import { currentMinute, NO_IDS, unknownHoursIds } from './when';

/** Where a hover or selection came from: the list scrolls only for highlights made on the map. */
export type HighlightOrigin = 'map' | 'list';

/** Options for {@link VenueSearch}; the defaults suit the browser, tests shorten or inject them. */
export interface VenueSearchOptions {
  /** The fetch the API client uses (tests inject one); defaults to the browser's. */
  fetch?: typeof fetch;
  /** The origin requests go to; defaults to the page's (tests give one). */
  baseUrl?: string;
  /** Wait after the last keystroke before searching. */
  queryDelayMs?: number;
  /** Wait after the map stops moving before searching; absorbs bursts of `moveend`. */
  moveDelayMs?: number;
  /** Page size; the API caps it too. */
  limit?: number;
  /** Filters and place to start with, e.g. from the URL. */
  filters?: SearchFilters;
  near?: LngLat | null;
}

/** How the chosen place was set: the list and the place controls say so. */
export type PlaceSource = 'located' | 'picked' | 'venue' | 'district' | 'shared' | 'school';

/** The point distances are measured from, and how it was chosen. */
export interface Place {
  point: LngLat;
  source: PlaceSource;
  /** A venue's or district's name when the place was chosen by name. */
  name?: string;
}

export class VenueSearch {
  /** Filters as the person set them; the search box text is `filters.q`. */
  filters = $state.raw<SearchFilters>(EMPTY_FILTERS);
  /** The chosen place, if any. */
  place = $state.raw<Place | null>(null);
  /** A signed-in teacher's school: drawn on the map, and the list says how far each venue is from it. */
  school = $state.raw<SchoolPoint | null>(null);
  /** The next map click (or Enter on the map) chooses the place instead of a venue. */
  picking = $state(false);
  /** The map's camera once it has one; written to the URL. */
  view = $state.raw<View | null>(null);
  /** The order actually requested (a chosen sort that cannot apply falls back to the server's). */
  sort = $derived(effectiveSort(this.filters, this.place?.point ?? null));
  /** Venues of the latest completed request, in the server's order. */
  items = $state.raw<VenueItem[]>([]);
  /** The server has more results than the page holds. */
  hasMore = $state(false);
  loading = $state(false);
  /** The latest failed request's error (see `apiErrorText`), cleared by the next success. */
  error = $state.raw<unknown>(null);
  /** At least one request has answered, so an empty list really means "nothing here". */
  loaded = $state(false);
  /**
   * With a date filter: venues in the area matching everything else whose hours are unknown (left
   * out, or shown marked when `filters.includeUnknownHours`); null without a date filter.
   */
  unknownHoursCount = $state<number | null>(null);
  /** Listed venues whose hours are unknown (only when the filters include them). */
  unknownHoursIds = $state.raw<ReadonlySet<string>>(NO_IDS);
  /** The instant "open now" asks about: the minute of the latest request. */
  openAt = $state<string | null>(null);
  hoveredId = $state<string | null>(null);
  selectedId = $state<string | null>(null);
  origin = $state<HighlightOrigin>('list');
  /** The venue to emphasise on both map and list; a hover wins over the selection. */
  highlightedId = $derived(this.hoveredId ?? this.selectedId);

  #bbox: BBox | null = null;
  #requestedUrl: string | null = null;
  #controller: AbortController | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #api: Pick<ApiClient, 'GET'>;
  #queryDelayMs: number;
  #moveDelayMs: number;
  #limit: number;

  constructor(options: VenueSearchOptions = {}) {
    this.#api = createApi({ fetch: options.fetch, baseUrl: options.baseUrl });
    this.#queryDelayMs = options.queryDelayMs ?? 250;
    this.#moveDelayMs = options.moveDelayMs ?? 150;
    this.#limit = options.limit ?? 200;
    if (options.filters) this.filters = options.filters;
    if (options.near) this.place = { point: options.near, source: 'shared' };
    if (this.filters.when.type === 'now') this.openAt = currentMinute();
  }

  /** Search box text as typed. */
  get query(): string {
    return this.filters.q;
  }

  /** The box currently searched, normalised; null before the map has a size. */
  get bbox(): BBox | null {
    return this.#bbox;
  }

  /**
   * Report the visible box. Identical boxes (after outward rounding) are ignored.
   * @param immediate skip the debounce, e.g. for the very first view
   */
  setBbox(bbox: BBox, immediate = false): void {
    const next = normalizeBbox(bbox);
    if (sameBbox(next, this.#bbox)) return;
    this.#bbox = next;
    this.#schedule(immediate ? 0 : this.#moveDelayMs);
  }

  /** Update the search text; the request follows after a short pause in typing. */
  setQuery(text: string): void {
    this.filters = { ...this.filters, q: text };
    this.#schedule(this.#queryDelayMs);
  }

  /** Replace the filters; checkboxes answer at once, but changed text still waits for typing to pause. */
  setFilters(next: SearchFilters): void {
    const typing = next.q !== this.filters.q;
    this.filters = next;
    this.openAt = next.when.type === 'now' ? currentMinute() : null;
    this.#schedule(typing ? this.#queryDelayMs : 0);
  }

  /**
   * Set or clear the chosen place. The point is rounded as the URL rounds it, so a shared link
   * measures distances from exactly the same point.
   */
  setPlace(place: Place | null): void {
    this.place = place && { ...place, point: parseLngLat(formatLngLat(place.point)) ?? place.point };
    this.#schedule(0);
  }

  /**
   * Start around the person's school: it is drawn and distances from it are shown; with `asPlace` it
   * also becomes the chosen place, so the list is ordered and measured from it.
   */
  startAtSchool(school: SchoolPoint, asPlace: boolean): void {
    this.school = school;
    if (asPlace) this.setPlace({ point: school.point, source: 'school', name: school.name });
  }

  /** Remember the camera (for the URL); the box it shows is reported with {@link setBbox}. */
  setView(view: View): void {
    this.view = view;
  }

  /** Set or clear the hovered venue. */
  hover(id: string | null, origin: HighlightOrigin): void {
    this.hoveredId = id;
    if (id !== null) this.origin = origin;
  }

  /** Set or clear the selected venue. */
  select(id: string | null, origin: HighlightOrigin): void {
    this.selectedId = id;
    if (id !== null) this.origin = origin;
  }

  /** Stop pending work; call when the page goes away. */
  destroy(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#controller?.abort();
    this.#controller = null;
  }

  #schedule(delayMs: number): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#load();
    }, delayMs);
  }

  async #load(): Promise<void> {
    const bbox = this.#bbox;
    if (bbox === null) return;
    const filters = this.filters;
    // "Now" moves on: each request asks about the current minute (the map follows through `openAt`).
    if (filters.when.type === 'now') this.openAt = currentMinute();
    const openAt = this.openAt;
    const query: VenueQuery = { bbox, filters, near: this.place?.point ?? null, limit: this.#limit, openAt };
    const url = apiUrl('/api/venues', { query: venueSearchQuery(query) });
    // Typing a space, or panning back to the same box, would otherwise repeat the request.
    if (url === this.#requestedUrl) return;
    this.#requestedUrl = url;

    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    try {
      const search = (q: VenueQuery) =>
        this.#api.GET('/api/venues', { params: { query: venueSearchQuery(q) }, signal: controller.signal });
      // Items carry no hours flag; the same query without unknown hours tells which ones they are.
      const marking = filters.includeUnknownHours && filters.when.type !== 'any';
      const [page, known] = await Promise.all([
        search(query),
        marking ? search({ ...query, filters: { ...filters, includeUnknownHours: false } }) : null,
      ]);
      // An answer can still arrive after a newer request superseded this one.
      if (controller.signal.aborted) return;
      this.items = page.items;
      this.unknownHoursCount = (known ?? page).unknown_hours_excluded;
      this.unknownHoursIds = known ? unknownHoursIds(page.items, known.items) : NO_IDS;
      this.hasMore = page.next_cursor !== null;
      this.error = null;
      this.loaded = true;
      if (this.hoveredId !== null && !page.items.some((v) => v.id === this.hoveredId)) {
        this.hoveredId = null;
      }
    } catch (err) {
      if (controller.signal.aborted) return;
      this.error = err;
      // Let the same request be retried after a failure.
      this.#requestedUrl = null;
    } finally {
      if (this.#controller === controller) {
        this.#controller = null;
        this.loading = false;
      }
    }
  }
}

/**
 * The home page's search state, shared through context: the page sets it
 * (`setVenueSearchContext(new VenueSearch(...))`), the map, filters and list read it.
 */
export const [getVenueSearchContext, setVenueSearchContext] = createContext<VenueSearch>();
