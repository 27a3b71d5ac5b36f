import { messages } from '$lib/i18n/zh-CN';
import type { ApiErrorBody, BBox, ClientConfig, VenueSearchResponse } from './types';
import { bboxParam } from '$lib/map/camera';

/** An API failure whose message is safe to show to the user. */
export class ApiError extends Error {
  /**
   * @param message text for the user (the server's 4xx message, or a generic one)
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
    throw new ApiError(messages.networkError, 'NETWORK', 0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  // 5xx messages are never meant for users (STYLE.md practice 5); 4xx ones are.
  if (response.status < 500 && isApiErrorBody(body)) {
    throw new ApiError(body.error.message, body.error.code, response.status);
  }
  throw new ApiError(messages.serverError, 'SERVER', response.status);
}

/** Parameters of a map-driven venue search. */
export interface VenueQuery {
  bbox: BBox;
  q?: string;
  limit?: number;
}

/** Build the `/api/venues` URL for a query; empty search text is left out. */
export function venuesUrl({ bbox, q, limit = 200 }: VenueQuery): string {
  const params = new URLSearchParams({ bbox: bboxParam(bbox), limit: String(limit) });
  const text = q?.trim();
  if (text) params.set('q', text);
  return `/api/venues?${params}`;
}

/** Search venues inside a bounding box, optionally matching text. */
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
export async function loadClientConfig(fetchFn: typeof fetch = fetch): Promise<ClientConfig> {
  try {
    const config = await getJson<Partial<ClientConfig>>('/api/config', { fetch: fetchFn });
    const url = config?.basemap_style_url;
    return { basemap_style_url: typeof url === 'string' && url !== '' ? url : null };
  } catch {
    return { basemap_style_url: null };
  }
}
