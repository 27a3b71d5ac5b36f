import { Errors } from '../errors.ts';

/** Pairs of bounds a venue or a programme may state, by their API names. */
const BOUNDS = [
  ['age_min', 'age_max'],
  ['grade_min', 'grade_max'],
  ['group_min', 'group_max'],
] as const;

/**
 * Refuses a lower bound above its upper one (INVALID_RANGE). The database checks too; this says which
 * bound, by its API name. `values` is the record as it will be: its current fields with the edit applied.
 */
export function checkRanges(values: Partial<Record<string, unknown>>): void {
  for (const [low, high] of BOUNDS) {
    const a = values[low];
    const b = values[high];
    if (typeof a === 'number' && typeof b === 'number' && a > b) {
      throw Errors.invalidRange(low, `${a} is above ${high} ${b}`);
    }
  }
}
