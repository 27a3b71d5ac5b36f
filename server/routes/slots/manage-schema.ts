import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable } from '../../schemas/common.ts';
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
