/**
 * One source row → one venue to write, or the reason it cannot be: the mapping applied, every value
 * checked against what the venues table accepts, and the point converted to WGS-84. Pure, so each rule
 * has a unit test, and a bad row never reaches the database.
 */
import { FIELD_VOCABULARIES, type DefaultableField, type MappableField } from '../../../domain/import-fields.ts';
import {
  THEMES,
  VENUE_KINDS,
  type CoordSystem,
  type RowErrorCode,
  type Theme,
  type VenueKind,
} from '../../../domain/vocab.ts';
import type { LngLat } from '../../../domain/geo.ts';
import { importedWebsite, isEmail, isPhone } from '../../../domain/contact.ts';
import { toWgs84 } from '../../../domain/crs.ts';
import type { ImportMapping } from './mapping.ts';

export interface RowError {
  line: number;
  code: RowErrorCode;
  reason: string;
}

/** A row as read from the file, before mapping. */
export interface SourceRow {
  /** CSV: the line the record starts on (header = 1). GeoJSON: the feature's index in `features`. */
  line: number;
  /** Cells by column name (CSV) or properties (GeoJSON). */
  values: Record<string, unknown>;
  /** GeoJSON only: the Point geometry's coordinates as found (CSV rows have lng/lat columns instead). */
  geometry?: { coordinates: unknown };
  /** The row could not be read at all (CSV syntax, wrong field count, a feature without a Point). */
  error?: RowError;
}

/** A checked row, ready to write. `undefined` leaves a column at its default; `null` writes NULL. */
export interface ImportRow {
  line: number;
  nameZh: string;
  nameEn: string | null;
  /** WGS-84. */
  point: LngLat;
  kinds: VenueKind[];
  themes: Theme[];
  addressZh: string | null;
  addressEn: string | null;
  openingHours: string | null;
  admissionRule: string | null;
  phone: string | null;
  website: string | null;
  email: string | null;
  minorsAdmission: string | undefined;
  bookingMode: string | undefined;
  coordPrecision: string | undefined;
  sourceRef: string | null;
}

const MAX_NAME = 300;
const MAX_TEXT = 2000;
export const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Separators of several kinds or themes in one cell, Chinese punctuation included. */
const LIST_SEPARATOR = /[;,|、；，]/;
const KNOWN_KINDS = new Set<string>(VENUE_KINDS);
const KNOWN_THEMES = new Set<string>(THEMES);

/** Thrown by a row's checks with the row's error code; the caller turns it into the row's error. */
export class RowRejected extends Error {
  constructor(
    readonly code: RowErrorCode,
    reason: string,
  ) {
    super(reason);
  }
}

/** The deepest list or object a GeoJSON property may hold (a list of lists is already unusual). */
export const MAX_CELL_DEPTH = 8;

/**
 * A cell as text: trimmed; numbers and booleans as written; a list (GeoJSON) joined with `;`. A
 * property nested deeper than MAX_CELL_DEPTH rejects its row (INVALID_VALUE) before anything recurses
 * over it, so one hostile feature cannot overflow the stack and stop the whole import.
 */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'object') return String(value).trim();
  if (nestedDeeperThan(value, MAX_CELL_DEPTH)) {
    throw new RowRejected('INVALID_VALUE', `a property is nested more than ${MAX_CELL_DEPTH} levels deep`);
  }
  if (Array.isArray(value)) return value.map(cellText).join(';');
  return JSON.stringify(value);
}

