import { apiUrl } from '$lib/api/client';
import { venueFilterQuery } from '$lib/api/venue-query';
import type { SearchFilters } from '$lib/state/filters';

/**
 * The TileJSON URL of the venue tiles for the current filters (the same parameters `/api/venues`
 * takes, without box, place, order or page size). Absolute, because MapLibre may resolve it off the
 * page; the tile URLs inside carry the filters on.
 * @param openAt the instant an "open now" filter asks about
 */
export function venueTileJsonUrl(origin: string, filters: SearchFilters, openAt: string | null): string {
  return origin + apiUrl('/api/tiles/venues.json', { query: venueFilterQuery(filters, openAt) });
}
