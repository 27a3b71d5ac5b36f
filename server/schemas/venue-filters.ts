import { Type, type Static } from '@sinclair/typebox';
import { HORIZON_DAYS } from '../../db/queries/open-intervals.ts';
import type { VenueFilters } from '../../db/queries/venue-search.ts';
import { parseBBox, parseLngLat } from '../../domain/geo.ts';
import { addDays, localDayOf, localMidnight, weekdayIndex } from '../../domain/hours/local-time.ts';
import {
  ACCESSIBILITY_NEEDS,
  GRADE_MAX,
  GRADE_MIN,
  THEMES,
  VENUE_KINDS,
  type AccessibilityNeed,
  type Theme,
  type VenueKind,
} from '../../domain/vocab.ts';
import { Errors, type ApiError } from '../errors.ts';
import { BBoxParam, BooleanParam, FiniteInteger, FiniteNumber, LngLatParam } from './common.ts';

/** The largest radius a search accepts: about the width of China. */
export const MAX_RADIUS_M = 5_000_000;
/** The longest range of days `open_from`…`open_to` may span: two months of a school term. */
export const MAX_OPEN_RANGE_DAYS = 62;

/**
 * Query parameters that select venues, shared by `/api/venues`, `/api/tiles/venues/…` and
 * `/api/slots`, so every view of the catalogue filters the same way. Spread into a route's querystring.
 */
export const venueFilterProperties = {
  near: Type.Optional(LngLatParam),
  radius_m: Type.Optional(
    FiniteNumber({ exclusiveMinimum: 0, maximum: MAX_RADIUS_M, description: 'Radius around `near` in metres' }),
  ),
  bbox: Type.Optional(BBoxParam),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description:
        "Substring of the Chinese or English name or of the Chinese name's pinyin, whole or initials (kejiguan, kjg); one character works. A kind or theme word (科技馆, 博物馆, library, science) also finds venues of that kind, after the name matches",
    }),
  ),
  kinds: Type.Optional(Type.String({ description: `Comma-separated venue kinds, any of: ${VENUE_KINDS.join(', ')}` })),
  themes: Type.Optional(Type.String({ description: `Comma-separated themes, any of: ${THEMES.join(', ')}` })),
  free: Type.Optional(BooleanParam),
  green_channel: Type.Optional(
    Type.Union([Type.Literal('true'), Type.Literal('false')], {
      description:
        'true: only venues offering a green channel (绿色通道) for school groups: stated in their group policy, or shown by a coming slot with places set aside for schools',
    }),
  ),
  school_places: Type.Optional(
    Type.Union([Type.Literal('true'), Type.Literal('false')], {
      description:
        "true: only venues with a coming slot holding school places now (at least `group_size` when given; on one of the date filter's days when one is given)",
    }),
  ),
  accessible: Type.Optional(
    Type.String({
      description: `Comma-separated needs the venue is known to meet, all of: ${ACCESSIBILITY_NEEDS.join(', ')}`,
    }),
  ),
  age: Type.Optional(FiniteInteger({ minimum: 0, maximum: 18, description: "A child's age in years" })),
  grade: Type.Optional(
    FiniteInteger({
      minimum: GRADE_MIN,
      maximum: GRADE_MAX,
      description: 'School grade: 0 kindergarten, 1–6 primary, 7–9 junior, 10–12 senior',
    }),
  ),
  group_size: Type.Optional(
    FiniteInteger({ minimum: 1, maximum: 1000, description: 'A class or group of this many people must be admitted' }),
  ),
  open_on: Type.Optional(
    Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'Only venues open that day (YYYY-MM-DD, Asia/Shanghai)',
    }),
  ),
  open_from: Type.Optional(
    Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: `Only venues open on some day from this one (YYYY-MM-DD, Asia/Shanghai) to \`open_to\` (inclusive; at most ${MAX_OPEN_RANGE_DAYS} days)`,
    }),
  ),
  open_to: Type.Optional(
    Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'The last day of the `open_from` range (inclusive)',
    }),
  ),
  weekend: Type.Optional(
    Type.Literal('true', { description: 'Only venues open on the coming Saturday or Sunday (today, at the weekend)' }),
  ),
  open_at: Type.Optional(
    Type.String({ maxLength: 40, description: 'Only venues open at this moment (ISO date-time with a zone)' }),
  ),
  include_unknown_hours: Type.Optional(
    Type.Literal('true', { description: 'With a date filter, also keep venues whose opening hours are unknown' }),
  ),
  designation: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'An official title the venue holds, e.g. 全国科普教育基地; `any` for any title',
    }),
  ),
};

/** The filters alone, as a schema (routes spread `venueFilterProperties` into their own). */
export const VenueFilterQuery = Type.Object(venueFilterProperties);
export type VenueFilterQuery = Static<typeof VenueFilterQuery>;

/** Parses an optional parameter; a value that does not parse is the given 400. */
function parseOptional<T>(
  value: string | undefined,
  parse: (text: string) => T | undefined,
  invalid: () => ApiError,
): T | undefined {
  if (value === undefined) return undefined;
  const parsed = parse(value);
  if (parsed === undefined) throw invalid();
  return parsed;
}

