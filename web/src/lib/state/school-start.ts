/**
 * Where a teacher's map starts: their school. Pure, so the choice among several memberships is tested
 * without a page.
 */
import type { LngLat } from '$lib/map/camera';
import type { Me } from '$lib/manage/types';

/** The school a signed-in teacher's map and distances start from. */
export interface SchoolPoint {
  id: string;
  name: string;
  point: LngLat;
}

const RANK = { approved: 0, pending: 1, rejected: 2 } as const;

/**
 * The school to start around: among the person's school memberships that have a point (and were not
 * rejected), an approved one before a pending one, a teacher's before a school admin's, in the order
 * the server lists them. Null for everyone else (parents, managers, a school without a point yet).
 */
export function schoolStart(me: Pick<Me, 'schools'> | null): SchoolPoint | null {
  const placed = (me?.schools ?? [])
    .filter((m) => m.status !== 'rejected' && m.lng !== null && m.lat !== null)
    .map((m, order) => ({ m, order }))
    .sort(
      (a, b) =>
        RANK[a.m.status] - RANK[b.m.status] ||
        Number(a.m.role !== 'teacher') - Number(b.m.role !== 'teacher') ||
        a.order - b.order,
    );
  const first = placed[0]?.m;
  return first && first.lng !== null && first.lat !== null
    ? { id: first.id, name: first.name, point: [first.lng, first.lat] }
    : null;
}
