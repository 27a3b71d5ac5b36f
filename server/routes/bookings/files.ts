import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { bookingCalendarFile, bookingForCalendar } from '../../commands/booking-files.ts';
import { requireBookingAccess } from '../../commands/booking-access.ts';
import { bookingQrSvg } from '../../presenters/booking-qr.ts';
import { errorResponses } from '../../schemas/common.ts';
import { BookingParams } from './schema.ts';

const CalendarQuery = Type.Object(
  {
    code: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'The booking’s code: with it the file answers without signing in (the link in booking messages)',
      }),
    ),
  },
  { additionalProperties: false },
);

/** A booking's files: its code as a QR code, and the booking as a calendar entry. */
const bookingFileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/bookings/:id/qr.svg',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['bookings'],
        summary: 'The booking code as a QR code (SVG), for its booker, the venue and the school’s admins',
        description: 'The QR code holds exactly the booking code, which POST /api/check-ins takes.',
        operationId: 'getBookingQr',
        params: BookingParams,
        response: {
          200: { description: 'image/svg+xml', content: { 'image/svg+xml': { schema: Type.String() } } },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { booking } = await requireBookingAccess(app.db, request.user!, request.params.id);
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="kaimen-${booking.code}.svg"`)
        .send(bookingQrSvg(booking.code));
    },
  );

  app.get(
    '/api/bookings/:id/calendar.ics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['bookings'],
        summary: 'The booking as iCalendar (Asia/Shanghai), for its booker or whoever holds its code',
        description:
          'Signed in: the booker, the venue and the school’s admins. Not signed in: `?code=` the booking’s code, as the link ' +
          'in every booking message carries it (a wrong code answers 404). A cancelled booking reads STATUS:CANCELLED, a ' +
          'pending one TENTATIVE.',
        operationId: 'getBookingCalendar',
        params: BookingParams,
        querystring: CalendarQuery,
        response: {
          200: { description: 'text/calendar', content: { 'text/calendar': { schema: Type.String() } } },
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const booking = await bookingForCalendar(app.db, request.user, request.params.id, request.query.code);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="kaimen-${booking.code}.ics"`)
        .send(await bookingCalendarFile(app.db, booking));
    },
  );
};

export default bookingFileRoutes;
