import { bboxParam, type LngLat } from '$lib/map/camera';
import { effectiveSort, type SearchFilters } from '$lib/state/filters';
import { whenParams } from '$lib/state/when';
import type {
  ApiErrorBody,
  BBox,
  ClientConfig,
  DistrictItem,
  VenueDetail,
  VenueSearchResponse,
  VenueSlotsResponse,
} from './types';

/**
 * An API failure. A 4xx message is safe to show; `NETWORK` and `SERVER` carry no user text, and the
 * interface words them in its own language (`apiErrorText`).
 */
export class ApiError extends Error {
  /**
   * @param message the server's 4xx message, or a developer-facing note for client-side classes
   * @param code the server's stable machine code, or `NETWORK` / `SERVER` for client-side classes
   * @param status HTTP status, 0 when the request never got an answer
   */
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/**
 * GET a JSON resource from the API, turning every failure into an {@link ApiError}.
 * Abort errors are re-thrown untouched so callers can ignore superseded requests.
 */
export async function getJson<T>(path: string, init: { signal?: AbortSignal; fetch?: typeof fetch } = {}): Promise<T> {
  const doFetch = init.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(path, { signal: init.signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('network request failed', 'NETWORK', 0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  // 5xx messages are never meant for users (STYLE.md practice 5); 4xx ones are.
  if (response.status < 500 && isApiErrorBody(body)) {
    throw new ApiError(body.error.message, body.error.code, response.status);
  }
  throw new ApiError(`server answered ${response.status}`, 'SERVER', response.status);
}

/** Parameters of a map-driven venue search. */
export interface VenueQuery {
  /** The visible box; null searches everywhere (used to find a venue by name). */
  bbox: BBox | null;
  filters?: SearchFilters;
  /** The chosen place: distances are measured from it, and it allows sorting by distance. */
  near?: LngLat | null;
  limit?: number;
  /** The instant an "open now" filter asks about (ISO); defaults to the current minute. */
  openAt?: string | null;
}

/**
 * The filter parameters `/api/venues`, the tiles and TileJSON share (not the box, place, order or
 * page size); empty and default values are left out.
 * @param openAt the instant "open now" means
 */
export function filterParams(filters: SearchFilters, openAt: string | null = null): URLSearchParams {
  const params = new URLSearchParams();
  const text = filters.q.trim();
  if (text) params.set('q', text);
  if (filters.kinds.length > 0) params.set('kinds', filters.kinds.join(','));
  if (filters.themes.length > 0) params.set('themes', filters.themes.join(','));
  if (filters.free) params.set('free', 'true');
  if (filters.greenChannel) params.set('green_channel', 'true');
  if (filters.accessible.length > 0) params.set('accessible', filters.accessible.join(','));
  for (const [key, value] of whenParams(filters.when, openAt, filters.includeUnknownHours)) params.set(key, value);
  return params;
}

/** Build the `/api/venues` URL for a query; empty and default values are left out. */
export function venuesUrl({ bbox, filters, near = null, limit = 200, openAt = null }: VenueQuery): string {
  const params = new URLSearchParams();
  if (bbox) params.set('bbox', bboxParam(bbox));
  if (near) params.set('near', near.join(','));
  if (filters) {
    for (const [key, value] of filterParams(filters, openAt)) params.set(key, value);
    const sort = effectiveSort(filters, near);
    if (sort) params.set('sort', sort);
  }
  params.set('limit', String(limit));
  return `/api/venues?${params}`;
}

/** Search venues, optionally inside a box, near a place and matching filters. */
export function searchVenues(
  query: VenueQuery,
  init: { signal?: AbortSignal; fetch?: typeof fetch } = {},
): Promise<VenueSearchResponse> {
  return getJson<VenueSearchResponse>(venuesUrl(query), init);
}

/**
 * Runtime client settings. A missing or broken config endpoint must not stop the map,
 * so any failure falls back to the offline base map.
 */
/** Provinces, cities and districts whose name contains `q`, larger ones first. */
export async function findDistricts(
  q: string,
  limit: number,
  init: { signal?: AbortSignal } = {},
): Promise<DistrictItem[]> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  const page = await getJson<{ items: DistrictItem[] }>(`/api/districts?${params.toString()}`, init);
  return page.items;
}

export async function loadClientConfig(fetchFn: typeof fetch = fetch): Promise<ClientConfig> {
  try {
    const config = await getJson<Partial<ClientConfig>>('/api/config', { fetch: fetchFn });
    const url = config?.basemap_style_url;
    return { basemap_style_url: typeof url === 'string' && url !== '' ? url : null };
  } catch {
    return { basemap_style_url: null };
  }
}

/** Path of a venue's iCalendar file (its coming slots). */
export function venueCalendarUrl(id: string): string {
  return `/api/venues/${encodeURIComponent(id)}/calendar.ics`;
}

/** One venue with its hours, admission, policies and provenance. */
export function getVenue(id: string, init: { fetch?: typeof fetch } = {}): Promise<VenueDetail> {
  return getJson<VenueDetail>(`/api/venues/${encodeURIComponent(id)}`, init);
}

/**
 * A venue's slots from now (or `from`) to `to` (a Shanghai date, inclusive), in time order.
 * @param range.limit the API allows up to 200
 */
export function getVenueSlots(
  id: string,
  range: { from?: string; to: string; limit?: number },
  init: { fetch?: typeof fetch } = {},
): Promise<VenueSlotsResponse> {
  const params = new URLSearchParams({ to: range.to, limit: String(range.limit ?? 100) });
  if (range.from) params.set('from', range.from);
  return getJson<VenueSlotsResponse>(`/api/venues/${encodeURIComponent(id)}/slots?${params}`, init);
}
