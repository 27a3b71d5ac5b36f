/**
 * A plain in-memory model of PRODUCT.md's booking rules for one slot, for the model-based property test
 * (tests/commands/booking-model.test.ts): it says what each step should answer and which places are left,
 * without a database, without locks, and without the code under test. It restates the rules in the
 * simplest way rather than sharing the domain's functions, so a mistake in those shows as a difference.
 *
 * A step is plain data (printable, shrinkable by fast-check). The waitlist is part of it: joining and
 * leaving, accepting an offer and letting one lapse; every step that frees places, and every request for
 * places, first offers what is free to the waiting parties in order (`offerFreedPlaces`, rule 4), and a
 * held offer takes its places like a booking until it lapses.
 */

/** Accounts of the model: who they are decides the green channel and who may act on a booking. */
export const MODEL_ACCOUNTS = {
  parentA: { role: 'parent' },
  parentB: { role: 'parent' },
  parentC: { role: 'parent' },
  parentD: { role: 'parent' },
  parentE: { role: 'parent' },
  parentF: { role: 'parent' },
  parentG: { role: 'parent' },
  parentH: { role: 'parent' },
  /** Confirmed teachers of a verified school: the green channel. */
  teacherV1: { role: 'teacher', school: 'verified' },
  teacherV2: { role: 'teacher', school: 'verified' },
  /** A confirmed teacher of a school the bureau has not verified: public places only. */
  teacherU: { role: 'teacher', school: 'unverified' },
  /** A teacher the verified school has not confirmed yet: no group bookings for it. */
  teacherPending: { role: 'teacher', school: null },
} as const satisfies Record<string, { role: 'parent' | 'teacher'; school?: 'verified' | 'unverified' | null }>;
export type AccountKey = keyof typeof MODEL_ACCOUNTS;
export type SchoolKey = 'verified' | 'unverified';

export type ModelParty =
  | { kind: 'family'; adults: number; children: number }
  | { kind: 'group'; school: SchoolKey; pupils: number; adults: number };

/** What the test does, one step at a time; `booking` picks among the bookings made so far (modulo). */
export type ModelStep =
  | { type: 'book'; who: AccountKey; party: ModelParty }
  | { type: 'cancel'; booking: number; by: 'booker' | 'venue' | 'stranger' }
  /** `waiting`: the `booking`-th of the requests still waiting (any booking when none is). */
  | { type: 'approve' | 'decline'; booking: number; by: 'venue' | 'stranger'; among: 'any' | 'waiting' }
  /** The deadline of a live pending request (the `booking`-th) passes. */
  | { type: 'expire'; booking: number }
  /** The school allocation's release time passes. */
  | { type: 'release' }
  /** The venue sets the capacity and the allocation (PATCH /api/slots, refusing a cut below what is taken). */
  | { type: 'resize'; capacity: number; allocation: number }
  /** The account joins the slot's waitlist with a party. */
  | { type: 'join'; who: AccountKey; party: ModelParty }
  /** `entry` picks among the entries so far (modulo); `by` its account or another one. */
  | { type: 'leave'; entry: number; by: 'self' | 'stranger' }
  /** The account of the `entry`-th entry that was offered places accepts the offer. */
  | { type: 'accept'; entry: number }
  /** The deadline of the `entry`-th offer still held passes, and the sweep of lapsed offers runs. */
  | { type: 'lapse'; entry: number };

export type ModelStatus = 'confirmed' | 'pending' | 'held' | 'cancelled' | 'declined' | 'expired';

export interface ModelBooking {
  who: AccountKey;
  kind: 'family' | 'group';
  status: ModelStatus;
  school: number;
  public: number;
}

export type ModelEntryStatus = 'waiting' | 'offered' | 'booked' | 'left' | 'expired' | 'cancelled';

export interface ModelEntry {
  who: AccountKey;
  party: ModelParty;
  places: number;
  status: ModelEntryStatus;
  /** The held booking of its offer (its index in `bookings`), once offered. */
  offer?: number;
}

export interface ModelSlot {
  capacity: number;
  allocation: number;
  released: boolean;
  approval: 'none' | 'groups' | 'all';
  groupsUsePublic: boolean;
  maxFamilyParty: number;
  /** True when the slot's cancellation deadline has passed (bookers may no longer cancel). */
  cancellationClosed: boolean;
}

