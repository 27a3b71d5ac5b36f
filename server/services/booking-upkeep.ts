/**
 * The booking core's background work, every few minutes in each app process (server.ts starts it):
 * the day-before reminders (domain/reminders.ts says when one is due) and the purge of idempotency keys.
 * Several processes may run it at once over PostgreSQL: a reminder is claimed with FOR UPDATE SKIP
 * LOCKED and marked in the same transaction as its outbox message, so each booking gets exactly one.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { purgeIdempotencyKeys } from '../../db/queries/idempotency.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import { claimDueReminders, markReminded, reminderFacts } from '../../db/queries/reminders.ts';
import { reminderHorizon } from '../../domain/reminders.ts';
import { bookingReminderMessage } from '../messages/booking-reminder.ts';

/** How often the upkeep runs. */
export const BOOKING_UPKEEP_EVERY_MS = 5 * 60_000;
/** Idempotency keys are answered for at least 24 hours; older than this they are forgotten. */
export const IDEMPOTENCY_KEY_HOURS = 48;
/** Reminders claimed (and written) per transaction. */
const REMINDER_BATCH = 100;

export interface ReminderOptions {
  /** The clock (tests move it); the database's rows are compared with it. */
  now?: Date;
  /** The site's address, for the calendar link (PUBLIC_URL). */
  publicUrl?: string;
  /** Claim rows with FOR UPDATE SKIP LOCKED (true). Only the race test's positive control turns it off. */
  claim?: boolean;
  batch?: number;
}

/** Sends every reminder due at `now`, one transaction per batch; answers how many went out. */
export async function sendDueReminders(db: Db, options: ReminderOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const horizon = reminderHorizon(now);
  const limit = options.batch ?? REMINDER_BATCH;
  let sent = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const ids = await claimDueReminders(tx, { now, horizon, limit, claim: options.claim ?? true });
      for (const booking of await reminderFacts(tx, ids)) {
        await enqueueMessage(
          tx,
          booking.email,
          bookingReminderMessage({
            recipientName: booking.displayName,
            booking,
            venueName: booking.venueName,
            slotTitle: booking.slotTitle,
            startsAt: booking.startsAt,
            publicUrl: options.publicUrl,
          }),
        );
      }
      await markReminded(tx, ids, now);
      return ids.length;
    });
    sent += count;
    if (count < limit) return sent;
  }
}

export interface UpkeepResult {
  reminded: number;
  idempotencyKeysPurged: number;
}

/** One round of the upkeep: reminders, then the idempotency keys older than IDEMPOTENCY_KEY_HOURS. */
export async function runBookingUpkeep(db: Db, options: ReminderOptions = {}): Promise<UpkeepResult> {
  const reminded = await sendDueReminders(db, options);
  const idempotencyKeysPurged = await purgeIdempotencyKeys(db, IDEMPOTENCY_KEY_HOURS);
  return { reminded, idempotencyKeysPurged };
}

export interface RunningUpkeep {
  /** Stops the timer and waits for a round under way. */
  stop(): Promise<void>;
}

/**
 * Runs the upkeep now and every `everyMs`, one round at a time (a slow round is not overlapped by the
 * next); failures are logged and retried at the next round.
 */
export function startBookingUpkeep(
  db: Db,
  options: { log?: FastifyBaseLogger; publicUrl?: string; everyMs?: number } = {},
): RunningUpkeep {
  let running: Promise<void> | undefined;
  let stopped = false;
  const round = () => {
    if (running || stopped) return;
    running = runBookingUpkeep(db, { ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) })
      .then((result) => {
        if (result.reminded > 0) options.log?.info(result, 'booking upkeep');
      })
      .catch((error: unknown) => options.log?.error({ err: error }, 'booking upkeep failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(round, options.everyMs ?? BOOKING_UPKEEP_EVERY_MS);
  timer.unref();
  round();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
