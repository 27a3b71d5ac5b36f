import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { kindMatchOf } from '../../domain/search-words.ts';
import type { AccessibilityNeed, Theme, VenueKind } from '../../domain/vocab.ts';
import { queryRows, type Db } from '../client.ts';
import { bookings, designations, districts, programmes, slots, venueOpenIntervals, venues } from '../schema/index.ts';

/** What selects venues, shared by search, tiles and what's on. */
export interface VenueFilters {
  near?: { lng: number; lat: number } | undefined;
  /** Only with `near`: the great-circle radius in metres. */
  radiusM?: number | undefined;
  bbox?: { minLng: number; minLat: number; maxLng: number; maxLat: number } | undefined;
  /**
   * Lower-cased, trimmed substring of the Chinese or English name or of the Chinese name's pinyin (whole
   * or initials); a kind or theme word (科技馆, library) also finds the venues of that kind.
   */
  q?: string | undefined;
  /** Venues of any of these kinds. */
  kinds?: VenueKind[] | undefined;
  /** Venues with any of these themes. */
  themes?: Theme[] | undefined;
  /** Only venues free for minors. */
  free?: boolean | undefined;
  /** Only venues offering a green channel (绿色通道) for school groups: see `offersGreenChannel`. */
  greenChannel?: boolean | undefined;
  /**
   * Only venues with a coming slot holding school places now (its allocation not released, not all
   * taken, at least `groupSize` left when given), on one of `openDays` when a date filter is given.
   */
  schoolPlaces?: boolean | undefined;
  /** Only venues known to meet every one of these needs. */
  accessible?: AccessibilityNeed[] | undefined;
  /** Only venues holding this official title (not revoked); `any` for any title. */
  designation?: string | undefined;
  /** Only venues suited to a child of this age (venues without an age limit suit every age). */
  age?: number | undefined;
  /** Only venues suited to this school grade (0 kindergarten … 12; no limit suits every grade). */
  grade?: number | undefined;
  /** Only venues whose group policy admits a group of this size (no stated limit admits any size). */
  groupSize?: number | undefined;
  /** Only venues open at some time on any of these Shanghai days (YYYY-MM-DD). */
  openDays?: string[] | undefined;
  /** Only venues open at this instant. */
  openAt?: Date | undefined;
  /** With a date filter: keep venues whose hours are unknown instead of leaving them out. */
  includeUnknownHours?: boolean | undefined;
}

export type VenueSort = 'distance' | 'relevance' | 'name';

export interface VenueSearch extends VenueFilters {
  /** distance needs `near`, relevance needs `q`; the route checks and picks the default. */
  sort: VenueSort;
  limit: number;
  /** Keyset position: the sort key and id of the last row of the previous page. */
  after?: { key: (number | string)[]; id: string } | undefined;
}

/** A venue as search finds it. */
export interface VenueSearchRow {
  id: string;
  nameZh: string;
  nameEn: string | null;
  kinds: string[];
  themes: string[];
  lng: number;
  lat: number;
  /** From the search point, when there is one. */
  distanceM: number | null;
  addressZh: string | null;
  adcode: string | null;
  minorsAdmission: string;
  coordPrecision: string;
  /** The values pages are ordered by (before the id), for the next cursor. */
  sortKey: (number | string)[];
}

interface SortColumn {
  expr: SQL;
  /** How a cursor value is cast back to the column's type in the keyset comparison. */
  cast: 'float8' | 'int4' | 'text';
  /** Reads the column's value from a result row. */
  read: (row: VenueRow) => number | string;
}

type VenueRow = Omit<VenueSearchRow, 'sortKey'> & { rank: number; nameKey: string };

/**
 * The name order: by pinyin (`name_sort`, derived where the name is written), not by character code.
 * A row whose pinyin is not derived yet sorts by its name until `fillMissingPinyin` runs.
 */
const nameOrderKey = sql<string>`coalesce(${venues.nameSort}, lower(${venues.nameZh}))`;

