/**
 * Pure helpers of a teacher's group booking: which schools the account may book a class for, and —
 * before confirming — where the class's places would come from (the school allocation, the green
 * channel, or public places) and whether the venue must approve, by the booking core's own rules
 * (domain/booking.ts) over the slot the API answered.
 */
import { allocatePlaces, needsApproval, type PlaceSplit } from '$domain/booking.ts';
import type { ApprovalPolicy } from '$domain/vocab.ts';
import type { ApiAnswer } from '$lib/api/client';

type Me = ApiAnswer<'/api/me'>;
export type Membership = Me['schools'][number];
type Slot = ApiAnswer<'/api/venues/{id}/slots'>['items'][number];

/** The schools a signed-in account books classes for: confirmed teacher or admin memberships. */
export function groupSchools(me: Pick<Me, 'role' | 'schools'> | null): Membership[] {
  if (!me || (me.role !== 'teacher' && me.role !== 'school_admin')) return [];
  return me.schools.filter((s) => s.status === 'approved');
}

/** A class as the form holds it. */
export interface GroupParty {
  pupils: number;
  adults: number;
}

/** What a group request would take, told before it is sent. */
export interface GroupPlan {
  /** Where the places come from, or null when the class does not fit whole. */
  split: PlaceSplit | null;
  /** The most people a group of this school can book in the slot now. */
  room: number;
  /** Whether the request waits for the venue's approval. */
  approval: boolean;
  /** Whether the school's groups take allocation places (a verified school's). */
  greenChannel: boolean;
}

/**
 * Where a class's places would come from in `slot` (green channel first for a verified school, then
 * public places where the slot lets groups take them) and whether the venue must approve it.
 */
export function groupPlan(
  slot: Pick<Slot, 'places_left' | 'approval' | 'groups_use_public'>,
  party: GroupParty,
  schoolVerified: boolean,
): GroupPlan {
  const places = Math.max(0, party.pupils) + Math.max(0, party.adults);
  const options = { greenChannel: schoolVerified, groupsUsePublic: slot.groups_use_public };
  const split = places > 0 ? (allocatePlaces('group', places, slot.places_left, options) ?? null) : null;
  const room = (schoolVerified ? slot.places_left.school : 0) + (slot.groups_use_public ? slot.places_left.public : 0);
  return {
    split,
    room,
    approval: needsApproval(slot.approval as ApprovalPolicy, 'group'),
    greenChannel: schoolVerified,
  };
}
