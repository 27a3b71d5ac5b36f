/** A distance rounded for reading: metres to the nearest 10 below 1 km, else kilometres. */
export interface RoundedDistance {
  value: number;
  unit: 'm' | 'km';
}

/**
 * Round a distance in metres the way people say it: "850 m", "1.2 km", "23 km". Precision shrinks
 * as distance grows, because a venue's point is only good to tens of metres anyway.
 */
export function roundDistance(metres: number): RoundedDistance {
  const m = Math.max(0, metres);
  if (m < 995) return { value: Math.max(10, Math.round(m / 10) * 10), unit: 'm' };
  const km = m / 1000;
  if (km < 9.95) return { value: Math.round(km * 10) / 10, unit: 'km' };
  return { value: Math.round(km), unit: 'km' };
}