/**
 * Searches published venues. `distance` orders nearest first (the geography GiST index serves both
 * the radius and the order); `name` by Chinese name; `relevance` puts exact name matches first, then
 * names starting with q, then names containing it, nearer (or alphabetically earlier) first within
 * each. Ties break on id, so keyset pages never repeat or skip a row, even while venues are added.
 */
export async function findVenues(db: Db, search: VenueSearch): Promise<VenueSearchRow[]> {
  const point = nearPoint(search);
  // `<->` on geography is the great-circle distance on PostGIS's sphere, and index-assisted.
  const distance = point ? sql<number>`(${venues.location}::geography <-> ${point})` : undefined;
  const rank = search.q ? relevanceRank(search.q) : sql<number>`0`;

  const byDistance: SortColumn | undefined = distance && {
    expr: distance,
    cast: 'float8',
    read: (row) => row.distanceM ?? 0,
  };
  const byName: SortColumn = { expr: nameOrderKey, cast: 'text', read: (row) => row.nameKey };
  const byRank: SortColumn = { expr: rank, cast: 'int4', read: (row) => row.rank };
  const columns: SortColumn[] =
    search.sort === 'distance' && byDistance
      ? [byDistance]
      : search.sort === 'relevance'
        ? [byRank, byDistance ?? byName]
        : [byName];

  const conditions = venueFilterConditions(search);
  if (search.after) {
    const after = search.after;
    const values = columns.map((c, i) => sql`${after.key[i] ?? null}::${sql.raw(c.cast)}`);
    conditions.push(
      sql`(${sql.join([...columns.map((c) => c.expr), sql`${venues.id}`], sql`, `)}) > (${sql.join(values, sql`, `)}, ${after.id}::uuid)`,
    );
  }

  const where = and(...conditions);
  const rows: VenueRow[] =
    search.sort === 'distance' && distance
      ? await nearestFirst(db, distance, where, search.limit)
      : await db
          .select({
            id: venues.id,
            nameZh: venues.nameZh,
            nameEn: venues.nameEn,
            kinds: venues.kinds,
            themes: venues.themes,
            lng: sql<number>`ST_X(${venues.location})`.mapWith(Number),
            lat: sql<number>`ST_Y(${venues.location})`.mapWith(Number),
            distanceM: distance ? distance.mapWith(Number) : sql<null>`NULL::float8`,
            addressZh: venues.addressZh,
            adcode: venues.adcode,
            minorsAdmission: venues.minorsAdmission,
            coordPrecision: venues.coordPrecision,
            rank: rank.mapWith(Number),
            nameKey: sql<string>`${nameOrderKey}`,
          })
          .from(venues)
          .where(where)
          .orderBy(...columns.map((c) => asc(c.expr)), asc(venues.id))
          .limit(search.limit);

  return rows.map((row) => {
    const { rank: _rank, nameKey: _nameKey, ...summary } = row;
    return { ...summary, sortKey: columns.map((c) => c.read(row)) };
  });
}

/**
 * The first `limit` rows by (distance, id), the geography GiST index supplying the order. PostgreSQL
 * builds an index-ordered (`<->`) scan only when the index covers the whole ORDER BY, which the id
 * tie-break prevents; so the inner query orders by distance alone and keeps every row tied with the
 * last (WITH TIES), and the outer one applies the exact order. Without this, a radius search fetched
 * every venue in the circle and sorted them: 36 ms instead of 3 ms for 10 km in central Beijing at
 * 1,000,000 venues (docs/PERFORMANCE.md).
 */
