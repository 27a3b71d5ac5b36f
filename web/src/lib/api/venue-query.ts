/**
 * The query of a venue search, built from the filters a person set: the one mapping from the web's
 * state to the API's parameters, shared by the list (`/api/venues`), the place search and the tiles
 * (their TileJSON takes the same filters). Pure; empty and default values are left out.
 */
import { bboxParam, type LngLat } from '$lib/map/camera';
import { effectiveSort, type SearchFilters } from '$lib/state/filters';
import { whenQuery } from '$lib/state/when';
import type { ApiQuery } from './client';
import type { BBox } from './types';

/** Query parameters of `GET /api/venues`. */
export type VenueSearchQuery = ApiQuery<'/api/venues'>;

/** The filter parameters the search, the tiles and TileJSON share (not the box, place, order or page size). */
export type VenueFilterQuery = Omit<VenueSearchQuery, 'bbox' | 'near' | 'radius_m' | 'sort' | 'limit' | 'cursor'>;

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
 * The filter parameters of the current filters.
 * @param openAt the instant "open now" means
 */
export function venueFilterQuery(filters: SearchFilters, openAt: string | null = null): VenueFilterQuery {
  const query: VenueFilterQuery = {};
  const text = filters.q.trim();
  if (text) query.q = text;
  if (filters.kinds.length > 0) query.kinds = filters.kinds.join(',');
  if (filters.themes.length > 0) query.themes = filters.themes.join(',');
  if (filters.free) query.free = 'true';
  if (filters.greenChannel) query.green_channel = 'true';
  if (filters.grade !== null) query.grade = filters.grade;
  if (filters.groupSize !== null) query.group_size = filters.groupSize;
  if (filters.schoolPlaces) query.school_places = 'true';
  if (filters.accessible.length > 0) query.accessible = filters.accessible.join(',');
  return { ...query, ...whenQuery(filters.when, openAt, filters.includeUnknownHours) };
}

/** The whole query of a search: box, place, filters, the order the API will accept, and the page size. */
export function venueSearchQuery({
  bbox,
  filters,
  near = null,
  limit = 200,
  openAt = null,
}: VenueQuery): VenueSearchQuery {
  const query: VenueSearchQuery = {};
  if (bbox) query.bbox = bboxParam(bbox);
  if (near) query.near = near.join(',');
  if (filters) {
    Object.assign(query, venueFilterQuery(filters, openAt));
    const sort = effectiveSort(filters, near);
    if (sort) query.sort = sort;
  }
  query.limit = limit;
  return query;
}
