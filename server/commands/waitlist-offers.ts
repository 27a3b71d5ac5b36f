/**
 * Freed places go to the waitlist in order before the public (PRODUCT.md rule 4). Every command that
 * frees places (a cancel, a decline, a lapsed request or offer, a left offer, a capacity raise) calls
 * `settleSlot` or `offerFreedPlaces` in its own transaction, under the slot's lock, so the places are
 * offered before anyone else can book them.
 *
 * Lock order, here and in every booking command: the slot row (lockSlotForBooking, FOR UPDATE), then
 * booking rows, then waitlist entries. Taking them in one order keeps two commands from waiting on each
 * other in a circle.
 */
import type { Db } from '../../db/client.ts';
import {
  expireLapsedBookings,
  groupStanding,
  insertBooking,
  liveBookingOf,
  slotBookingFacts,
  type SlotBookingFacts,
} from '../../db/queries/bookings.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import {
  expireOffersOf,
  lockEntryOfOffer,
  updateWaitlistEntry,
  waitingEntriesOf,
  type WaitingEntry,
} from '../../db/queries/waitlist.ts';
import { allocatePlaces, bookingWindowProblem, newBookingCode, offerDeadline } from '../../domain/booking.ts';
import { placesLeft, type PlacesLeft } from '../../domain/places-left.ts';
import type { AgeBand } from '../../domain/vocab.ts';
import { waitlistOfferExpiredMessage } from '../messages/waitlist-offer-expired.ts';
import { waitlistOfferMessage } from '../messages/waitlist-offer.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';

/** The actor of work no person asked for: the sweep of lapsed offers. */
export const SYSTEM_ACTOR: Actor = { user: null, ip: 'system' };

/** A party as a waitlist entry keeps it (the booking body's fields less slot and kind). */
export interface StoredParty {
  adults: number;
  children_by_band?: Partial<Record<AgeBand, number>>;
  pupils?: number;
  grade?: number;
  access_needs?: string[];
  note?: string | null;
}

/** An offer made: the entry and the held booking that keeps its places. */
export interface Offer {
  entryId: string;
  bookingId: string;
  places: number;
  expiresAt: Date;
}

/**
 * Brings a slot up to date under its lock: held offers and pending requests past their deadline are
 * marked expired (an offer's entry too, its account told), then the places free now are offered to the
 * waitlist. Answers whether anything changed, so a caller knows to read the slot's facts again.
 */
export async function settleSlot(tx: Db, slotId: string, actor: Actor): Promise<{ expired: number; offers: Offer[] }> {
  const lapsed = await expireLapsedBookings(tx, slotId);
  let slot: SlotBookingFacts | undefined;
  if (lapsed.length > 0) {
    slot = await slotBookingFacts(tx, slotId);
    const entries = await expireOffersOf(
      tx,
      slotId,
      lapsed.map((b) => b.id),
    );
    for (const entry of entries) {
      await recordAudit(tx, actor, {
        action: 'waitlist.offer_expire',
        entityType: 'waitlist_entry',
        entityId: entry.id,
        adcode: slot?.venueAdcode ?? null,
        before: { status: 'offered' },
        after: { status: 'expired', booking_id: entry.offerBookingId, places_freed: entry.places },
      });
      if (slot) {
        await enqueueMessage(
          tx,
          entry.email,
          waitlistOfferExpiredMessage({
            recipientName: entry.displayName,
            offer: { bookingId: entry.offerBookingId!, places: entry.places },
            venueName: slot.venueName,
            startsAt: slot.startsAt,
          }),
        );
      }
    }
  }
  const offers = await offerFreedPlaces(tx, slotId, actor);
  return { expired: lapsed.length, offers };
}

/**
 * Offers the places free in a slot now to its waitlist, in order of joining: the first waiting entry
 * whose party fits whole gets a held booking of its places until `offerDeadline` (12 hours, never past
 * the slot's start or the close of its booking window), and the entry becomes `offered`; an entry that
 * does not fit is skipped for the next. A verified school's group may take school-allocation places
 * before their release, other parties public ones only (allocatePlaces). What no entry fits stays public.
 * The caller holds the slot's lock (lock order: slot → booking → entry). Audited; each account told.
 */