export interface ModelState {
  slot: ModelSlot;
  /** Every booking made, in order (a refused request makes none), held offers included. */
  bookings: ModelBooking[];
  /** Every waitlist entry, in the order of joining. */
  waitlist: ModelEntry[];
}

/** What a step answers: `ok` (with the booking's status when one was made) or the error's code. */
export interface ModelOutcome {
  code: string;
  status?: ModelStatus;
}

export interface PlacesLeftModel {
  total: number;
  public: number;
  school: number;
}

export function newModel(slot: ModelSlot): ModelState {
  return { slot: { ...slot }, bookings: [], waitlist: [] };
}

/** Rule 1: confirmed bookings take places, and pending requests and held offers until their deadline. */
const takesPlaces = (b: ModelBooking) => b.status === 'confirmed' || b.status === 'pending' || b.status === 'held';

export function placesTaken(state: ModelState) {
  const live = state.bookings.filter(takesPlaces);
  const school = live.reduce((sum, b) => sum + b.school, 0);
  const pub = live.reduce((sum, b) => sum + b.public, 0);
  return { school, public: pub, total: school + pub };
}

/**
 * Rule 3: before the release the allocation's unused places are kept for verified schools' groups, and
 * the public shares what is beyond the allocation; after it, every free place is anyone's.
 */
export function placesLeftOf(state: ModelState): PlacesLeftModel {
  const { slot } = state;
  const taken = placesTaken(state);
  const free = Math.max(0, slot.capacity - taken.total);
  if (slot.released) return { total: free, public: free, school: 0 };
  const school = Math.max(0, Math.min(free, slot.allocation - taken.school));
  const pub = Math.max(0, Math.min(free, slot.capacity - slot.allocation - taken.public));
  return { total: free, public: pub, school };
}

/** The pending requests still waiting, in order. */
export function waitingRequests(state: ModelState): number[] {
  return state.bookings.flatMap((b, i) => (b.status === 'pending' ? [i] : []));
}

/**
 * The booking (its index in the order they were made) a step acts on, undefined when there is none:
 * for the real run to find the same booking, before the model applies the step.
 */
export function targetOf(state: ModelState, step: ModelStep): number | undefined {
  if (!('booking' in step)) return undefined;
  const waiting = waitingRequests(state);
  const fromWaiting =
    step.type === 'expire' || (step.type !== 'cancel' && step.among === 'waiting' && waiting.length > 0);
  if (fromWaiting) return waiting.length === 0 ? undefined : waiting[step.booking % waiting.length];
  return state.bookings.length === 0 ? undefined : step.booking % state.bookings.length;
}

/**
 * The entry (its index in the order of joining) a waitlist step acts on, undefined when there is none:
 * any entry to leave, one that was offered places to accept, an offer still held to let lapse.
 */
export function entryTargetOf(state: ModelState, step: ModelStep): number | undefined {
  if (step.type !== 'leave' && step.type !== 'accept' && step.type !== 'lapse') return undefined;
  const candidates = state.waitlist.flatMap((e, i) => {
    if (step.type === 'leave') return [i];
    if (step.type === 'accept') return e.offer === undefined ? [] : [i];
    return e.status === 'offered' && state.bookings[e.offer!]!.status === 'held' ? [i] : [];
  });
  return candidates.length === 0 ? undefined : candidates[step.entry % candidates.length];
}

const placesOfParty = (party: ModelParty) =>
  party.kind === 'family' ? party.adults + party.children : party.adults + party.pupils;

/**
 * Rule 2's split of a party over the places left: a family takes public places; a group allocation places
 * first when it uses the green channel, the rest public ones where the slot lets groups use them. All or
 * nothing: undefined when it does not fit whole.
 */
function splitOf(state: ModelState, party: ModelParty): { school: number; public: number } | undefined {
  const left = placesLeftOf(state);
  const places = placesOfParty(party);
  if (party.kind === 'family') return places <= left.public ? { school: 0, public: places } : undefined;
  const school = party.school === 'verified' ? Math.min(places, left.school) : 0;
  const pub = places - school;
  if (pub > 0 && (!state.slot.groupsUsePublic || pub > left.public)) return undefined;
  return { school, public: pub };
}

