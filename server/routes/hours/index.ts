import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { parseOpeningHours } from '../../../domain/hours/opening-hours.ts';
import { describeHours } from '../../../domain/hours/venue-hours.ts';
import { Errors } from '../../errors.ts';
import { errorResponses, FiniteInteger } from '../../schemas/common.ts';
import { VenueHours } from '../../schemas/hours.ts';
import { holidayCalendar } from '../../services/calendar-cache.ts';

/** The console's opening-hours editor asks what a string means before saving it. */
const hoursRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/hours/preview',
    {
      schema: {
        tags: ['venue console'],
        summary: 'What an opening_hours string means over the coming days, with holidays and make-up workdays',
        operationId: 'previewOpeningHours',
        querystring: Type.Object(
          {
            opening_hours: Type.String({ minLength: 1, maxLength: 500 }),
            days: Type.Optional(FiniteInteger({ minimum: 1, maximum: 60, default: 14 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: VenueHours, ...errorResponses(400) },
      },
    },
    async (request) => {
      const text = request.query.opening_hours.trim();
      try {
        parseOpeningHours(text);
      } catch (error) {
        throw Errors.invalidOpeningHours(`opening_hours is not valid OSM syntax: ${(error as Error).message}`);
      }
      const hours = describeHours(text, await holidayCalendar(app.db), new Date(), request.query.days ?? 14);
      return hours;
    },
  );
};

export default hoursRoutes;
