/**
 * What a venue import can fill, shared by the server (which checks a mapping against it) and the web's
 * import page (which offers these fields): the venue fields a column can fill, those a default can
 * fill, the closed vocabularies of the single-choice ones, and the shape of a source tag.
 */
import { BOOKING_MODES, COORD_PRECISIONS, MINORS_ADMISSIONS } from './vocab.ts';

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
