export { IdempotencyHeaders } from '../../schemas/common.ts';
import { Type } from '@sinclair/typebox';
import { FiniteInteger } from '../../schemas/common.ts';

const Uuid = Type.String({ format: 'uuid' });

export const BookingParams = Type.Object({ id: Uuid }, { additionalProperties: false });

/** 'Booking' is registered on the app (server/schemas/booking.ts). */
export const BookingList = Type.Object({ items: Type.Array(Type.Ref('Booking')) });

export const MyBookingsQuery = Type.Object(
  { limit: Type.Optional(FiniteInteger({ minimum: 1, maximum: 200, default: 100 })) },
  { additionalProperties: false },
);

export const CancelBookingBody = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
  { additionalProperties: false },
);

export const DeclineBookingBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500, description: 'Told to the booker' }) },
  { additionalProperties: false },
);
