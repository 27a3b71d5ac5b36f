import { Type, type Static } from '@sinclair/typebox';
import { FiniteInteger, Id, Nullable } from '../../schemas/common.ts';
import { Day } from '../../schemas/slot-times.ts';

export const ManagedSlot = Type.Object({
  id: Type.String({ format: 'uuid' }),
  series_id: Nullable(Type.String({ format: 'uuid' })),
  programme_id: Nullable(Type.String({ format: 'uuid' })),
  kind: Type.String(),
  title: Nullable(Type.String()),
  starts_at: Type.String({ format: 'date-time' }),
  ends_at: Type.String({ format: 'date-time' }),
  capacity: Type.Integer(),
  school_allocation: Type.Integer(),
  allocation_release_at: Nullable(Type.String({ format: 'date-time' })),
  booking_opens_at: Nullable(Type.String({ format: 'date-time' })),
  booking_closes_at: Nullable(Type.String({ format: 'date-time' })),
  cancel_hours_before: Type.Integer({ description: 'Bookers may cancel until this many hours before the start' }),
  status: Type.String(),
  is_sample: Type.Boolean(),
});
export type ManagedSlot = Static<typeof ManagedSlot>;

export const CreatedSlots = Type.Object({
  series_id: Nullable(Type.String({ format: 'uuid' })),
  slots: Type.Array(ManagedSlot),
});

export const CancelSlotBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) },
  { additionalProperties: false },
);

export const SlotIdParams = Type.Object({ id: Id });

export const ManagedSlotsQuery = Type.Object(
  { from: Type.Optional(Day), to: Type.Optional(Day) },
  { additionalProperties: false },
);

const Instant = Type.String({ format: 'date-time' });

/** PATCH /api/slots/{id}: the settings to change; null clears a time or the title. */
export const UpdateSlotBody = Type.Object(
  {
    capacity: Type.Optional(FiniteInteger({ minimum: 1, maximum: 100_000 })),
    school_allocation: Type.Optional(
      FiniteInteger({ minimum: 0, maximum: 100_000, description: 'Places held for verified school groups' }),
    ),
    allocation_release_at: Type.Optional(
      Type.Union([Instant, Type.Null()], {
        description: 'When unused school places return to the public (needed with an allocation)',
      }),
    ),
    booking_opens_at: Type.Optional(Nullable(Instant)),
    booking_closes_at: Type.Optional(Nullable(Instant)),
    cancel_hours_before: Type.Optional(
      FiniteInteger({ minimum: 0, maximum: 720, description: 'The cancellation deadline, in hours before the start' }),
    ),
    title: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }))),
    over_capacity: Type.Optional(
      Type.Union([Type.Literal('refuse'), Type.Literal('cancel_newest')], {
        description:
          'What happens when the change leaves fewer places than live bookings take: `refuse` (the default) answers ' +
          '409 CAPACITY_BELOW_TAKEN; `cancel_newest` cancels the newest bookings over it, each whole, and tells their bookers',
      }),
    ),
    reason: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, pattern: '\\S', description: 'Told to bookers a cut cancels' }),
    ),
  },
  { additionalProperties: false },
);
export type UpdateSlotBody = Static<typeof UpdateSlotBody>;

/** The changed slot, with the bookings a cut cancelled or re-split. */
export const ChangedSlot = Type.Object({
  ...ManagedSlot.properties,
  bookings_cancelled: Type.Array(Type.String({ format: 'uuid' }), {
    description: 'Cancelled by the cut, newest first',
  }),
  bookings_resplit: Type.Array(Type.String({ format: 'uuid' }), {
    description: 'Kept group bookings whose school places became public ones',
  }),
});
