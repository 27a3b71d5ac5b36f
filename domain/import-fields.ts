/**
 * What a venue or school import can fill, shared by the server (which checks a mapping against it) and
 * the web's import page (which offers these fields): the venue and school fields a column can fill,
 * those a default can fill, the closed vocabularies of the single-choice ones, the words official
 * school lists use for kinds, and the shape of a source tag.
 */
import { BOOKING_MODES, COORD_PRECISIONS, MINORS_ADMISSIONS, type SchoolKind } from './vocab.ts';

/** Venue fields a column can fill. lng/lat are read from the Point geometry in GeoJSON. */
export const MAPPABLE_FIELDS = [
  'name_zh',
  'name_en',
  'lng',
  'lat',
  'address_zh',
  'address_en',
  'kinds',
  'themes',
  'opening_hours',
  'minors_admission',
  'admission_rule',
  'booking_mode',
  'coord_precision',
  'phone',
  'website',
  'email',
  'source_ref',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** Fields a default can fill; a row's own name, point and reference are never defaulted. */
export type DefaultableField = Exclude<MappableField, 'name_zh' | 'lng' | 'lat' | 'source_ref'>;
export const DEFAULTABLE_FIELDS = MAPPABLE_FIELDS.filter(
  (f): f is DefaultableField => f !== 'name_zh' && f !== 'lng' && f !== 'lat' && f !== 'source_ref',
);

/** Closed vocabularies of the single-valued fields, as the venues table's CHECK constraints hold them. */
export const FIELD_VOCABULARIES: Partial<Record<MappableField, readonly string[]>> = {
  minors_admission: MINORS_ADMISSIONS,
  booking_mode: BOOKING_MODES,
  coord_precision: COORD_PRECISIONS,
};

/** A source tag: lower-case letters, digits, `.`, `_` and `-`, e.g. `imls-mudf-2014q3`. */
export const SOURCE_PATTERN = '^[a-z0-9][a-z0-9._-]{0,62}$';

/**
 * What a school import can fill (a bureau's or the ministry's official list). lng/lat are read from the
 * Point geometry in GeoJSON; `grades` is a range ("1-6") or a list ("1,2,3"); an empty `kind` cell may
 * be filled from `defaults.kind`, and empty grades follow the kind (SCHOOL_KIND_GRADES).
 */
export const SCHOOL_MAPPABLE_FIELDS = [
  'name',
  'name_en',
  'kind',
  'grades',
  'adcode',
  'lng',
  'lat',
  'address_zh',
  'address_en',
  'pupil_count',
  'contact_name',
  'contact_phone',
  'contact_email',
  'source_ref',
] as const;
export type SchoolMappableField = (typeof SCHOOL_MAPPABLE_FIELDS)[number];

/** School fields a default can fill; a row's own name, point and reference are never defaulted. */
export const SCHOOL_DEFAULTABLE_FIELDS = ['kind', 'grades', 'adcode'] as const;
export type SchoolDefaultableField = (typeof SCHOOL_DEFAULTABLE_FIELDS)[number];

/**
 * Words official Chinese school lists use for each kind (办学类型), so such a file imports without a
 * value map; the kind ids themselves are accepted too.
 */
export const SCHOOL_KIND_WORDS: Readonly<Record<string, SchoolKind>> = {
  幼儿园: 'kindergarten',
  小学: 'primary',
  初级中学: 'junior_secondary',
  初中: 'junior_secondary',
  高级中学: 'senior_secondary',
  高中: 'senior_secondary',
  完全中学: 'senior_secondary',
  九年一贯制学校: 'nine_year',
  十二年一贯制学校: 'twelve_year',
  特殊教育学校: 'special_education',
};