const hasLiveBooking = (state: ModelState, who: AccountKey) =>
  state.bookings.some((b) => b.who === who && takesPlaces(b));

/**
 * Rule 4: the places free now go to the waiting parties in the order they joined, before anyone else:
 * the first whose party fits whole is offered them (a held booking), one that does not fit is passed
 * over for the next, and one whose account has booked the slot meanwhile keeps waiting.
 */
function offerFreedPlaces(state: ModelState): void {
  for (const entry of state.waitlist) {
    if (placesLeftOf(state).total === 0) return;
    if (entry.status !== 'waiting' || hasLiveBooking(state, entry.who)) continue;
    const split = splitOf(state, entry.party);
    if (!split) continue;
    state.bookings.push({ who: entry.who, kind: entry.party.kind, status: 'held', ...split });
    entry.status = 'offered';
    entry.offer = state.bookings.length - 1;
  }
}

/** The party's own rules, as a booking and a waitlist entry share them; undefined when it is a valid party. */
function partyRefusal(state: ModelState, party: ModelParty): string | undefined {
  const places = placesOfParty(party);
  if (places === 0) return 'PARTY_EMPTY';
  if (party.kind === 'family') {
    if (party.adults === 0) return 'FAMILY_NEEDS_ADULT';
    if (places > state.slot.maxFamilyParty) return 'PARTY_TOO_LARGE';
  } else if (party.adults === 0) {
    return 'GROUP_NEEDS_ADULT';
  }
  return undefined;
}

/** A group is booked (or waits) by a confirmed teacher of its school; undefined when this one may. */
function groupRefusal(who: AccountKey, party: ModelParty): string | undefined {
  if (party.kind !== 'group') return undefined;
  const account: { role: string; school?: SchoolKey | null } = MODEL_ACCOUNTS[who];
  if (account.role !== 'teacher') return 'GROUP_NEEDS_TEACHER';
  if (account.school !== party.school) return 'NOT_SCHOOL_TEACHER';
  return undefined;
}

const needsApproval = (slot: ModelSlot, kind: 'family' | 'group') =>
  slot.approval === 'all' || (slot.approval === 'groups' && kind === 'group');

