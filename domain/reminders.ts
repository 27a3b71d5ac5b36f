/**
 * When the day-before reminder of a booking is due, in Asia/Shanghai terms: at 09:00 on the Shanghai
 * calendar day before the slot's day, and until the slot starts. A Saturday 09:00 slot is reminded on
 * Friday from 09:00 (24 h ahead), a Saturday 20:00 slot also on Friday from 09:00 (35 h ahead); a slot
 * at 00:30 is reminded the evening before, 15.5 h ahead. A booking made after its reminder was due (on
 * the day before, or on the day itself) is reminded at the job's next run, once.
 */
import { addDays, DAY_MS, localDayOf, localMidnight } from './hours/local-time.ts';

/** The hour of the day before (Shanghai wall-clock) from which reminders go out. */
export const REMINDER_HOUR = 9;
const HOUR_MS = 3_600_000;

/** When the reminder of a slot starting at `startsAt` is due. */
export function reminderDueAt(startsAt: Date): Date {
  const dayBefore = addDays(localDayOf(startsAt.getTime()), -1);
  return new Date(localMidnight(dayBefore) + REMINDER_HOUR * HOUR_MS);
}

/**
 * The slots whose reminders are due at `now` are exactly those starting in [now, horizon): a slot's
 * reminder is due once `now` reaches 09:00 of the day before its day, i.e. once its day is at most the
 * day of `now + 15 h`; so the horizon is the Shanghai midnight ending that day.
 */
export function reminderHorizon(now: Date): Date {
  const lastDay = localDayOf(now.getTime() + (24 - REMINDER_HOUR) * HOUR_MS);
  return new Date(localMidnight(lastDay) + DAY_MS);
}
