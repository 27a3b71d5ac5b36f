export { IdempotencyHeaders } from '../../schemas/common.ts';
import { Type } from '@sinclair/typebox';
import { FiniteInteger, Nullable } from '../../schemas/common.ts';

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });

export const CheckInBody = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 64,
      description:
        'The booking code as typed or scanned: case, spaces, dashes, full-width characters and Cyrillic or Greek look-alike letters are forgiven',
    }),
    venue_id: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'The venue whose door this is: a code of another venue then answers 409 CODE_OF_ANOTHER_VENUE',
      }),
    ),
  },
  { additionalProperties: false },
);

/** A booking's check-in is addressed by the booking's id: a booking has at most one. */
export const CheckInParams = Type.Object({ booking_id: Uuid }, { additionalProperties: false });

const count = (description: string) => FiniteInteger({ minimum: 0, maximum: 10_000, description });

export const ArrivalsBody = Type.Object(
  {
    arrived_adults: Type.Optional(count('Adults who came, as counted at the door')),
    arrived_minors: Type.Optional(count('Children or pupils who came (a count, never names)')),
  },
  { additionalProperties: false },
);

export const CheckIn = Type.Object({
  booking: Type.Ref('Booking'),
  checked_in_at: Nullable(Instant),
  checked_in_by: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  undo_until: Nullable(
    Type.String({ format: 'date-time', description: 'Until when DELETE /api/check-ins/{booking_id} undoes it' }),
  ),
});
