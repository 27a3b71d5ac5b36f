import { greatCircleMetres, type LngLat } from '../../../domain/geo.ts';

/** How close two places with the same name must be to count as likely the same place. */
export const DUPLICATE_RADIUS_M = 100;

/**
 * A name as compared for duplicates: Unicode-normalised (NFKC, so full-width Ｂ and ideographic spaces
 * match their ordinary forms), trimmed, runs of whitespace collapsed to one space, lower-cased.
 */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A place a row may duplicate: an existing venue (or school), or an earlier row of the same file. */
export interface KnownPlace {
  names: (string | null)[];
  point: LngLat;
  /** The venue's (or school's) id; undefined for an earlier row not written yet (or never, in a dry run). */
  id?: string | undefined;
  /** The earlier row's line, when the place is one. */
  line?: number | undefined;
}

export interface DuplicateMatch {
  place: KnownPlace;
  /** The name of the place that matched (its first name sharing the row's normalised name). */
  name: string;
  distanceM: number;
}

/** The nearest of `places` within 100 m sharing a normalised name with `names`, if any. */
export function nearestSameName(
  names: (string | null)[],
  point: LngLat,
  places: KnownPlace[],
): DuplicateMatch | undefined {
  const wanted = new Set(names.filter((n): n is string => !!n).map(normaliseName));
  let best: DuplicateMatch | undefined;
  for (const place of places) {
    const name = place.names.find((n): n is string => !!n && wanted.has(normaliseName(n)));
    if (name === undefined) continue;
    const distanceM = greatCircleMetres(point, place.point);
    if (distanceM <= DUPLICATE_RADIUS_M && (!best || distanceM < best.distanceM)) best = { place, name, distanceM };
  }
  return best;
}

/**
 * The rows of one file accepted so far, indexed by normalised name, so a later row of the same place
 * is found without asking the database (which, in a dry run, never holds the earlier rows).
 */
export class SeenPlaces {
  readonly #byName = new Map<string, KnownPlace[]>();

  add(place: KnownPlace): void {
    for (const key of new Set(place.names.filter((n): n is string => !!n).map(normaliseName))) {
      const list = this.#byName.get(key);
      if (list) list.push(place);
      else this.#byName.set(key, [place]);
    }
  }

  /** The nearest earlier row within 100 m sharing a normalised name, if any. */
  find(names: (string | null)[], point: LngLat): DuplicateMatch | undefined {
    const candidates = new Set<KnownPlace>();
    for (const name of names) {
      if (!name) continue;
      for (const place of this.#byName.get(normaliseName(name)) ?? []) candidates.add(place);
    }
    return nearestSameName(names, point, [...candidates]);
  }
}