/** Applies a step to the model and answers what the real system should answer. */
export function applyStep(state: ModelState, step: ModelStep): ModelOutcome {
  switch (step.type) {
    case 'book':
      return book(state, step.who, step.party);
    case 'cancel': {
      const i = targetOf(state, step);
      if (i === undefined) return { code: 'nothing' };
      const b = state.bookings[i]!;
      if (step.by === 'stranger') return { code: 'NOT_YOUR_BOOKING' };
      if (!takesPlaces(b)) return { code: 'BOOKING_NOT_LIVE' };
      if (step.by === 'booker' && state.slot.cancellationClosed) return { code: 'CANCELLATION_CLOSED' };
      // A held offer cancelled is an offer declined: its entry leaves the waitlist.
      const entry =
        b.status === 'held' ? state.waitlist.find((e) => e.offer === i && e.status === 'offered') : undefined;
      if (entry) entry.status = step.by === 'venue' ? 'cancelled' : 'left';
      b.status = 'cancelled';
      offerFreedPlaces(state);
      return { code: 'ok', status: 'cancelled' };
    }
    case 'approve':
    case 'decline': {
      const i = targetOf(state, step);
      if (i === undefined) return { code: 'nothing' };
      const b = state.bookings[i]!;
      if (step.by === 'stranger') return { code: 'NOT_YOUR_VENUE' };
      if (b.status !== 'pending') return { code: 'BOOKING_NOT_PENDING' };
      b.status = step.type === 'approve' ? 'confirmed' : 'declined';
      offerFreedPlaces(state);
      return { code: 'ok', status: b.status };
    }
    case 'expire': {
      const i = targetOf(state, step);
      if (i === undefined) return { code: 'nothing' };
      state.bookings[i]!.status = 'expired';
      offerFreedPlaces(state);
      return { code: 'ok', status: 'expired' };
    }
    case 'release':
      // The allocation's unused places become public: the sweep offers them to the waitlist first.
      state.slot.released = true;
      offerFreedPlaces(state);
      return { code: 'ok' };
    case 'resize': {
      // Rule 5: never below what is taken, in all and in the allocation, nor (before the release) in
      // the public share.
      const taken = placesTaken(state);
      const fits =
        taken.total <= step.capacity &&
        taken.school <= step.allocation &&
        (state.slot.released || taken.public <= step.capacity - step.allocation);
      if (!fits) return { code: 'CAPACITY_BELOW_TAKEN' };
      state.slot.capacity = step.capacity;
      state.slot.allocation = step.allocation;
      offerFreedPlaces(state);
      return { code: 'ok' };
    }
    case 'join':
      return join(state, step.who, step.party);
    case 'leave': {
      const i = entryTargetOf(state, step);
      if (i === undefined) return { code: 'nothing' };
      const entry = state.waitlist[i]!;
      if (step.by === 'stranger') return { code: 'NOT_YOUR_WAITLIST_ENTRY' };
      if (entry.status !== 'waiting' && entry.status !== 'offered') return { code: 'WAITLIST_ENTRY_NOT_LIVE' };
      // Leaving with an offer declines it: the held places go on to the next entry.
      const offer = entry.offer === undefined ? undefined : state.bookings[entry.offer]!;
      if (entry.status === 'offered' && offer?.status === 'held') offer.status = 'cancelled';
      entry.status = 'left';
      offerFreedPlaces(state);
      return { code: 'ok' };
    }
    case 'accept': {
      const i = entryTargetOf(state, step);
      if (i === undefined) return { code: 'nothing' };
      const entry = state.waitlist[i]!;
      const offer = state.bookings[entry.offer!]!;
      // Accepting again answers the booking as it is.
      if (entry.status === 'booked' && (offer.status === 'confirmed' || offer.status === 'pending'))
        return { code: 'ok', status: offer.status };
      if (offer.status === 'expired' || entry.status === 'expired') return { code: 'OFFER_EXPIRED' };
      if (offer.status !== 'held' || entry.status !== 'offered') return { code: 'NOT_AN_OFFER' };
      offer.status = needsApproval(state.slot, offer.kind) ? 'pending' : 'confirmed';
      entry.status = 'booked';
      return { code: 'ok', status: offer.status };
    }
    case 'lapse': {
      const i = entryTargetOf(state, step);
      if (i === undefined) return { code: 'nothing' };
      const entry = state.waitlist[i]!;
      state.bookings[entry.offer!]!.status = 'expired';
      entry.status = 'expired';
      offerFreedPlaces(state);
      return { code: 'ok' };
    }
  }
}

/**
 * Joining the waitlist (in the order the command checks): a valid party, its group's teacher, a party
 * the slot could ever hold, no live booking nor entry of the account; then, the waitlist served first,
 * a party that fits the places left is told to book them instead.
 */
function join(state: ModelState, who: AccountKey, party: ModelParty): ModelOutcome {
  const refusal = partyRefusal(state, party) ?? groupRefusal(who, party);
  if (refusal) return { code: refusal };
  const places = placesOfParty(party);
  if (places > state.slot.capacity) return { code: 'PARTY_EXCEEDS_SLOT' };
  if (hasLiveBooking(state, who)) return { code: 'ALREADY_BOOKED' };
  if (state.waitlist.some((e) => e.who === who && (e.status === 'waiting' || e.status === 'offered')))
    return { code: 'ALREADY_WAITLISTED' };
  offerFreedPlaces(state);
  if (splitOf(state, party)) return { code: 'PLACES_AVAILABLE' };
  state.waitlist.push({ who, party, places, status: 'waiting' });
  return { code: 'ok' };
}

/**
 * A request for places (in the order the command checks): the waitlist is served first; then a valid
 * party, one live booking per account, its group's teacher, and room for the party whole (rule 2).
 */
function book(state: ModelState, who: AccountKey, party: ModelParty): ModelOutcome {
  offerFreedPlaces(state);
  const refusal = partyRefusal(state, party);
  if (refusal) return { code: refusal };
  if (hasLiveBooking(state, who)) return { code: 'ALREADY_BOOKED' };
  const notTeacher = groupRefusal(who, party);
  if (notTeacher) return { code: notTeacher };
  const split = splitOf(state, party);
  if (!split) return { code: 'SOLD_OUT' };
  const status: ModelStatus = needsApproval(state.slot, party.kind) ? 'pending' : 'confirmed';
  state.bookings.push({ who, kind: party.kind, status, ...split });
  return { code: 'ok', status };
}
