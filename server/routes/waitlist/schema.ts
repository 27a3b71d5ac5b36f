export { IdempotencyHeaders } from '../../schemas/common.ts';
import { Type } from '@sinclair/typebox';
import {
  ACCESSIBILITY_NEEDS,
  AGE_BANDS,
  BOOKING_KINDS,
  SLOT_STATUSES,
  WAITLIST_STATUSES,
} from '../../../domain/vocab.ts';
import { FiniteInteger, Literals, Nullable } from '../../schemas/common.ts';

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });

export const SlotWaitlistParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const WaitlistEntryParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const WaitlistEntry = Type.Object(
  {
    id: Uuid,
    status: Literals(WAITLIST_STATUSES, {
      description:
        'waiting (in the queue); offered (places held for you until offer.expires_at: accept them); booked (accepted); left, expired (the offer lapsed), cancelled (with the slot)',
    }),
    slot_id: Uuid,
    kind: Literals(BOOKING_KINDS),
    places: Type.Integer(),
    adults: Type.Integer(),
    children_by_band: Type.Object(Object.fromEntries(AGE_BANDS.map((band) => [band, Type.Optional(Type.Integer())])), {
      additionalProperties: false,
    }),
    pupils: Type.Integer(),
    grade: Nullable(Type.Integer()),
    access_needs: Type.Array(Literals(ACCESSIBILITY_NEEDS)),
    note: Nullable(Type.String()),
    school_id: Nullable(Uuid),
    position: Nullable(Type.Integer({ description: 'Place in the queue while waiting (1 = next)' })),
    offer: Nullable(
      Type.Object({
        booking_id: Uuid,
        expires_at: Instant,
        accept_path: Type.String({ description: 'POST here to accept the offer before expires_at' }),
      }),
    ),
    booking_id: Nullable(Type.String({ format: 'uuid', description: 'The booking an accepted offer became' })),
    venue: Type.Object({ id: Uuid, name: Type.String(), name_en: Nullable(Type.String()) }),
    slot: Type.Object({
      id: Uuid,
      title: Nullable(Type.String()),
      status: Literals(SLOT_STATUSES),
      starts_at: Instant,
      ends_at: Instant,
    }),
    created_at: Instant,
  },
  { $id: 'WaitlistEntry' },
);

export const WaitlistEntryList = Type.Object({ items: Type.Array(Type.Ref('WaitlistEntry')) });

export const MyWaitlistQuery = Type.Object(
  { limit: Type.Optional(FiniteInteger({ minimum: 1, maximum: 200, default: 100 })) },
  { additionalProperties: false },
);
