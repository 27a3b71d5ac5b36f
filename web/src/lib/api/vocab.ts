/**
 * The API's vocabularies as runtime lists, in the order the filter panel shows them. Each list is
 * read from a `Record` keyed by the generated type, so adding a kind or theme to the server's
 * OpenAPI document fails type-checking here until it is listed (and labelled in every language).
 */
import type { Theme, VenueKind, VenueSort } from './types';

const kindOrder: Record<VenueKind, number> = {
  museum: 0,
  science_center: 1,
  library: 2,
  memorial_hall: 3,
  art_gallery: 4,
  cultural_center: 5,
  heritage_hall: 6,
  performance_venue: 7,
  sports_venue: 8,
  park: 9,
  national_park: 10,
  youth_palace: 11,
  children_center: 12,
  practice_base: 13,
  education_base: 14,
  camp: 15,
  community_station: 16,
};

const themeOrder: Record<Theme, number> = {
  science: 0,
  patriotism: 1,
  culture_heritage: 2,
  arts: 3,
  nature: 4,
  reading: 5,
  sports: 6,
  labour: 7,
  rule_of_law: 8,
  safety: 9,
  volunteering: 10,
  family_education: 11,
};

const sortOrder: Record<VenueSort, number> = { distance: 0, relevance: 1, name: 2 };

function ordered<T extends string>(order: Record<T, number>): readonly T[] {
  return (Object.keys(order) as T[]).sort((a, b) => order[a] - order[b]);
}

/** Every venue kind the API accepts in `kinds`. */
export const VENUE_KINDS: readonly VenueKind[] = ordered(kindOrder);

/** Every theme the API accepts in `themes`. */
export const THEMES: readonly Theme[] = ordered(themeOrder);

/** Every order the API accepts in `sort`. */
export const VENUE_SORTS: readonly VenueSort[] = ordered(sortOrder);

/**
 * Accessibility needs `accessible` accepts (a venue must meet all requested). The OpenAPI document
 * types the parameter as a plain string, so this list mirrors the server's vocabulary by hand.
 */
export const ACCESSIBILITY_NEEDS = ['wheelchair', 'hearing', 'visual', 'cognitive'] as const;

/** One accessibility need. */
export type AccessibilityNeed = (typeof ACCESSIBILITY_NEEDS)[number];
