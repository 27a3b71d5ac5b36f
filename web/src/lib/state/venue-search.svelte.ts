/**
 * Shared state of the home page: what the map shows, what the search box says, the venues that
 * match, and which venue is hovered or selected. The map and the list both read and write it,
 * which is what keeps them in sync.
 */

import { getContext, setContext } from 'svelte';
import { ApiError, searchVenues, venuesUrl } from '$lib/api/client';
import type { BBox, VenueItem } from '$lib/api/types';
import { normalizeBbox, sameBbox } from '$lib/map/camera';
import { messages } from '$lib/i18n/zh-CN';

/** Where a hover or selection came from: the list scrolls only for highlights made on the map. */
export type HighlightOrigin = 'map' | 'list';

/** Options for {@link VenueSearch}; the defaults suit the browser, tests shorten or inject them. */
export interface VenueSearchOptions {
  fetch?: typeof fetch;
  /** Wait after the last keystroke before searching. */
  queryDelayMs?: number;
  /** Wait after the map stops moving before searching; absorbs bursts of `moveend`. */
  moveDelayMs?: number;
  /** Page size; the API caps it too. */
  limit?: number;
}

export class VenueSearch {
  /** Search box text as typed. */
  query = $state('');
  /** Venues of the latest completed request, in the server's order. */
  items = $state.raw<VenueItem[]>([]);
  /** The server has more results than the page holds. */
  hasMore = $state(false);
  loading = $state(false);
  /** User-facing message of the latest failed request, cleared by the next success. */
  error = $state<string | null>(null);
  /** At least one request has answered, so an empty list really means "nothing here". */
  loaded = $state(false);
  hoveredId = $state<string | null>(null);
  selectedId = $state<string | null>(null);
  origin = $state<HighlightOrigin>('list');
  /** The venue to emphasise on both map and list; a hover wins over the selection. */
  highlightedId = $derived(this.hoveredId ?? this.selectedId);

  #bbox: BBox | null = null;
  #requestedUrl: string | null = null;
  #controller: AbortController | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #fetch: typeof fetch | undefined;
  #queryDelayMs: number;
  #moveDelayMs: number;
  #limit: number;

  constructor(options: VenueSearchOptions = {}) {
    this.#fetch = options.fetch;
    this.#queryDelayMs = options.queryDelayMs ?? 250;
    this.#moveDelayMs = options.moveDelayMs ?? 150;
    this.#limit = options.limit ?? 200;
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
    this.query = text;
    this.#schedule(this.#queryDelayMs);
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
    const query = { bbox, q: this.query, limit: this.#limit };
    const url = venuesUrl(query);
    // Typing a space, or panning back to the same box, would otherwise repeat the request.
    if (url === this.#requestedUrl) return;
    this.#requestedUrl = url;

    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    try {
      const page = await searchVenues(query, { signal: controller.signal, fetch: this.#fetch });
      // An answer can still arrive after a newer request superseded this one.
      if (controller.signal.aborted) return;
      this.items = page.items;
      this.hasMore = page.next_cursor !== null;
      this.error = null;
      this.loaded = true;
      if (this.hoveredId !== null && !page.items.some((v) => v.id === this.hoveredId)) {
        this.hoveredId = null;
      }
    } catch (err) {
      if (controller.signal.aborted) return;
      this.error = err instanceof ApiError ? err.message : messages.serverError;
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

const KEY = Symbol('venue-search');

/** Create the page's search state and make it available to child components. */
export function setVenueSearchContext(search: VenueSearch): VenueSearch {
  return setContext(KEY, search);
}

/** The search state set by an ancestor with {@link setVenueSearchContext}. */
export function getVenueSearchContext(): VenueSearch {
  const search = getContext<VenueSearch | undefined>(KEY);
  if (!search) throw new Error('VenueSearch context is missing; call setVenueSearchContext first');
  return search;
}
