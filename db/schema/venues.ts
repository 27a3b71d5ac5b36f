import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { districts } from './districts.ts';
import { organisations, users } from './people.ts';
import { pointWgs84 } from './geometry.ts';
import {
  BOOKING_MODES,
  COORD_PRECISIONS,
  COORD_SYSTEMS,
  DESIGNATION_LEVELS,
  GRADE_MAX,
  GRADE_MIN,
  MINORS_ADMISSIONS,
  PUBLICATION_STATUSES,
  THEMES,
  VENUE_KINDS,
  VERIFICATION_STATUSES,
} from '../../domain/vocab.ts';
import { sqlTextArray } from './sql-vocab.ts';

const inVocab = (column: unknown, values: readonly string[]) => sql`${column} = ANY (${sql.raw(sqlTextArray(values))})`;
const subsetOf = (column: unknown, values: readonly string[]) => sql`${column} <@ ${sql.raw(sqlTextArray(values))}`;

/**
 * A place where children learn outside school. The point is canonical WGS-84; `sourceCrs` records the
 * system it arrived in (Amap/Tencent gcj02 and Baidu bd09 points are converted on import).
 */
export const venues = pgTable(
  'venues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    kinds: text('kinds').array().notNull(),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    adcode: char('adcode', { length: 6 }).references(() => districts.code),
    addressZh: text('address_zh'),
    addressEn: text('address_en'),
    location: pointWgs84('location').notNull(),
    sourceCrs: text('source_crs').notNull().default('wgs84'),
    coordPrecision: text('coord_precision').notNull().default('medium'),
    /** OSM `opening_hours` syntax, evaluated in Asia/Shanghai with Kaimen's holiday calendar. */
    openingHours: text('opening_hours'),
    /** True when `opening_hours` parsed and `venue_open_intervals` holds its days; unknown is never shown as closed. */
    hoursKnown: boolean('hours_known').notNull().default(false),
    minorsAdmission: text('minors_admission').notNull().default('unknown'),
    admissionRule: text('admission_rule'),
    bookingMode: text('booking_mode').notNull().default('unknown'),
    /** Accessibility: NULL means unknown, which is not "no". */
    wheelchair: boolean('wheelchair'),
    hearing: boolean('hearing'),
    visual: boolean('visual'),
    cognitive: boolean('cognitive'),
    phone: text('phone'),
    website: text('website'),
    email: text('email'),
    /** Ages (years) and school grades the venue suits; NULL means no limit on that side. */
    ageMin: smallint('age_min'),
    ageMax: smallint('age_max'),
    gradeMin: smallint('grade_min'),
    gradeMax: smallint('grade_max'),
    groupMin: integer('group_min'),
    groupMax: integer('group_max'),
    groupLeadDays: smallint('group_lead_days'),
    greenChannel: boolean('green_channel'),
    verificationStatus: text('verification_status').notNull().default('unverified'),
    status: text('status').notNull().default('published'),
    /** Why the bureau rejected or suspended the venue; shown to its managers. */
    reviewNote: text('review_note'),
    /** The organisation whose venue managers run this venue; NULL until one creates or claims it. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** When a manager placed the point on the true entrance (an approximate point then becomes exact). */
    locationCheckedAt: timestamp('location_checked_at', { withTimezone: true }),
    /** Where the record came from, e.g. `kaimen-curated` with `sourceRef` = `bj-001`. */
    source: text('source').notNull(),
    sourceRef: text('source_ref'),
    sourceNote: text('source_note'),
    /**
     * The Chinese name's pinyin without tones, derived in JavaScript (`domain/pinyin.ts`, pinyin-pro) where
     * the name is written: whole ("zhongguokexuejishuguan"), initials ("zgkxjsg") and the name order's
     * key (syllables with spaces). NULL until derived: `fillMissingPinyin` fills such rows on migrate and seed.
     */
    namePinyin: text('name_pinyin'),
    nameInitials: text('name_initials'),
    nameSort: text('name_sort'),
    /** Lower-cased names and the name's pinyin as one string, searched by substring. */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        sql`lower(name_zh || ' ' || coalesce(name_en, '') || ' ' || coalesce(name_pinyin, '') || ' ' || coalesce(name_initials, ''))`,
      ),
    /** Every 1- and 2-character gram of `search_text`: a GIN index finds substrings of any length. */
    searchGrams: text('search_grams')
      .array()
      .notNull()
      .generatedAlwaysAs(
        sql`kaimen_grams(lower(name_zh || ' ' || coalesce(name_en, '') || ' ' || coalesce(name_pinyin, '') || ' ' || coalesce(name_initials, '')))`,
      ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('venues_name_zh_not_blank', sql`length(btrim(${t.nameZh})) > 0`),
    check('venues_kinds_known', sql`cardinality(${t.kinds}) >= 1 AND ${subsetOf(t.kinds, VENUE_KINDS)}`),
    check('venues_themes_known', subsetOf(t.themes, THEMES)),
    check(
      'venues_location_valid',
      sql`ST_SRID(${t.location}) = 4326 AND ST_GeometryType(${t.location}) = 'ST_Point' AND ST_X(${t.location}) BETWEEN -180 AND 180 AND ST_Y(${t.location}) BETWEEN -90 AND 90`,
    ),
    check('venues_source_crs_known', inVocab(t.sourceCrs, COORD_SYSTEMS)),
    check('venues_coord_precision_known', inVocab(t.coordPrecision, COORD_PRECISIONS)),
    check('venues_minors_admission_known', inVocab(t.minorsAdmission, MINORS_ADMISSIONS)),
    check('venues_booking_mode_known', inVocab(t.bookingMode, BOOKING_MODES)),
    check('venues_verification_known', inVocab(t.verificationStatus, VERIFICATION_STATUSES)),
    check('venues_status_known', inVocab(t.status, PUBLICATION_STATUSES)),
    check(
      'venues_group_sizes_sane',
      sql`(${t.groupMin} IS NULL OR ${t.groupMin} >= 1) AND (${t.groupMax} IS NULL OR ${t.groupMax} >= 1) AND (${t.groupMin} IS NULL OR ${t.groupMax} IS NULL OR ${t.groupMin} <= ${t.groupMax})`,
    ),
    check(
      'venues_ages_sane',
      sql`(${t.ageMin} IS NULL OR ${t.ageMin} BETWEEN 0 AND 18) AND (${t.ageMax} IS NULL OR ${t.ageMax} BETWEEN 0 AND 18) AND (${t.ageMin} IS NULL OR ${t.ageMax} IS NULL OR ${t.ageMin} <= ${t.ageMax})`,
    ),
    check(
      'venues_grades_sane',
      sql`(${t.gradeMin} IS NULL OR ${t.gradeMin} BETWEEN ${sql.raw(String(GRADE_MIN))} AND ${sql.raw(String(GRADE_MAX))}) AND (${t.gradeMax} IS NULL OR ${t.gradeMax} BETWEEN ${sql.raw(String(GRADE_MIN))} AND ${sql.raw(String(GRADE_MAX))}) AND (${t.gradeMin} IS NULL OR ${t.gradeMax} IS NULL OR ${t.gradeMin} <= ${t.gradeMax})`,
    ),
    check('venues_group_lead_days_sane', sql`${t.groupLeadDays} IS NULL OR ${t.groupLeadDays} BETWEEN 0 AND 365`),
    index('venues_location_gist').using('gist', t.location),
    index('venues_location_geog_gist').using('gist', sql`(${t.location}::geography)`),
    index('venues_search_grams_gin').using('gin', t.searchGrams),
    index('venues_kinds_gin').using('gin', t.kinds),
    index('venues_themes_gin').using('gin', t.themes),
    index('venues_pinyin_missing_idx')
      .on(t.id)
      .where(sql`${t.namePinyin} IS NULL`),
    index('venues_adcode_idx').on(t.adcode),
    index('venues_organisation_idx').on(t.organisationId),
    index('venues_verification_idx')
      .on(t.verificationStatus)
      .where(sql`${t.verificationStatus} = 'pending'`),
    uniqueIndex('venues_source_ref_unique').on(t.source, t.sourceRef),
  ],
);

/** An official title such as 全国爱国主义教育示范基地, held by a venue. */
export const designations = pgTable(
  'designations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    issuer: text('issuer'),
    level: text('level').notNull().default('national'),
    year: smallint('year'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    check('designations_title_not_blank', sql`length(btrim(${t.title})) > 0`),
    check('designations_level_known', inVocab(t.level, DESIGNATION_LEVELS)),
    check('designations_year_sane', sql`${t.year} IS NULL OR ${t.year} BETWEEN 1949 AND 2100`),
    uniqueIndex('designations_venue_title_unique').on(t.venueId, t.title),
  ],
);