async function nearestFirst(db: Db, distance: SQL<number>, where: SQL | undefined, limit: number): Promise<VenueRow[]> {
  const rows = await queryRows<VenueRow>(
    db,
    sql`SELECT * FROM (
        SELECT ${venues.id} AS id, ${venues.nameZh} AS "nameZh", ${venues.nameEn} AS "nameEn", ${venues.kinds} AS kinds,
          ${venues.themes} AS themes, ST_X(${venues.location}) AS lng, ST_Y(${venues.location}) AS lat,
          ${distance} AS "distanceM", ${venues.addressZh} AS "addressZh", ${venues.adcode} AS adcode,
          ${venues.minorsAdmission} AS "minorsAdmission", ${venues.coordPrecision} AS "coordPrecision"
        FROM ${venues} WHERE ${where ?? sql`true`}
        ORDER BY "distanceM" FETCH FIRST (${limit}::int) ROWS WITH TIES
      ) v ORDER BY v."distanceM", v.id LIMIT ${limit}::int`,
  );
  return rows.map((row) => ({
    ...row,
    lng: Number(row.lng),
    lat: Number(row.lat),
    distanceM: Number(row.distanceM),
    rank: 0,
    nameKey: '',
  }));
}

/**
 * 0 for an exact name (Chinese, English, its pinyin or initials), 1 for a name starting with q, 2 for one
 * containing it, 3 for a venue found only by its kind or theme (q is a kind word such as 科技馆).
 */
function relevanceRank(q: string): SQL<number> {
  const names = [
    sql`lower(${venues.nameZh})`,
    sql`lower(coalesce(${venues.nameEn}, ''))`,
    sql`coalesce(${venues.namePinyin}, '')`,
    sql`coalesce(${venues.nameInitials}, '')`,
  ];
  const any = (test: (name: SQL) => SQL) => sql.join(names.map(test), sql` OR `);
  return sql<number>`(CASE
    WHEN ${any((name) => sql`${name} = ${q}`)} THEN 0
    WHEN ${any((name) => sql`starts_with(${name}, ${q})`)} THEN 1
    WHEN strpos(${venues.searchText}, ${q}) > 0 THEN 2
    ELSE 3 END)`;
}

/** The name search, widened to the venues of the kinds and themes q names. */
function textCondition(q: string): SQL {
  // The gram index narrows the candidates; strpos keeps exactly the names that contain q.
  const byName = sql`(${venues.searchGrams} @> kaimen_grams(${q}) AND strpos(${venues.searchText}, ${q}) > 0)`;
  const match = kindMatchOf(q);
  if (!match) return byName;
  const alternatives = [byName];
  if (match.kinds.length > 0) alternatives.push(sql`${venues.kinds} && ${sql.param(match.kinds)}::text[]`);
  if (match.themes.length > 0) alternatives.push(sql`${venues.themes} && ${sql.param(match.themes)}::text[]`);
  return sql`(${sql.join(alternatives, sql` OR `)})`;
}

/**
 * Slot `alias` holds school places now and a school group of `groupSize` fits it (domain/places-left.ts,
 * domain/booking.ts allocatePlaces): some school places are left before the allocation's release, and the
 * group fits them, or fits all places left where the slot lets groups take public places too.
 */
export function schoolGroupFits(alias: string, groupSize: number): SQL {
  const s = sql.raw(alias);
  const taken = (column: 'school_places' | 'public_places') =>
    sql`(SELECT coalesce(sum(b.${sql.raw(column)}), 0) FROM ${bookings} b WHERE b.slot_id = ${s}.id AND (b.status = 'confirmed' OR (b.status IN ('held', 'pending') AND b.expires_at > now())))`;
  const total = sql`(${s}.capacity - ${taken('school_places')} - ${taken('public_places')})`;
  const school = sql`LEAST(${total}, ${s}.school_allocation - ${taken('school_places')})`;
  return sql`(${s}.school_allocation > 0 AND ${s}.allocation_release_at > now() AND ${school} > 0
    AND (${school} >= ${groupSize}::int OR (${s}.groups_use_public AND ${total} >= ${groupSize}::int)))`;
}

