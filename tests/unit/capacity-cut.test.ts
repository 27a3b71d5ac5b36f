/**
 * domain/capacity-cut.ts: the limits a slot change may break, and the `cancel_newest` plan, checked on
 * random slots and bookings against what it promises: what is kept fits (as migration 0008's trigger
 * counts), bookings stay whole, only school places move and only to public ones where groups may use
 * them, and no booking is cancelled whose keeping would still fit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenLimit, planCut, type PlacesShape, type TakenBooking } from '../../domain/capacity-cut.ts';

const shapes = fc
  .record({
    capacity: fc.integer({ min: 0, max: 40 }),
    allocation: fc.integer({ min: 0, max: 40 }),
    released: fc.boolean(),
    groupsUsePublic: fc.boolean(),
  })
  .map(({ capacity, allocation, released, groupsUsePublic }): PlacesShape => ({
    capacity,
    schoolAllocation: Math.min(allocation, capacity),
    released,
    groupsUsePublic,
  }));
const bookingList = fc
  .array(fc.record({ school: fc.integer({ min: 0, max: 12 }), public: fc.integer({ min: 0, max: 12 }) }), {
    maxLength: 12,
  })
  .map((rows): TakenBooking[] =>
    rows
      .filter((r) => r.school + r.public > 0)
      .map((r, i) => ({ id: `b${i}`, schoolPlaces: r.school, publicPlaces: r.public })),
  );

const totalsOf = (rows: TakenBooking[]) => ({
  school: rows.reduce((s, b) => s + b.schoolPlaces, 0),
  public: rows.reduce((s, b) => s + b.publicPlaces, 0),
});

describe('the limits a slot change may break', () => {
  it('names the first broken limit with what is taken and what was asked', () => {
    const shape = { capacity: 10, schoolAllocation: 4, released: false, groupsUsePublic: true };
    expect(brokenLimit(shape, { school: 3, public: 6 })).toBeUndefined();
    expect(brokenLimit(shape, { school: 4, public: 7 })).toEqual({ limit: 'capacity', taken: 11, asked: 10 });
    expect(brokenLimit(shape, { school: 5, public: 1 })).toEqual({ limit: 'school_allocation', taken: 5, asked: 4 });
    expect(brokenLimit(shape, { school: 0, public: 7 })).toEqual({ limit: 'public_share', taken: 7, asked: 6 });
    expect(brokenLimit({ ...shape, released: true }, { school: 0, public: 7 })).toBeUndefined();
  });
});

describe('cancel_newest', () => {
  it('keeps what fits, whole; moves only school places to public ones where allowed; cancels only what it must', () => {
    fc.assert(
      fc.property(shapes, bookingList, (shape, rows) => {
        const plan = planCut(shape, rows);
        const cancelled = new Set(plan.cancel);
        const moves = new Map(plan.move.map((m) => [m.id, m]));
        const kept = rows
          .filter((b) => !cancelled.has(b.id))
          .map((b) => {
            const move = moves.get(b.id);
            if (!move) return b;
            expect(move.schoolPlaces + move.publicPlaces).toBe(b.schoolPlaces + b.publicPlaces);
            expect(move.schoolPlaces).toBeLessThan(b.schoolPlaces);
            expect(move.schoolPlaces).toBeGreaterThanOrEqual(0);
            expect(shape.groupsUsePublic).toBe(true);
            return { ...b, ...move };
          });
        expect(brokenLimit(shape, totalsOf(kept))).toBeUndefined();
        for (const id of moves.keys()) expect(cancelled.has(id)).toBe(false);
        // Cancelled newest first, and each one was needed: keeping the last one cancelled does not fit.
        const order = rows.map((b) => b.id);
        const indexes = plan.cancel.map((id) => order.indexOf(id));
        expect(indexes).toEqual([...indexes].sort((a, b) => b - a));
        if (plan.cancel.length > 0) {
          const last = rows.find((b) => b.id === plan.cancel.at(-1))!;
          const withLast = planCut(shape, [...rows.filter((b) => !cancelled.has(b.id)), last]);
          expect(withLast.cancel.length).toBeGreaterThan(0);
        }
        if (!brokenLimit(shape, totalsOf(rows))) expect(plan).toEqual({ cancel: [], move: [] });
      }),
      { numRuns: 2000 },
    );
  });
});
