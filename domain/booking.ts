/**
 * The booking rules that need no database: party sizes, where a party's places come from, which
 * requests wait for the venue, and the deadlines. The commands in server/commands apply them under the
 * slot's lock; migration 0008 re-checks the places in the database.
 */
import type { PlacesLeft } from './places-left.ts';
import { AGE_BANDS, type AgeBand, type ApprovalPolicy, type BookingKind } from './vocab.ts';

/** A family: adults and children counted by age band; no child is named. */
export interface FamilyParty {
  kind: 'family';
  adults: number;
  childrenByBand: Partial<Record<AgeBand, number>>;
}

/** A school group: pupils of one grade with their accompanying adults. */
export interface GroupParty {
  kind: 'group';
  pupils: number;
  adults: number;
  grade: number;
}

export type Party = FamilyParty | GroupParty;

/** What a slot (and its programme) allow a party to be. */
export interface PartyLimits {
  maxFamilyParty: number;
  /** The programme's group size limits (pupils), when it has them. */
  groupMin: number | null;
  groupMax: number | null;
  /** The programme's grades, when it has them. */
  gradeMin: number | null;
  gradeMax: number | null;
}

/** Why a party cannot book this slot; the server words each as a 400. */
export type PartyProblem =
  | { code: 'PARTY_EMPTY' }
  | { code: 'FAMILY_NEEDS_ADULT' }
  | { code: 'PARTY_TOO_LARGE'; max: number }
  | { code: 'GROUP_TOO_SMALL'; min: number }
  | { code: 'GROUP_TOO_LARGE'; max: number }
  | { code: 'GROUP_NEEDS_ADULT' }
  | { code: 'GRADE_NOT_SERVED'; min: number | null; max: number | null };

/** Children of a family party, all bands together. */
export function childrenOf(party: FamilyParty): number {
  return AGE_BANDS.reduce((sum, band) => sum + (party.childrenByBand[band] ?? 0), 0);
}

/** Places a party takes: every adult, child and pupil. */
export function placesOf(party: Party): number {
  return party.kind === 'family' ? party.adults + childrenOf(party) : party.adults + party.pupils;
}

/** Minors of a party (children or pupils). */
export function minorsOf(party: Party): number {
  return party.kind === 'family' ? childrenOf(party) : party.pupils;
}

/** The first rule a party breaks, or undefined when it may book. */
export function partyProblem(party: Party, limits: PartyLimits): PartyProblem | undefined {
  const places = placesOf(party);
  if (places === 0) return { code: 'PARTY_EMPTY' };
  if (party.kind === 'family') {
    // Children come with a grown-up (the policy's 家长陪同).
    if (party.adults === 0) return { code: 'FAMILY_NEEDS_ADULT' };
    if (places > limits.maxFamilyParty) return { code: 'PARTY_TOO_LARGE', max: limits.maxFamilyParty };
    return undefined;
  }
  if (party.adults === 0) return { code: 'GROUP_NEEDS_ADULT' };
  if (limits.groupMin !== null && party.pupils < limits.groupMin)
    return { code: 'GROUP_TOO_SMALL', min: limits.groupMin };
  if (limits.groupMax !== null && party.pupils > limits.groupMax)
    return { code: 'GROUP_TOO_LARGE', max: limits.groupMax };
  const belowMin = limits.gradeMin !== null && party.grade < limits.gradeMin;
  const aboveMax = limits.gradeMax !== null && party.grade > limits.gradeMax;
  if (belowMin || aboveMax) return { code: 'GRADE_NOT_SERVED', min: limits.gradeMin, max: limits.gradeMax };
  return undefined;
}

/** Where a booking's places come from. */
export interface PlaceSplit {
  school: number;
  public: number;
}

/**
 * Takes a party's places from what is left, all or nothing (PRODUCT.md rules 2 and 3): a group of a
 * verified school takes school-allocation places first, then public ones where the slot allows; any
 * other party takes public places only. Undefined when the party does not fit.
 */
export function allocatePlaces(
  kind: BookingKind,
  places: number,
  left: PlacesLeft,
  options: { greenChannel: boolean; groupsUsePublic: boolean },
): PlaceSplit | undefined {
  if (kind === 'family') return places <= left.public ? { school: 0, public: places } : undefined;
  const school = options.greenChannel ? Math.min(places, left.school) : 0;
  const rest = places - school;
  if (rest === 0) return { school, public: 0 };
  if (!options.groupsUsePublic || rest > left.public) return undefined;
  return { school, public: rest };
}

/** Whether a new booking waits for the venue's approval under the slot's policy. */
export function needsApproval(policy: ApprovalPolicy, kind: BookingKind): boolean {
  return policy === 'all' || (policy === 'groups' && kind === 'group');
}

const HOUR_MS = 3_600_000;