/** Slot `s` is scheduled, still to come, and public (its programme, if any, published). */
const comingPublicSlot = sql`s.status = 'scheduled' AND s.starts_at > now()
  AND (s.programme_id IS NULL OR EXISTS (SELECT 1 FROM ${programmes} p WHERE p.id = s.programme_id AND p.status = 'published'))`;

/**
 * Whether a venue offers a green channel (绿色通道) for school groups, from facts: its group policy says
 * so, or it publishes a coming slot with places set aside for schools. Never "unknown" when a slot says yes.
 */
export const offersGreenChannel = sql<boolean | null>`(CASE
  WHEN ${venues.greenChannel} IS TRUE OR EXISTS (SELECT 1 FROM ${slots} s WHERE s.venue_id = ${venues.id}
    AND s.school_allocation > 0 AND s.allocation_release_at IS NOT NULL AND ${comingPublicSlot}) THEN true
  ELSE ${venues.greenChannel} END)`;

/** The school-places filter: a coming slot with school places left now (see VenueFilters.schoolPlaces). */
function schoolPlacesCondition(filters: VenueFilters): SQL {
  const days =
    filters.openDays && filters.openDays.length > 0
      ? sql` AND (s.starts_at AT TIME ZONE 'Asia/Shanghai')::date = ANY(${sql.param(filters.openDays)}::text[]::date[])`
      : sql``;
  return sql`EXISTS (SELECT 1 FROM ${slots} s WHERE s.venue_id = ${venues.id} AND ${comingPublicSlot}${days}
    AND ${schoolGroupFits('s', filters.groupSize ?? 1)})`;
}

/** Conditions of the date filters, read from the precomputed open intervals (see db/schema/hours.ts). */
function openConditions(filters: VenueFilters): SQL[] {
  const open: SQL[] = [];
  if (filters.openDays && filters.openDays.length > 0) {
    open.push(
      sql`EXISTS (SELECT 1 FROM ${venueOpenIntervals} o WHERE o.venue_id = ${venues.id} AND o.day = ANY(${sql.param(filters.openDays)}::text[]::date[]))`,
    );
  }
  if (filters.openAt) {
    const t = filters.openAt.toISOString();
    open.push(
      sql`EXISTS (SELECT 1 FROM ${venueOpenIntervals} o WHERE o.venue_id = ${venues.id} AND o.opens_at <= ${t}::timestamptz AND o.closes_at > ${t}::timestamptz)`,
    );
  }
  return open;
}

/** True when the filters include a date filter (open_on, weekend, open_at). */
export function hasDateFilter(filters: VenueFilters): boolean {
  return openConditions(filters).length > 0;
}

/**
 * How many venues match every filter but the date ones and have unknown hours: what a date filter
 * leaves out, so the client can say so and offer to include them.
 */
export async function countUnknownHours(db: Db, filters: VenueFilters): Promise<number> {
  const { openDays: _d, openAt: _a, includeUnknownHours: _i, ...rest } = filters;
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(venues)
    .where(and(...venueFilterConditions(rest), eq(venues.hoursKnown, false)));
  return row?.n ?? 0;
}

/** The search point as a geography, when there is one. */
function nearPoint(filters: VenueFilters): SQL | undefined {
  return filters.near
    ? sql`ST_SetSRID(ST_MakePoint(${filters.near.lng}, ${filters.near.lat}), 4326)::geography`
    : undefined;
}

/**
 * WHERE conditions over `venues` for a set of filters: published venues only, then each filter given.
 * Search, tiles and what's on all select venues through this, so they always agree.
 */