export async function offerFreedPlaces(tx: Db, slotId: string, actor: Actor): Promise<Offer[]> {
  const slot = await slotBookingFacts(tx, slotId);
  if (!slot || !takesOffers(slot)) return [];
  let left = placesLeft(slot, slot.now);
  if (left.total === 0) return [];
  const expiresAt = offerDeadline(slot.now, slot);
  if (expiresAt <= slot.now) return [];

  const offers: Offer[] = [];
  for (const entry of await waitingEntriesOf(tx, slotId)) {
    if (left.total === 0) break;
    let greenChannel = false;
    if (entry.kind === 'group') {
      const standing = await groupStanding(tx, entry.userId, entry.schoolId!);
      // A teacher who left the school since joining is not offered its places.
      if (!standing.member) continue;
      greenChannel = standing.verified;
    }
    const split = allocatePlaces(entry.kind, entry.places, left, {
      greenChannel,
      groupsUsePublic: slot.groupsUsePublic,
    });
    if (!split) continue;
    // Someone who booked the slot meanwhile keeps their booking and is not offered a second one.
    if (await liveBookingOf(tx, slotId, entry.userId)) continue;
    const { id: bookingId, code } = await insertOffer(tx, slot, entry, split, expiresAt);
    await updateWaitlistEntry(tx, entry.id, { status: 'offered', offerBookingId: bookingId });
    left = takeFrom(left, split);
    offers.push({ entryId: entry.id, bookingId, places: entry.places, expiresAt });
    await recordAudit(tx, actor, {
      action: 'waitlist.offer',
      entityType: 'waitlist_entry',
      entityId: entry.id,
      adcode: slot.venueAdcode,
      before: { status: 'waiting' },
      after: {
        status: 'offered',
        booking_id: bookingId,
        places: entry.places,
        school_places: split.school,
        public_places: split.public,
        expires_at: expiresAt.toISOString(),
      },
    });
    await enqueueMessage(
      tx,
      entry.email,
      waitlistOfferMessage({
        recipientName: entry.displayName,
        booking: { id: bookingId, code, places: entry.places, expiresAt },
        venueName: slot.venueName,
        startsAt: slot.startsAt,
      }),
    );
  }
  return offers;
}

/** Whether a slot's freed places can be offered now: it takes bookings (the offer is one). */
function takesOffers(slot: SlotBookingFacts): boolean {
  if (slot.status !== 'scheduled' || slot.isSample || slot.venueStatus !== 'published') return false;
  if (slot.programmeId && slot.programmeStatus !== 'published') return false;
  return bookingWindowProblem(slot.now, slot) === undefined;
}

async function insertOffer(
  tx: Db,
  slot: SlotBookingFacts,
  entry: WaitingEntry,
  split: { school: number; public: number },
  expiresAt: Date,
): Promise<{ id: string; code: string }> {
  const party = entry.party as StoredParty;
  return insertBooking(
    tx,
    {
      slotId: slot.id,
      userId: entry.userId,
      kind: entry.kind,
      status: 'held',
      places: entry.places,
      schoolPlaces: split.school,
      publicPlaces: split.public,
      adults: party.adults,
      childrenByBand: entry.kind === 'family' ? (party.children_by_band ?? {}) : {},
      pupils: entry.kind === 'group' ? (party.pupils ?? 0) : 0,
      grade: entry.kind === 'group' ? (party.grade ?? null) : null,
      accessNeeds: entry.kind === 'group' ? (party.access_needs ?? []) : [],
      note: entry.kind === 'group' ? (party.note ?? null) : null,
      schoolId: entry.schoolId,
      expiresAt,
    },
    () => newBookingCode(),
  );
}

function takeFrom(left: PlacesLeft, split: { school: number; public: number }): PlacesLeft {
  const total = left.total - split.school - split.public;
  const school = left.school - split.school;
  return { total, school, public: total - school };
}

/** Closes the waitlist entry whose offer is this held booking, cancelled or declined (lock order: after the booking). */
export async function closeOfferEntry(
  tx: Db,
  slotId: string,
  bookingId: string,
  status: 'left' | 'cancelled',
): Promise<void> {
  const entry = await lockEntryOfOffer(tx, slotId, bookingId);
  if (entry?.status === 'offered') await updateWaitlistEntry(tx, entry.id, { status });
}
