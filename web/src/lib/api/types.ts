/**
 * Names for the API types the client uses. Everything comes from `schema.d.ts`, which is generated
 * from the committed OpenAPI document (`npm run api:generate`); a test fails when it drifts from the
 * server's routes.
 */
import type { components, operations } from './schema';

/** One item of `GET /api/venues`. */
export type VenueItem = components['schemas']['VenueSummary'];

/** Body of a successful `GET /api/venues`. */
export type VenueSearchResponse = operations['searchVenues']['responses'][200]['content']['application/json'];

/** Query parameters of `GET /api/venues`. */
export type VenueSearchParams = NonNullable<operations['searchVenues']['parameters']['query']>;

/** Body of every 4xx answer. */
export type ApiErrorBody = components['schemas']['Error'];

/** Body of `GET /api/config`: runtime settings the server injects. */
export type ClientConfig = operations['getClientConfig']['responses'][200]['content']['application/json'];

/** Venue kinds, stable API names. */
export type VenueKind = VenueItem['kinds'][number];

/** Educational themes, stable API names. */
export type Theme = VenueItem['themes'][number];

/** Orders `GET /api/venues` can sort by. */
export type VenueSort = NonNullable<VenueSearchParams['sort']>;

/** Admission for minors. */
export type Admission = VenueItem['minors_admission'];

/** How far a venue's point can be trusted; low-precision points are drawn fainter. */
export type CoordPrecision = VenueItem['coord_precision'];

/** Bounding box as `[minLng, minLat, maxLng, maxLat]` in WGS-84 degrees. */
export type BBox = [number, number, number, number];

/** Body of `GET /api/venues/{id}`: everything the venue page shows. */
export type VenueDetail = operations['getVenue']['responses'][200]['content']['application/json'];

/** A venue's opening hours as the API evaluates them: open now, and the coming 7 days. */
export type VenueHours = VenueDetail['hours'];

/** One day of {@link VenueHours}; `intervals` is null when the hours are unknown, empty when closed. */
export type HoursDay = VenueHours['days'][number];

/** A bookable time (open day or programme session) with places left per allocation. */
export type Slot = components['schemas']['Slot'];

/** Body of `GET /api/venues/{id}/slots`. */
export type VenueSlotsResponse = operations['getVenueSlots']['responses'][200]['content']['application/json'];

/** A province, city or district found by name, with a point to centre a search on. */
export type DistrictItem =
  operations['findDistricts']['responses'][200]['content']['application/json']['items'][number];
