import { Type, type Static } from '@sinclair/typebox';
import { FiniteInteger } from './common.ts';

/**
 * The slots a venue's managers publish, one or a weekly pattern: the route checks a body with this, the
 * create-slots command takes it.
 */

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Shanghai wall-clock HH:MM' });
export const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (Asia/Shanghai)' });

/** Most slots one request makes: a year of a twice-weekly open day is 105. */
export const MAX_SLOTS_PER_REQUEST = 400;

export const CreateSlotsBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' })),
    programme_id: Type.Optional(Type.String({ format: 'uuid', description: "One of the venue's programmes" })),
    capacity: FiniteInteger({ minimum: 1, maximum: 100_000 }),
    school_allocation: Type.Optional(
      FiniteInteger({ minimum: 0, maximum: 100_000, description: 'Places held for verified school groups' }),
    ),
    allocation_release_hours: Type.Optional(
      FiniteInteger({
        minimum: 0,
        maximum: 24 * 60,
        description:
          'Hours before the start when unused school places return to the public (needed with an allocation)',
      }),
    ),
    single: Type.Optional(
      Type.Object(
        { starts_at: Type.String({ format: 'date-time' }), ends_at: Type.String({ format: 'date-time' }) },
        { additionalProperties: false },
      ),
    ),
    recurring: Type.Optional(
      Type.Object(
        {
          weekdays: Type.Array(FiniteInteger({ minimum: 1, maximum: 7 }), {
            minItems: 1,
            maxItems: 7,
            uniqueItems: true,
            description: 'ISO weekdays: 1 Monday … 7 Sunday',
          }),
          start_time: Time,
          end_time: Time,
          first_day: Day,
          last_day: Day,
          except_days: Type.Optional(Type.Array(Day, { maxItems: 366, uniqueItems: true })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CreateSlotsBody = Static<typeof CreateSlotsBody>;