/** Until when a pending request holds its places: `hours` from now, never past the slot's start. */
export function approvalDeadline(now: Date, hours: number, startsAt: Date): Date {
  return new Date(Math.min(now.getTime() + hours * HOUR_MS, startsAt.getTime()));
}

/** The last moment a booker may cancel: `hoursBefore` the start. */
export function cancellationDeadline(startsAt: Date, hoursBefore: number): Date {
  return new Date(startsAt.getTime() - hoursBefore * HOUR_MS);
}

/** Why a slot takes no bookings now, or undefined when it does. */
export type WindowProblem = 'SLOT_STARTED' | 'BOOKING_NOT_OPEN' | 'BOOKING_CLOSED';

export function bookingWindowProblem(
  now: Date,
  slot: { startsAt: Date; bookingOpensAt: Date | null; bookingClosesAt: Date | null },
): WindowProblem | undefined {
  if (now >= slot.startsAt) return 'SLOT_STARTED';
  if (slot.bookingOpensAt && now < slot.bookingOpensAt) return 'BOOKING_NOT_OPEN';
  if (slot.bookingClosesAt && now >= slot.bookingClosesAt) return 'BOOKING_CLOSED';
  return undefined;
}

/**
 * Booking codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B),
 * easy to read out at a door: 23^8 ≈ 7.8·10^10 codes.
 */
export const BOOKING_CODE_ALPHABET = 'ACDEFHJKMNPQRTUVWXY3479';
export const BOOKING_CODE_LENGTH = 8;

/** A random booking code; `random` fills bytes (Web Crypto's getRandomValues by default). */
export function newBookingCode(
  random: (bytes: Uint8Array) => Uint8Array = (bytes) => globalThis.crypto.getRandomValues(bytes),
): string {
  const alphabet = BOOKING_CODE_ALPHABET;
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let code = '';
  while (code.length < BOOKING_CODE_LENGTH) {
    for (const byte of random(new Uint8Array(16))) {
      if (byte < limit && code.length < BOOKING_CODE_LENGTH) code += alphabet[byte % alphabet.length];
    }
  }
  return code;
}

/**
 * Letters of other scripts that look like the alphabet's, as a phone keyboard or a Chinese input method
 * may type them: Cyrillic А С Е К М Н Р Т Х У and Greek Α Ε Κ Μ Ν Ρ Τ Χ Υ. (The alphabet leaves out both
 * sides of every Latin look-alike pair, 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B, so those have nothing to be read
 * as and make a code that is not one.)
 */
const LOOK_ALIKES_OTHER = 'АСЕКМНРТХУΑΕΚΜΝΡΤΧΥ';
const LOOK_ALIKES_LATIN = 'ACEKMHPTXYAEKMNPTXY';

/**
 * A typed or scanned code as stored: full-width characters made plain (NFKC: Ａ→A, ３→3, the ideographic
 * space), upper case, look-alike letters of other scripts mapped, and spaces, dashes, dots and
 * underscores dropped. `ac de-3479` and `ＡＣＤＥ３４７９` both read ACDE3479.
 */
export function normaliseBookingCode(typed: string): string {
  return typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\p{Pd}._]/gu, '')
    .replace(/./gu, (char) => {
      const at = LOOK_ALIKES_OTHER.indexOf(char);
      return at < 0 ? char : LOOK_ALIKES_LATIN[at]!;
    });
}

const CODE_SHAPE = new RegExp(`^[${BOOKING_CODE_ALPHABET}]{${BOOKING_CODE_LENGTH}}$`);

/** Whether a normalised code could be a booking code (length and alphabet). */
export function isBookingCode(normalised: string): boolean {
  return CODE_SHAPE.test(normalised);
}

/** How long after a check-in the venue may undo it (a scan of the wrong party, a slip of the finger). */
export const CHECK_IN_UNDO_MS = 5 * 60_000;

/** Until when a check-in made at `checkedInAt` may be undone. */
export function checkInUndoUntil(checkedInAt: Date): Date {
  return new Date(checkedInAt.getTime() + CHECK_IN_UNDO_MS);
}

/** How long a waitlist offer holds its places for the entry's account, at most. */
export const OFFER_HOURS = 12;

/**
 * Until when a waitlist offer holds its places: OFFER_HOURS from now, never past the slot's start nor the
 * close of its booking window (an offer is a booking, so it keeps to the window). At or before `now`
 * when no offer can be made any more.
 */
export function offerDeadline(
  now: Date,
  slot: { startsAt: Date; bookingClosesAt: Date | null },
  hours: number = OFFER_HOURS,
): Date {
  const limits = [now.getTime() + hours * HOUR_MS, slot.startsAt.getTime()];
  if (slot.bookingClosesAt) limits.push(slot.bookingClosesAt.getTime());
  return new Date(Math.min(...limits));
}
