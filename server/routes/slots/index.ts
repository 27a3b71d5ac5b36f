import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { findSlots, type SlotSearch } from '../../../db/queries/slots.ts';
import { isPublishedVenue } from '../../../db/queries/venue-search.ts';
import { decodeCursor, encodeCursor, queryFingerprint } from '../../cursor.ts';
import { Errors } from '../../errors.ts';
import { presentSlot } from '../../presenters/slot.ts';
import { errorResponses } from '../../schemas/common.ts';
import { parseVenueFilters } from '../../schemas/venue-filters.ts';
import { parseBound } from '../../schemas/date-range.ts';
import calendarRoutes from './calendar.ts';
import {
  DEFAULT_RANGE_DAYS,
  DEFAULT_SLOT_LIMIT,
  MAX_RANGE_DAYS,
  Slot,
  SlotList,
  SlotSearchQuery,
  VenueSlotsParams,
  VenueSlotsQuery,
} from './schema.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

interface RangeQuery {
  from?: string | undefined;
  to?: string | undefined;
  kind?: 'open_day' | 'programme' | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** What's on: bookable times (open days and programme sessions) with the places left in each. */
const slotRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(Slot);
  await app.register(calendarRoutes);

  app.get(
    '/api/slots',
    {
      schema: {
        tags: ['slots'],
        summary: "What's on: slots near a place in a date range",
        description:
          'Scheduled slots starting in the range at venues matching the same filters as `/api/venues`, in time order.',
        operationId: 'searchSlots',
        querystring: SlotSearchQuery,
        response: { 200: SlotList, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { from, to, kind, limit, cursor, ...filterQuery } = request.query;
      return pageOfSlots({ ...parseVenueFilters(filterQuery) }, { from, to, kind, limit, cursor });
    },
  );

  app.get(
    '/api/venues/:id/slots',
    {
      schema: {
        tags: ['slots'],
        summary: "A venue's slots with places left per allocation",
        operationId: 'getVenueSlots',
        params: VenueSlotsParams,
        querystring: VenueSlotsQuery,
        response: { 200: SlotList, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      // Drafts, venues waiting for review and suspended ones have no public page, so no public slots.
      if (!(await isPublishedVenue(app.db, request.params.id))) throw Errors.venueNotFound();
      return pageOfSlots({ venueId: request.params.id }, request.query);
    },
  );

  async function pageOfSlots(filters: Omit<SlotSearch, 'from' | 'to' | 'limit' | 'after'>, range: RangeQuery) {
    const now = new Date();
    const from = range.from === undefined ? now : parseBound(range.from, 'from');
    const to =
      range.to === undefined ? new Date(from.getTime() + DEFAULT_RANGE_DAYS * DAY_MS) : parseBound(range.to, 'to');
    if (to <= from) throw Errors.invalidDateRange('to must be after from');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
      throw Errors.invalidDateRange(`a range may span at most ${MAX_RANGE_DAYS} days`);
    }
    const limit = range.limit ?? DEFAULT_SLOT_LIMIT;
    // The range as asked, not as resolved: a default `from` of "now" moves between pages.
    const fingerprint = queryFingerprint({ ...filters, from: range.from, to: range.to, kind: range.kind });
    let after: SlotSearch['after'];
    if (range.cursor !== undefined) {
      const position = decodeCursor(range.cursor, fingerprint);
      const startsAt = position.key[0];
      if (typeof startsAt !== 'string' || Number.isNaN(Date.parse(startsAt))) throw Errors.invalidCursor();
      after = { startsAt, id: position.id };
    }

    const rows = await findSlots(app.db, { ...filters, from, to, kind: range.kind, limit: limit + 1, after });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => presentSlot(row, now)),
      next_cursor:
        rows.length > limit && last
          ? encodeCursor({ key: [last.startsAt.toISOString()], id: last.id }, fingerprint)
          : null,
    };
  }
};

export default slotRoutes;