/** Turns validated query parameters into filters; throws the 400s schema validation cannot express. */
export function parseVenueFilters(query: VenueFilterQuery, now = new Date()): VenueFilters {
  const near = parseOptional(query.near, parseLngLat, Errors.invalidNear);
  if (query.radius_m !== undefined && !near) throw Errors.radiusWithoutNear();
  return {
    near,
    radiusM: query.radius_m,
    bbox: parseOptional(query.bbox, parseBBox, Errors.invalidBbox),
    q: query.q?.trim().toLowerCase() || undefined,
    kinds: parseList<VenueKind>(query.kinds, VENUE_KINDS, Errors.unknownKind),
    themes: parseList<Theme>(query.themes, THEMES, Errors.unknownTheme),
    free: query.free === 'true' ? true : undefined,
    greenChannel: query.green_channel === 'true' ? true : undefined,
    schoolPlaces: query.school_places === 'true' ? true : undefined,
    accessible: parseList<AccessibilityNeed>(query.accessible, ACCESSIBILITY_NEEDS, Errors.unknownAccessibilityNeed),
    designation: query.designation?.trim() || undefined,
    age: query.age,
    grade: query.grade,
    groupSize: query.group_size,
    ...parseDateFilters(query, now),
  };
}

/**
 * Date filters, checked against the horizon the open intervals cover (yesterday to HORIZON_DAYS ahead),
 * so a date beyond it answers DATE_OUT_OF_RANGE instead of an empty, misleading list.
 */
function parseDateFilters(
  query: VenueFilterQuery,
  now: Date,
): Pick<VenueFilters, 'openDays' | 'openAt' | 'includeUnknownHours'> {
  const today = localDayOf(now.getTime());
  const first = addDays(today, -1);
  const last = addDays(today, HORIZON_DAYS);
  const inHorizon = (day: string) => day >= first && day <= last;
  const openDays: string[] = [];
  if (query.open_on !== undefined) {
    try {
      localMidnight(query.open_on);
    } catch {
      throw Errors.invalidDate('open_on', query.open_on);
    }
    if (!inHorizon(query.open_on)) throw Errors.dateOutOfRange(first, last);
    openDays.push(query.open_on);
  }
  if (query.weekend === 'true') openDays.push(...comingWeekend(today));
  if (query.open_from !== undefined || query.open_to !== undefined) {
    openDays.push(...dayRange(query.open_from, query.open_to, inHorizon, first, last));
  }
  let openAt: Date | undefined;
  if (query.open_at !== undefined) {
    openAt = parseInstant('open_at', query.open_at);
    if (!inHorizon(localDayOf(openAt.getTime()))) throw Errors.dateOutOfRange(first, last);
  }
  return {
    openDays: openDays.length > 0 ? [...new Set(openDays)] : undefined,
    openAt,
    includeUnknownHours: query.include_unknown_hours === 'true' ? true : undefined,
  };
}

/** The days from `from` to `to` inclusive; both are required, in order, within the horizon and the span. */
function dayRange(
  from: string | undefined,
  to: string | undefined,
  inHorizon: (day: string) => boolean,
  first: string,
  last: string,
): string[] {
  if (from === undefined || to === undefined) throw Errors.invalidDateRange('open_from and open_to go together');
  for (const [field, day] of [
    ['open_from', from],
    ['open_to', to],
  ] as const) {
    try {
      localMidnight(day);
    } catch {
      throw Errors.invalidDate(field, day);
    }
  }
  if (to < from) throw Errors.invalidDateRange('open_to must not be before open_from');
  if (!inHorizon(from) || !inHorizon(to)) throw Errors.dateOutOfRange(first, last);
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    days.push(day);
    if (days.length > MAX_OPEN_RANGE_DAYS) {
      throw Errors.invalidDateRange(`a range of days may span at most ${MAX_OPEN_RANGE_DAYS} days`);
    }
  }
  return days;
}

/** An ISO date-time with a zone (a moment, not a wall-clock time); throws INVALID_DATE naming the field. */
export function parseInstant(field: string, value: string): Date {
  const at = new Date(value);
  if (!/T\d{2}:\d{2}.*(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(at.getTime())) {
    throw Errors.invalidDate(field, value);
  }
  return at;
}

/** The coming weekend's days: today and tomorrow on a Saturday, today on a Sunday, else next Sat and Sun. */
export function comingWeekend(today: string): string[] {
  const index = weekdayIndex(today);
  if (index === 5) return [today, addDays(today, 1)];
  if (index === 6) return [today];
  const saturday = addDays(today, 5 - index);
  return [saturday, addDays(saturday, 1)];
}

/** A comma-separated list of vocabulary words; unknown words answer the vocabulary's 400. */
function parseList<T extends string>(
  value: string | undefined,
  vocabulary: readonly T[],
  unknownError: (words: string[]) => Error,
): T[] | undefined {
  if (value === undefined) return undefined;
  const known = new Set<string>(vocabulary);
  const words = value
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
  const unknown = words.filter((w) => !known.has(w));
  if (unknown.length > 0) throw unknownError(unknown);
  return words.length > 0 ? (words as T[]) : undefined;
}