export function venueFilterConditions(filters: VenueFilters): SQL[] {
  const point = nearPoint(filters);
  const conditions: SQL[] = [eq(venues.status, 'published')];
  if (point && filters.radiusM !== undefined) {
    conditions.push(sql`ST_DWithin(${venues.location}::geography, ${point}, ${filters.radiusM}, false)`);
  }
  if (filters.bbox) {
    const b = filters.bbox;
    conditions.push(
      sql`${venues.location} && ST_MakeEnvelope(${b.minLng}, ${b.minLat}, ${b.maxLng}, ${b.maxLat}, 4326)`,
    );
  }
  if (filters.q) conditions.push(textCondition(filters.q));
  if (filters.kinds && filters.kinds.length > 0) {
    conditions.push(sql`${venues.kinds} && ${sql.param(filters.kinds)}::text[]`);
  }
  if (filters.themes && filters.themes.length > 0) {
    conditions.push(sql`${venues.themes} && ${sql.param(filters.themes)}::text[]`);
  }
  if (filters.free) conditions.push(eq(venues.minorsAdmission, 'free'));
  if (filters.greenChannel) conditions.push(sql`${offersGreenChannel} IS TRUE`);
  if (filters.schoolPlaces) conditions.push(schoolPlacesCondition(filters));
  for (const need of filters.accessible ?? []) conditions.push(eq(venues[need], true));
  if (filters.age !== undefined) {
    conditions.push(sql`(${venues.ageMin} IS NULL OR ${venues.ageMin} <= ${filters.age})`);
    conditions.push(sql`(${venues.ageMax} IS NULL OR ${venues.ageMax} >= ${filters.age})`);
  }
  if (filters.grade !== undefined) {
    conditions.push(sql`(${venues.gradeMin} IS NULL OR ${venues.gradeMin} <= ${filters.grade})`);
    conditions.push(sql`(${venues.gradeMax} IS NULL OR ${venues.gradeMax} >= ${filters.grade})`);
  }
  if (filters.groupSize !== undefined) {
    conditions.push(sql`(${venues.groupMax} IS NULL OR ${venues.groupMax} >= ${filters.groupSize})`);
    conditions.push(sql`(${venues.groupMin} IS NULL OR ${venues.groupMin} <= ${filters.groupSize})`);
  }
  const open = openConditions(filters);
  // With school places asked for, a school slot on one of the days is the date filter: the venue receives
  // the class that day, whatever its published hours say.
  if (open.length > 0 && !filters.schoolPlaces) {
    conditions.push(filters.includeUnknownHours ? sql`(NOT ${venues.hoursKnown} OR (${and(...open)}))` : and(...open)!);
  }
  if (filters.designation) {
    const title = filters.designation === 'any' ? sql`` : sql` AND d.title = ${filters.designation}`;
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${designations} d WHERE d.venue_id = ${venues.id} AND d.revoked_at IS NULL${title})`,
    );
  }
  return conditions;
}

/** One published venue with everything its page shows; undefined when there is none. */
export async function getVenue(db: Db, { id }: { id: string }) {
  const [row] = await db
    .select({
      venue: venues,
      offersGreenChannel: offersGreenChannel,
      lng: sql<number>`ST_X(${venues.location})`.mapWith(Number),
      lat: sql<number>`ST_Y(${venues.location})`.mapWith(Number),
      districtName: districts.name,
      cityName: sql<string | null>`(SELECT name FROM districts c WHERE c.code = ${districts.cityCode})`,
      provinceName: sql<string>`(SELECT name FROM districts p WHERE p.code = ${districts.provinceCode})`,
    })
    .from(venues)
    .leftJoin(districts, eq(districts.code, venues.adcode))
    .where(and(eq(venues.id, id), eq(venues.status, 'published')));
  if (!row) return undefined;
  const titles = await db
    .select()
    .from(designations)
    .where(eq(designations.venueId, id))
    .orderBy(asc(designations.title));
  return { ...row, designations: titles };
}
export type PublicVenueRow = NonNullable<Awaited<ReturnType<typeof getVenue>>>;

/** True when the venue exists and is published: drafts, venues waiting for review and suspended ones are not public. */
export async function isPublishedVenue(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: venues.id })
    .from(venues)
    .where(and(eq(venues.id, id), eq(venues.status, 'published')))
    .limit(1);
  return row !== undefined;
}
