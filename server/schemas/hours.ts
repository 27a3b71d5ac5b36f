import { Type } from '@sinclair/typebox';
import { Nullable } from './common.ts';

/** What the venue page says about opening hours (domain/hours/venue-hours.ts), shared by venues and the hours preview. */
export const VenueHours = Type.Object(
  {
    known: Type.Boolean(),
    state: Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('unknown')]),
    opens_at: Nullable(Type.String({ format: 'date-time' })),
    closes_at: Nullable(Type.String({ format: 'date-time' })),
    calendar_covered: Type.Boolean({
      description: "False when the holiday calendar does not cover these days' year",
    }),
    days: Type.Array(
      Type.Object({
        date: Type.String({ format: 'date' }),
        weekday: Type.String(),
        holiday: Nullable(Type.String()),
        workday_for: Nullable(Type.String()),
        intervals: Nullable(Type.Array(Type.Object({ start: Type.String(), end: Type.String() }))),
      }),
    ),
  },
  {
    description:
      'Open now, and the coming 7 days (Asia/Shanghai) with holidays; unknown hours are never shown as open or closed',
  },
);
