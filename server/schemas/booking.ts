import { Type } from '@sinclair/typebox';
import { ACCESSIBILITY_NEEDS, AGE_BANDS, BOOKING_KINDS, BOOKING_STATUSES } from '../../domain/vocab.ts';
import { Literals, Nullable } from './common.ts';

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });

/**
 * A booking as the API answers it, registered once on the app (server/app.ts) so every route that answers
 * one refers to it as 'Booking': the bookings routes, the check-ins, a slot's list for its venue.
 */
export const Booking = Type.Object(
  {
    id: Uuid,
    status: Literals(BOOKING_STATUSES, {
      description:
        'confirmed; pending (waits for the venue until expires_at); held (a waitlist offer); declined, cancelled, slot_cancelled, expired',
    }),
    code: Type.String({ description: 'Shown at the door; 8 characters without look-alikes' }),
    kind: Literals(BOOKING_KINDS),
    slot_id: Uuid,
    places: Type.Integer(),
    school_places: Type.Integer({ description: "Places from the slot's school allocation (the green channel)" }),
    public_places: Type.Integer(),
    adults: Type.Integer(),
    children_by_band: Type.Object(Object.fromEntries(AGE_BANDS.map((band) => [band, Type.Optional(Type.Integer())])), {
      additionalProperties: false,
    }),
    pupils: Type.Integer(),
    grade: Nullable(Type.Integer()),
    access_needs: Type.Array(Literals(ACCESSIBILITY_NEEDS)),
    note: Nullable(Type.String()),
    school: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
    venue: Type.Object({ id: Uuid, name: Type.String(), name_en: Nullable(Type.String()) }),
    slot: Type.Object({ id: Uuid, title: Nullable(Type.String()), starts_at: Instant, ends_at: Instant }),
    expires_at: Nullable(
      Type.String({
        format: 'date-time',
        description: 'Until when a pending request or a held offer keeps its places',
      }),
    ),
    cancel_until: Instant,
    reason: Nullable(Type.String()),
    decided_at: Nullable(Instant),
    cancelled_at: Nullable(Instant),
    checked_in_at: Nullable(Instant),
    arrived_adults: Nullable(Type.Integer()),
    arrived_minors: Nullable(Type.Integer()),
    created_at: Instant,
    booker: Nullable(
      Type.Object(
        { name: Type.String(), email: Type.String() },
        { description: "Shown to the venue's and the school's side only" },
      ),
    ),
  },
  { $id: 'Booking' },
);
