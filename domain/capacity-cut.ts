/**
 * What a change of a slot's places does to the bookings already in it (PRODUCT.md rule 5: capacity is
 * never cut below places taken without an explicit decision). The limits are the three migration 0008's
 * trigger checks: every place within the capacity, school places within the allocation, and, until the
 * allocation's release, public places within the public share (capacity − allocation).
 *
 * When the manager decides `cancel_newest`, bookings are kept whole or cancelled whole, never shortened:
 * a group keeps its party and may only see where its places come from change (school allocation places
 * become public ones where the slot lets groups use public places).
 */

/** A slot's places after the change. */
export interface PlacesShape {
  capacity: number;
  schoolAllocation: number;
  /** True once the allocation's release time has passed (or there is none): no public share then. */
  released: boolean;
  /** Groups may take public places (so school places over the allocation may move to public ones). */
  groupsUsePublic: boolean;
}

/** A booking taking places now, as the cut sees it. */
export interface TakenBooking {
  id: string;
  schoolPlaces: number;
  publicPlaces: number;
}

export type PlacesLimit = 'capacity' | 'school_allocation' | 'public_share';

/** The first limit the places taken break: what is taken against what the change asks for. */
export interface BrokenLimit {
  limit: PlacesLimit;
  taken: number;
  asked: number;
}

/** The first limit that `school` and `public` places taken break under `shape`, as the trigger checks. */
export function brokenLimit(shape: PlacesShape, taken: { school: number; public: number }): BrokenLimit | undefined {
  const total = taken.school + taken.public;
  if (total > shape.capacity) return { limit: 'capacity', taken: total, asked: shape.capacity };
  if (taken.school > shape.schoolAllocation) {
    return { limit: 'school_allocation', taken: taken.school, asked: shape.schoolAllocation };
  }
  const share = shape.capacity - shape.schoolAllocation;
  if (!shape.released && taken.public > share) return { limit: 'public_share', taken: taken.public, asked: share };
  return undefined;
}

/** A kept group booking whose places are re-split: fewer school places, as many more public ones. */
export interface PlacesMove {
  id: string;
  schoolPlaces: number;
  publicPlaces: number;
}

export interface CutPlan {
  /** Bookings to cancel, newest first. */
  cancel: string[];
  /** Kept bookings whose school places become public ones. */
  move: PlacesMove[];
}

interface Totals {
  school: number;
  public: number;
}

/**
 * How far `totals` are from fitting `shape`, in places, once school places over the allocation moved to
 * public ones where allowed: 0 means they fit.
 */
function shortfall(shape: PlacesShape, totals: Totals): number {
  const total = totals.school + totals.public;
  const movable = shape.groupsUsePublic ? Math.max(0, totals.school - shape.schoolAllocation) : 0;
  const school = totals.school - movable;
  const publicPlaces = total - school;
  const share = shape.capacity - shape.schoolAllocation;
  return (
    Math.max(0, total - shape.capacity) +
    Math.max(0, school - shape.schoolAllocation) +
    (shape.released ? 0 : Math.max(0, publicPlaces - share))
  );
}

/**
 * The `cancel_newest` decision: bookings (oldest first) are cancelled newest first, each only when
 * cancelling it brings the slot closer to fitting (a family is not cancelled to make room in the school
 * allocation), until what is left fits; then school places over the allocation move to public ones,
 * taken from the newest kept groups first. Every step shrinks the shortfall, so it ends, at the latest
 * with every booking cancelled.
 */
export function planCut(shape: PlacesShape, bookings: readonly TakenBooking[]): CutPlan {
  const kept = [...bookings];
  const totals: Totals = {
    school: kept.reduce((sum, b) => sum + b.schoolPlaces, 0),
    public: kept.reduce((sum, b) => sum + b.publicPlaces, 0),
  };
  const cancel: string[] = [];
  let missing = shortfall(shape, totals);
  while (missing > 0) {
    let index = kept.length - 1;
    for (; index >= 0; index--) {
      const b = kept[index]!;
      const without = { school: totals.school - b.schoolPlaces, public: totals.public - b.publicPlaces };
      if (shortfall(shape, without) < missing) break;
    }
    // Unreachable while the rules above hold; cancelling the newest keeps the loop finite regardless.
    if (index < 0) index = kept.length - 1;
    const [gone] = kept.splice(index, 1);
    totals.school -= gone!.schoolPlaces;
    totals.public -= gone!.publicPlaces;
    cancel.push(gone!.id);
    missing = shortfall(shape, totals);
  }
  const move: PlacesMove[] = [];
  let excess = totals.school - shape.schoolAllocation;
  for (let i = kept.length - 1; i >= 0 && excess > 0; i--) {
    const b = kept[i]!;
    const moved = Math.min(excess, b.schoolPlaces);
    if (moved === 0) continue;
    move.push({ id: b.id, schoolPlaces: b.schoolPlaces - moved, publicPlaces: b.publicPlaces + moved });
    excess -= moved;
  }
  return { cancel, move };
}
