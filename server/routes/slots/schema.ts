import { Type } from '@sinclair/typebox';
import { APPROVAL_POLICIES } from '../../../domain/vocab.ts';
import { FiniteInteger, Id, Literals, Nullable } from '../../schemas/common.ts';
import { venueFilterProperties } from '../../schemas/venue-filters.ts';

export const MAX_SLOT_LIMIT = 200;
export const DEFAULT_SLOT_LIMIT = 50;
/** A range longer than a school term asks for more than one screen can show. */
export const MAX_RANGE_DAYS = 120;
export const DEFAULT_RANGE_DAYS = 14;

const rangeProperties = {
  from: Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'Start: a date (YYYY-MM-DD, Asia/Shanghai) or an ISO date-time with a zone. Default: now',
    }),
  ),
  to: Type.Optional(
    Type.String({
      maxLength: 40,
      description: `End: a date (inclusive) or an ISO date-time (exclusive). Default: ${DEFAULT_RANGE_DAYS} days after from; at most ${MAX_RANGE_DAYS} days`,
    }),
  ),
  kind: Type.Optional(Type.Union([Type.Literal('open_day'), Type.Literal('programme')])),
  limit: Type.Optional(FiniteInteger({ minimum: 1, maximum: MAX_SLOT_LIMIT, default: DEFAULT_SLOT_LIMIT })),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: '`next_cursor` of the previous page' })),
};

export const SlotSearchQuery = Type.Object(
  { ...venueFilterProperties, ...rangeProperties },
  { additionalProperties: false },
);
export const VenueSlotsQuery = Type.Object(rangeProperties, { additionalProperties: false });
export const VenueSlotsParams = Type.Object({ id: Id });

export const Slot = Type.Object(
  {
    id: Id,
    venue: Type.Object({
      id: Id,
      name: Type.String(),
      name_en: Nullable(Type.String()),
      lng: Type.Number(),
      lat: Type.Number(),
      distance_m: Nullable(Type.Number()),
    }),
    kind: Type.Union([Type.Literal('open_day'), Type.Literal('programme')]),
    programme_id: Nullable(Id),
    title: Nullable(Type.String()),
    starts_at: Type.String({ format: 'date-time' }),
    ends_at: Type.String({ format: 'date-time' }),
    capacity: Type.Integer(),
    school_allocation: Type.Integer({
      description: 'Places reserved for verified school groups until the release time',
    }),
    allocation_release_at: Nullable(Type.String({ format: 'date-time' })),
    places_left: Type.Object({
      total: Type.Integer(),
      public: Type.Integer({ description: 'Free places anyone may book now' }),
      school: Type.Integer({ description: 'Free places only verified school groups may book now' }),
    }),
    booking_opens_at: Nullable(Type.String({ format: 'date-time' })),
    booking_closes_at: Nullable(Type.String({ format: 'date-time' })),
    approval: Literals(APPROVAL_POLICIES, {
      description: "Which bookings wait for the venue's approval: none, groups (school groups' requests) or all",
    }),
    groups_use_public: Type.Boolean({
      description: 'Whether a school group may take public places when the school allocation is short or released',
    }),
    cancel_hours_before: Type.Integer({ description: 'Bookers may cancel until this many hours before the start' }),
    is_sample: Type.Boolean({
      description: 'A sample schedule Kaimen generated for a seeded venue, not announced by it',
    }),
  },
  { $id: 'Slot' },
);

export const SlotList = Type.Object({
  items: Type.Array(Type.Ref('Slot')),
  next_cursor: Nullable(Type.String()),
});
