/**
 * The sweep of lapsed offers and released allocations: every minute, held waitlist offers and pending
 * requests past their deadline are marked expired, their entries too (the accounts told), and the freed
 * places are offered onward (server/commands/waitlist-offers.ts); a slot whose school allocation was
 * released in the last hour while someone waits is settled too, so its unused school places, public now,
 * go to the waitlist before anyone books them (a booking or a join would also settle it first). Each slot is claimed with FOR UPDATE SKIP LOCKED, so
 * several app processes never handle one slot twice, and a slot a booking command holds is left to that
 * command (which settles it lazily under the same lock).
 */
import type { Db } from '../../db/client.ts';
import { claimSlotForSweep, slotsToSettle } from '../../db/queries/waitlist.ts';
import { settleSlot, SYSTEM_ACTOR } from '../commands/waitlist-offers.ts';

/** Slots one sweep handles at most; the rest wait for the next. */
const SWEEP_BATCH = 100;

/** One sweep, each slot in its own transaction; answers how many lapsed bookings it expired. */
export async function sweepLapsedOffers(db: Db, batch = SWEEP_BATCH): Promise<{ expired: number; offers: number }> {
  let expired = 0;
  let offers = 0;
  for (const slotId of await slotsToSettle(db, batch)) {
    await db.transaction(async (tx) => {
      if (!(await claimSlotForSweep(tx, slotId))) return;
      const settled = await settleSlot(tx, slotId, SYSTEM_ACTOR);
      expired += settled.expired;
      offers += settled.offers.length;
    });
  }
  return { expired, offers };
}

export interface Sweeper {
  /** Stops the timer and waits for a sweep under way. */
  stop(): Promise<void>;
}

/**
 * Runs the sweep every `intervalMs` (a minute by default) until stopped; a failed sweep is reported to
 * `onError` and the next one tries again. Sweeps never overlap.
 */
export function startWaitlistSweep(
  db: Db,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): Sweeper {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = sweepLapsedOffers(db)
      .then(() => undefined)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        busy = false;
      });
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
