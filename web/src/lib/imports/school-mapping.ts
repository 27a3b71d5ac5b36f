/**
 * The field mapping of a school import, as the form builds it: which column fills which school field,
 * guessed from the column names of official lists (学校名称, 办学类型, 学校标识码…) and then corrected
 * by a person. `buildSchoolMapping` writes the JSON `POST /api/imports/schools` takes.
 */
import { SCHOOL_MAPPABLE_FIELDS, type SchoolMappableField } from '$domain/import-fields.ts';
import { SCHOOL_KINDS, type SchoolKind } from '$domain/vocab.ts';
import { normaliseName } from './mapping';

/** School fields a column can fill, in the order the form lists them: the server's own list. */
export const SCHOOL_IMPORT_FIELDS = SCHOOL_MAPPABLE_FIELDS;
export type SchoolImportField = SchoolMappableField;
export { SCHOOL_KINDS, type SchoolKind };

/** Field → chosen column ('' for none). */
export type SchoolFieldColumns = Record<SchoolImportField, string>;

/** Column names that usually hold each field, normalised, best first. */
const SYNONYMS: Record<SchoolImportField, string[]> = {
  name: ['name', '学校名称', '名称', '学校', '校名', 'schoolname', 'title'],
  name_en: ['nameen', 'englishname', '英文名称', '英文名'],
  kind: ['kind', 'type', '办学类型', '学校类型', '类型', '类别', 'schooltype'],
  grades: ['grades', 'grade', '年级', '学段', '年级范围'],
  adcode: ['adcode', '区划代码', '行政区划代码', '所在地区代码', 'districtcode'],
  lng: ['lng', 'lon', 'long', 'longitude', '经度', 'x'],
  lat: ['lat', 'latitude', '纬度', 'y'],
  address_zh: ['addresszh', 'address', '地址', '学校地址', '详细地址', 'addr'],
  address_en: ['addressen', 'englishaddress', '英文地址'],
  pupil_count: ['pupilcount', 'pupils', 'students', '学生数', '在校生数', '在校学生数'],
  contact_name: ['contactname', 'contact', '联系人'],
  contact_phone: ['contactphone', 'phone', 'tel', '电话', '联系电话'],
  contact_email: ['contactemail', 'email', '邮箱', '电子邮箱'],
  source_ref: ['sourceref', '学校标识码', '标识码', 'id', 'ref', '编号', 'code'],
};

/**
 * Guesses a column for each field from the column names: exact (normalised) synonyms first, then a
 * column whose name contains a long or Chinese synonym. A column fills one field at most.
 */
export function autoMatchSchoolColumns(columns: readonly string[]): SchoolFieldColumns {
  const result = Object.fromEntries(SCHOOL_IMPORT_FIELDS.map((f) => [f, ''])) as SchoolFieldColumns;
  const used = new Set<string>();
  const normalised = columns.map((c) => ({ column: c, norm: normaliseName(c) }));
  const take = (field: SchoolImportField, match: (norm: string, synonym: string) => boolean) => {
    if (result[field]) return;
    for (const synonym of SYNONYMS[field]) {
      const found = normalised.find(({ column, norm }) => !used.has(column) && match(norm, synonym));
      if (found) {
        result[field] = found.column;
        used.add(found.column);
        return;
      }
    }
  };
  for (const field of SCHOOL_IMPORT_FIELDS) take(field, (norm, synonym) => norm === synonym);
  for (const field of SCHOOL_IMPORT_FIELDS) {
    take(
      field,
      (norm, synonym) => (synonym.length >= 6 || /[\u3400-\u9fff]{2,}/.test(synonym)) && norm.includes(synonym),
    );
  }
  return result;
}

/** What the school form has chosen. */
export interface SchoolMappingChoice {
  format: 'csv' | 'geojson';
  columns: SchoolFieldColumns;
  /** Kind of rows whose kind cell is empty (or of every row when kind is not mapped); '' for none. */
  defaultKind: SchoolKind | '';
}

/** The mapping JSON of `POST /api/imports/schools` for a choice (unchosen fields left out). */
export function buildSchoolMapping(choice: SchoolMappingChoice): Record<string, unknown> {
  const mapping: Record<string, unknown> = {};
  for (const field of SCHOOL_IMPORT_FIELDS) {
    if (choice.format === 'geojson' && (field === 'lng' || field === 'lat')) continue;
    if (choice.columns[field]) mapping[field] = choice.columns[field];
  }
  if (choice.defaultKind) mapping.defaults = { kind: choice.defaultKind };
  return mapping;
}

/** Why a choice cannot be sent yet, as message keys; empty when it can. The server checks again. */
export type SchoolMappingProblem = 'name' | 'coordinates' | 'sameColumn';

export function schoolMappingProblems(choice: SchoolMappingChoice): SchoolMappingProblem[] {
  const problems: SchoolMappingProblem[] = [];
  if (!choice.columns.name) problems.push('name');
  if (choice.format === 'csv' && (!choice.columns.lng || !choice.columns.lat)) problems.push('coordinates');
  if (choice.format === 'csv' && choice.columns.lng && choice.columns.lng === choice.columns.lat) {
    problems.push('sameColumn');
  }
  return problems;
}
