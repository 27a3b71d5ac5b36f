/**
 * One source row → one school to write, or the reason it cannot be: the mapping applied, every value
 * checked against what the schools table accepts (kind, grades 0–12, pupil count), and the point
 * converted to WGS-84. Pure, like rows.ts for venues; the district and the region are checked later,
 * where the database can tell them.
 */
import { SCHOOL_KIND_WORDS, type SchoolMappableField } from '../../../domain/import-fields.ts';
import { isEmail, isPhone } from '../../../domain/contact.ts';
import { toWgs84 } from '../../../domain/crs.ts';
import type { LngLat } from '../../../domain/geo.ts';
import {
  GRADE_MAX,
  GRADE_MIN,
  SCHOOL_KIND_GRADES,
  SCHOOL_KINDS,
  type CoordSystem,
  type SchoolKind,
} from '../../../domain/vocab.ts';
import {
  cellText,
  checkRange,
  contact,
  csvPoint,
  geoJsonPoint,
  RowRejected,
  type RowError,
  type SourceRow,
} from './rows.ts';
import type { SchoolImportMapping } from './school-mapping.ts';

/** A checked school row, ready for its district and region checks. */
export interface SchoolImportRow {
  line: number;
  name: string;
  nameEn: string | null;
  kind: SchoolKind | null;
  grades: number[];
  /** The adcode the file gives; null to take it from the point. */
  adcode: string | null;
  /** WGS-84. */
  point: LngLat;
  addressZh: string | null;
  addressEn: string | null;
  pupilCount: number | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  sourceRef: string | null;
}

const MAX_NAME = 300;
const MAX_TEXT = 2000;
const MAX_PUPILS = 100_000;
const KNOWN_KINDS = new Set<string>(SCHOOL_KINDS);
const GRADE_LIST_SEPARATOR = /[,;|、，；\s]+/;
const GRADE_RANGE = /^(\d{1,2})\s*[-–—~～至到]\s*(\d{1,2})$/;

/** Maps and checks one row; answers the school to write or the row's error. */
export function toSchoolRow(
  row: SourceRow,
  mapping: SchoolImportMapping,
  crs: CoordSystem,
): SchoolImportRow | RowError {
  if (row.error) return row.error;
  try {
    return buildRow(row, mapping, crs);
  } catch (error) {
    if (error instanceof RowRejected) return { line: row.line, code: error.code, reason: error.message };
    throw error;
  }
}

function buildRow(row: SourceRow, mapping: SchoolImportMapping, crs: CoordSystem): SchoolImportRow {
  const raw = (field: SchoolMappableField): string => {
    const column = mapping.fields[field];
    const own = column === undefined ? '' : cellText(row.values[column]);
    if (own !== '' || !(field in mapping.defaults)) return own;
    return mapping.defaults[field as keyof SchoolImportMapping['defaults']] ?? '';
  };
  const text = (field: SchoolMappableField, max = MAX_TEXT): string | null => {
    const value = raw(field);
    if (value.length > max) throw new RowRejected('VALUE_TOO_LONG', `${field} is longer than ${max} characters`);
    return value === '' ? null : value;
  };

  const name = text('name', MAX_NAME);
  if (name === null) throw new RowRejected('NAME_REQUIRED', `the name (${mapping.fields.name}) is empty`);
  const source = row.geometry ? geoJsonPoint(row.geometry.coordinates) : csvPoint(raw('lng'), raw('lat'), mapping);
  checkRange(source);
  const kind = kindOf(raw('kind'), mapping.kindMap);
  const gradesText = raw('grades');
  const adcode = text('adcode');
  if (adcode !== null && !/^\d{6}$/.test(adcode)) {
    throw new RowRejected('INVALID_VALUE', `adcode "${adcode}" is not a six-digit administrative code`);
  }
  return {
    line: row.line,
    name,
    nameEn: text('name_en', MAX_NAME),
    kind,
    grades: gradesText === '' ? [...(kind ? SCHOOL_KIND_GRADES[kind] : [])] : parseGrades(gradesText),
    adcode,
    point: toWgs84(crs, source),
    addressZh: text('address_zh'),
    addressEn: text('address_en'),
    pupilCount: pupilCountOf(raw('pupil_count')),
    contactName: text('contact_name', MAX_NAME),
    contactPhone: contact(text('contact_phone', MAX_NAME), isPhone, 'contact_phone'),
    contactEmail: contact(text('contact_email', MAX_NAME), isEmail, 'contact_email'),
    sourceRef: text('source_ref', MAX_NAME),
  };
}

/** A kind from its cell: the value map first, then kind ids and the usual Chinese words; empty is none. */
function kindOf(cell: string, kindMap: Record<string, SchoolKind>): SchoolKind | null {
  if (cell === '') return null;
  const kind = kindMap[cell] ?? (KNOWN_KINDS.has(cell) ? (cell as SchoolKind) : SCHOOL_KIND_WORDS[cell]);
  if (!kind) {
    throw new RowRejected(
      'UNKNOWN_KIND',
      `kind "${cell}" is not a known school kind (${SCHOOL_KINDS.join(', ')})${Object.keys(kindMap).length > 0 ? ' nor in kind_map' : ''}`,
    );
  }
  return kind;
}

/**
 * Grades from a cell: a range ("1-6", "7至9") or a list ("1,2,3", "7、8、9"), 0 being kindergarten;
 * each within 0–12 and none twice. Answers them in order.
 */
export function parseGrades(cell: string): number[] {
  const bad = (why: string) => new RowRejected('INVALID_GRADES', `grades "${cell}" ${why}`);
  const range = GRADE_RANGE.exec(cell.trim());
  let grades: number[];
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (from > to) throw bad('run backwards');
    grades = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  } else {
    const tokens = cell.split(GRADE_LIST_SEPARATOR).filter((token) => token !== '');
    if (!tokens.every((token) => /^\d{1,2}$/.test(token))) {
      throw bad('are not a range such as 1-6 or a list such as 1,2,3');
    }
    grades = tokens.map(Number);
  }
  if (grades.some((g) => g < GRADE_MIN || g > GRADE_MAX)) throw bad(`go outside ${GRADE_MIN}–${GRADE_MAX}`);
  if (new Set(grades).size !== grades.length) throw bad('name a grade twice');
  return grades.sort((x, y) => x - y);
}

function pupilCountOf(cell: string): number | null {
  if (cell === '') return null;
  if (!/^\d+$/.test(cell)) throw new RowRejected('INVALID_NUMBER', `pupil_count "${cell}" is not a whole number`);
  const count = Number(cell);
  if (count > MAX_PUPILS) throw new RowRejected('INVALID_VALUE', `pupil_count ${count} is more than ${MAX_PUPILS}`);
  return count;
}
