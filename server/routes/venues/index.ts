import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import {
  countUnknownHours,
  findVenues,
  getVenue,
  hasDateFilter,
  type VenueFilters,
  type VenueSort,
} from '../../../db/queries/venue-search.ts';
import { describeHours } from '../../../domain/hours/venue-hours.ts';
import { decodeCursor, encodeCursor, queryFingerprint } from '../../cursor.ts';
import { Errors } from '../../errors.ts';
import { presentVenueDetail, presentVenueFeature, presentVenueSummary } from '../../presenters/venue.ts';
import { errorResponses } from '../../schemas/common.ts';
import { parseInstant, parseVenueFilters } from '../../schemas/venue-filters.ts';
import { holidayCalendar } from '../../services/calendar-cache.ts';
import {
  DEFAULT_LIMIT,
  VenueDetail,
  VenueDetailQuery,
  VenueFeatureCollection,
  VenueList,
  VenueParams,
  VenueSearchQuery,
  VenueSummary as VenueSummarySchema,
} from './schema.ts';

const GEOJSON = 'application/geo+json';

const venueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(VenueSummarySchema);

  app.get(
    '/api/venues',
    {
      schema: {
        tags: ['venues'],
        summary: 'Search venues',
        description:
          'Near a point (nearest first, with `distance_m`), in a box, by name substring, kind and free admission for minors. ' +
          'Send `Accept: application/geo+json` for a GeoJSON FeatureCollection.',
        operationId: 'searchVenues',
        querystring: VenueSearchQuery,
        response: {
          200: {
            description: 'One page of venues',
            content: {
              'application/json': { schema: VenueList },
              [GEOJSON]: { schema: VenueFeatureCollection },
            },
          },
          ...errorResponses(400),
        },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const filters = parseVenueFilters(query);
      const sort = chooseSort(query.sort, filters);
      const limit = query.limit ?? DEFAULT_LIMIT;
      const fingerprint = queryFingerprint({ ...filters, sort });
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, fingerprint);

      // One row more than asked tells whether another page exists. The count of venues a date filter
      // leaves out is independent of the page, so both run at once (on two pooled connections). The
      // response requires the count on every page, later ones included, so it is never skipped.
      // With school places asked for, a school slot on the day is the date filter: no venue is left out for its hours.
      const counting = hasDateFilter(filters) && !filters.includeUnknownHours && !filters.schoolPlaces;
      const [rows, unknownHoursExcluded] = await Promise.all([
        findVenues(app.db, { ...filters, sort, limit: limit + 1, after }),
        counting ? countUnknownHours(app.db, filters) : null,
      ]);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const nextCursor =
        rows.length > limit && last ? encodeCursor({ key: last.sortKey, id: last.id }, fingerprint) : null;
      const items = page.map(presentVenueSummary);

      if (wantsGeoJson(request.headers.accept)) {
        reply.type(GEOJSON);
        return {
          type: 'FeatureCollection' as const,
          features: items.map(presentVenueFeature),
          next_cursor: nextCursor,
          unknown_hours_excluded: unknownHoursExcluded,
        };
      }
      return { items, next_cursor: nextCursor, unknown_hours_excluded: unknownHoursExcluded };
    },
  );

  app.get(
    '/api/venues/:id',
    {
      schema: {
        tags: ['venues'],
        summary: 'One venue',
        description:
          'Everything the venue page shows: hours, admission for minors, accessibility, group policy, designations, provenance.',
        operationId: 'getVenue',
        params: VenueParams,
        querystring: VenueDetailQuery,
        response: { 200: VenueDetail, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const at = request.query.at === undefined ? new Date() : parseInstant('at', request.query.at);
      const venue = await getVenue(app.db, { id: request.params.id });
      if (!venue) throw Errors.venueNotFound();
      return presentVenueDetail(venue, describeHours(venue.venue.openingHours, await holidayCalendar(app.db), at));
    },
  );
};

/** The requested order, or the natural one: nearest first near a point, best match for a name. */
function chooseSort(requested: VenueSort | undefined, filters: VenueFilters): VenueSort {
  if (requested === 'distance' && !filters.near) throw Errors.sortNeedsNear();
  if (requested === 'relevance' && !filters.q) throw Errors.sortNeedsQuery();
  return requested ?? (filters.near ? 'distance' : filters.q ? 'relevance' : 'name');
}

function wantsGeoJson(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes(GEOJSON);
}

export default venueRoutes;