/** Whether a JSON value holds lists or objects more than `max` levels deep; iterative, stops early. */
function nestedDeeperThan(value: object, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Maps and checks one row; answers the venue to write or the row's error. */
export function toImportRow(row: SourceRow, mapping: ImportMapping, crs: CoordSystem): ImportRow | RowError {
  if (row.error) return row.error;
  try {
    return buildRow(row, mapping, crs);
  } catch (error) {
    if (error instanceof RowRejected) return { line: row.line, code: error.code, reason: error.message };
    throw error;
  }
}

function buildRow(row: SourceRow, mapping: ImportMapping, crs: CoordSystem): ImportRow {
  const raw = (field: MappableField): string => {
    const column = mapping.fields[field];
    const own = column === undefined ? '' : cellText(row.values[column]);
    if (own !== '' || !(field in mapping.defaults)) return own;
    return cellText(mapping.defaults[field as DefaultableField]);
  };
  const text = (field: MappableField, max = MAX_TEXT): string | null => {
    const value = raw(field);
    if (value.length > max) throw new RowRejected('VALUE_TOO_LONG', `${field} is longer than ${max} characters`);
    return value === '' ? null : value;
  };
  const vocabulary = (field: MappableField): string | undefined => {
    const value = text(field);
    if (value === null) return undefined;
    const allowed = FIELD_VOCABULARIES[field]!;
    if (!allowed.includes(value)) {
      throw new RowRejected('INVALID_VALUE', `${field} "${value}" is not one of ${allowed.join(', ')}`);
    }
    return value;
  };

  const nameZh = text('name_zh', MAX_NAME);
  if (nameZh === null) throw new RowRejected('NAME_REQUIRED', `the name (${mapping.fields.name_zh}) is empty`);
  const source = row.geometry ? geoJsonPoint(row.geometry.coordinates) : csvPoint(raw('lng'), raw('lat'), mapping);
  checkRange(source);
  return {
    line: row.line,
    nameZh,
    nameEn: text('name_en', MAX_NAME),
    point: toWgs84(crs, source),
    kinds: listOf(raw('kinds'), mapping.kindsMap, KNOWN_KINDS, 'kind') as VenueKind[],
    themes: listOf(raw('themes'), mapping.themesMap, KNOWN_THEMES, 'theme') as Theme[],
    addressZh: text('address_zh'),
    addressEn: text('address_en'),
    openingHours: text('opening_hours'),
    admissionRule: text('admission_rule'),
    phone: contact(text('phone'), isPhone, 'phone'),
    website: website(text('website')),
    email: contact(text('email'), isEmail, 'email'),
    minorsAdmission: vocabulary('minors_admission'),
    bookingMode: vocabulary('booking_mode'),
    coordPrecision: vocabulary('coord_precision'),
    sourceRef: text('source_ref', MAX_NAME),
  };
}

/**
 * A contact cell checked by the rule the API uses (domain/contact.ts): a row breaking it is refused
 * (INVALID_VALUE, naming the field), so a `javascript:` website never reaches a page.
 */
export function contact(value: string | null, valid: (value: string) => boolean, what: string): string | null {
  if (value !== null && !valid(value)) {
    throw new RowRejected('INVALID_VALUE', `${what} "${value.slice(0, 80)}" is not valid`);
  }
  return value;
}

/** A website cell: an http(s) URL, or a bare domain taken as http:// (importedWebsite); anything else refused. */
function website(value: string | null): string | null {
  if (value === null) return null;
  const kept = importedWebsite(value);
  if (kept === null) {
    throw new RowRejected('INVALID_VALUE', `website "${value.slice(0, 80)}" is not an http:// or https:// address`);
  }
  return kept;
}

/** A CSV row's point from its lng and lat cells (the mapping names the columns in messages). */
export function csvPoint(
  lngText: string,
  latText: string,
  mapping: { fields: { lng?: string | undefined; lat?: string | undefined } },
): LngLat {
  if (lngText === '' || latText === '') {
    const missing = [
      lngText === '' ? `lng (${mapping.fields.lng})` : '',
      latText === '' ? `lat (${mapping.fields.lat})` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    throw new RowRejected('COORDINATES_REQUIRED', `${missing} empty`);
  }
  for (const [axis, value] of [
    ['lng', lngText],
    ['lat', latText],
  ] as const) {
    if (!NUMBER.test(value)) throw new RowRejected('INVALID_NUMBER', `${axis} "${value}" is not a number`);
  }
  return { lng: Number(lngText), lat: Number(latText) };
}

/** A GeoJSON Point's [lng, lat]. */
export function geoJsonPoint(coordinates: unknown): LngLat {
  if (!Array.isArray(coordinates) || coordinates.length < 2) {
    throw new RowRejected('GEOMETRY_NOT_POINT', 'the Point has no [lng, lat] coordinates');
  }
  const [lng, lat] = coordinates as unknown[];
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
    throw new RowRejected('INVALID_NUMBER', `coordinates ${JSON.stringify([lng, lat])} are not two numbers`);
  }
  return { lng, lat };
}

/** Refuses a point outside -180…180, -90…90. */
export function checkRange({ lng, lat }: LngLat): void {
  if (!Number.isFinite(lng) || lng < -180 || lng > 180) {
    throw new RowRejected('COORDINATE_OUT_OF_RANGE', `lng ${lng} is outside -180…180`);
  }
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw new RowRejected('COORDINATE_OUT_OF_RANGE', `lat ${lat} is outside -90…90`);
  }
}

/** Splits a cell into values, maps each through the value map, and checks them against the vocabulary. */
function listOf(cell: string, map: Record<string, string[]>, known: Set<string>, noun: 'kind' | 'theme'): string[] {
  const out = new Set<string>();
  for (const token of cell.split(LIST_SEPARATOR)) {
    const value = token.trim();
    if (value === '') continue;
    const mapped = map[value] ?? (known.has(value) ? [value] : undefined);
    if (!mapped) {
      throw new RowRejected(
        noun === 'kind' ? 'UNKNOWN_KIND' : 'UNKNOWN_THEME',
        `${noun} "${value}" is not a known ${noun}${Object.keys(map).length > 0 ? ` nor in ${noun}s_map` : ''}`,
      );
    }
    for (const v of mapped) out.add(v);
  }
  if (noun === 'kind' && out.size === 0) {
    throw new RowRejected('KIND_REQUIRED', 'no kind: the kinds cell is empty and there is no defaults.kinds');
  }
  return [...out];
}
