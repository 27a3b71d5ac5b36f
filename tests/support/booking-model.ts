/**
 * A plain in-memory model of PRODUCT.md's booking rules for one slot, for the model-based property test
 * (tests/commands/booking-model.test.ts): it says what each step should answer and which places are left,
 * without a database, without locks, and without the code under test. It restates the rules in the
 * simplest way rather than sharing the domain's functions, so a mistake in those shows as a difference.
 *
 * A step is plain data (printable, shrinkable by fast-check). To add the waitlist: new step kinds (join,
 * leave, accept an offer, let an offer lapse), a `waitlist` array in the state, and `offerFreedPlaces`
 * below, which every step that frees places already calls; held offers already take places here
 * (status `held`, live until they lapse).
 */

/** Accounts of the model: who they are decides the green channel and who may act on a booking. */
export const MODEL_ACCOUNTS = {
  parentA: { role: 'parent' },
  parentB: { role: 'parent' },
  parentC: { role: 'parent' },
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
  /** The venue sets the capacity and the allocation (the database's guard until PATCH /api/slots lands). */
  | { type: 'resize'; capacity: number; allocation: number };

export type ModelStatus = 'confirmed' | 'pending' | 'held' | 'cancelled' | 'declined' | 'expired';

export interface ModelBooking {
  who: AccountKey;
  kind: 'family' | 'group';
  status: ModelStatus;
  school: number;
  public: number;
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
  /** Every booking made, in order (a refused request makes none). */
  bookings: ModelBooking[];
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
  return { slot: { ...slot }, bookings: [] };
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

/** Places were freed: the waitlist's offers will be made here (none yet: the waitlist is not built). */
function offerFreedPlaces(state: ModelState): void {
  void state;
}

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
      if (b.status === 'declined') offerFreedPlaces(state);
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
  }
}

function book(state: ModelState, who: AccountKey, party: ModelParty): ModelOutcome {
  const { slot } = state;
  const account: { role: string; school?: SchoolKey | null } = MODEL_ACCOUNTS[who];
  const places = party.kind === 'family' ? party.adults + party.children : party.adults + party.pupils;
  // The party first: its size and its grown-ups.
  if (places === 0) return { code: 'PARTY_EMPTY' };
  if (party.kind === 'family') {
    if (party.adults === 0) return { code: 'FAMILY_NEEDS_ADULT' };
    if (places > slot.maxFamilyParty) return { code: 'PARTY_TOO_LARGE' };
  } else if (party.adults === 0) {
    return { code: 'GROUP_NEEDS_ADULT' };
  }
  // One live booking per account and slot.
  if (state.bookings.some((b) => b.who === who && takesPlaces(b))) return { code: 'ALREADY_BOOKED' };
  // A group is booked by a confirmed teacher of its school; a verified school's groups use the green channel.
  let greenChannel = false;
  if (party.kind === 'group') {
    if (account.role !== 'teacher') return { code: 'GROUP_NEEDS_TEACHER' };
    if (account.school !== party.school) return { code: 'NOT_SCHOOL_TEACHER' };
    greenChannel = party.school === 'verified';
  }
  // Rule 2: all or nothing — allocation places first (green channel), then public ones where allowed.
  const left = placesLeftOf(state);
  let school = 0;
  let pub = places;
  if (party.kind === 'group') {
    school = greenChannel ? Math.min(places, left.school) : 0;
    pub = places - school;
    if (pub > 0 && !slot.groupsUsePublic) return { code: 'SOLD_OUT' };
  }
  if (pub > left.public) return { code: 'SOLD_OUT' };
  const pending = slot.approval === 'all' || (slot.approval === 'groups' && party.kind === 'group');
  const status: ModelStatus = pending ? 'pending' : 'confirmed';
  state.bookings.push({ who, kind: party.kind, status, school, public: pub });
  return { code: 'ok', status };
}
