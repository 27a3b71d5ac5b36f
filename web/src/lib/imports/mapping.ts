/**
 * The field mapping of an import, as the form builds it: which column fills which Kaimen field, guessed
 * from the column names and then corrected by a person; which kind each source value means; a default
 * kind. `buildMapping` writes the JSON `POST /api/imports/venues` takes (see its `mapping` parameter).
 */
import { MAPPABLE_FIELDS, type MappableField } from '$domain/import-fields.ts';
import { VENUE_KINDS } from '$lib/api/vocab';
import type { VenueKind } from '$lib/api/types';

/** Kaimen fields a column can fill, in the order the form lists them: the server's own list. */
export const IMPORT_FIELDS = MAPPABLE_FIELDS;
export type ImportField = MappableField;

/** Field → chosen column ('' for none). */
export type FieldColumns = Record<ImportField, string>;

/**
 * Column names that usually hold each field, normalised (see {@link normaliseName}), best first.
 * English and Chinese names of common open-data files, OSM tags and the IMLS museum file.
 */
const SYNONYMS: Record<ImportField, string[]> = {
  name_zh: ['namezh', 'name', '名称', '场馆名称', '名字', '机构名称', '单位名称', 'title', 'venuename', 'museumname'],
  name_en: ['nameen', 'englishname', 'nameenglish', '英文名称', '英文名', 'altname', 'alternatename'],
  lng: ['lng', 'lon', 'long', 'longitude', '经度', 'x', 'lngwgs84', 'lonwgs84'],
  lat: ['lat', 'latitude', '纬度', 'y', 'latwgs84'],
  kinds: ['kinds', 'kind', '类型', '类别', '场馆类型', 'type', 'category', 'categories', 'discipl', 'discipline'],
  themes: ['themes', 'theme', '主题', '教育主题'],
  address_zh: ['addresszh', 'address', '地址', '详细地址', 'addr', 'street', 'streetaddress'],
  address_en: ['addressen', 'englishaddress', '英文地址'],
  opening_hours: ['openinghours', 'hours', '开放时间', 'openhours'],
  minors_admission: ['minorsadmission', 'admission', '门票', '未成年人门票'],
  admission_rule: ['admissionrule', '门票说明', '入场规则'],
  booking_mode: ['bookingmode', '预约方式'],
  coord_precision: ['coordprecision', '坐标精度'],
  phone: ['phone', 'tel', 'telephone', '电话', '联系电话', 'phonenumber'],
  website: ['website', 'url', 'weburl', 'web', 'homepage', '网址', '官网'],
  email: ['email', 'mail', '邮箱', '电子邮箱'],
  source_ref: ['sourceref', 'id', 'ref', 'mid', 'uid', '编号', '序号'],
};

/** Lower case, without spaces, underscores, hyphens, dots or brackets; Chinese characters stay. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.()（）[\]:：/]+/g, '');
}

/**
 * Guesses a column for each field from the column names: exact (normalised) synonyms first, in each
 * field's order of preference, then a column whose name contains a long synonym. A column fills one
 * field at most, and a field no column resembles stays empty.
 */
export function autoMatchColumns(columns: readonly string[]): FieldColumns {
  const result = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, ''])) as FieldColumns;
  const used = new Set<string>();
  const normalised = columns.map((c) => ({ column: c, norm: normaliseName(c) }));
  const take = (field: ImportField, match: (norm: string, synonym: string) => boolean) => {
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
  for (const field of IMPORT_FIELDS) take(field, (norm, synonym) => norm === synonym);
  // Containment only for distinctive synonyms: "name" inside "altname" would be wrong; "longitude" is not.
  for (const field of IMPORT_FIELDS) {
    take(
      field,
      (norm, synonym) => (synonym.length >= 6 || /[\u3400-\u9fff]{2,}/.test(synonym)) && norm.includes(synonym),
    );
  }
  return result;
}

/** Source words that plainly mean a kind, normalised; kind ids and the interface's labels count too. */
const KIND_WORDS: Record<string, VenueKind> = {
  museum: 'museum',
  museums: 'museum',
  art: 'art_gallery',
  gallery: 'art_gallery',
  artgallery: 'art_gallery',
  artmuseum: 'art_gallery',
  science: 'science_center',
  sciencecenter: 'science_center',
  sciencecentre: 'science_center',
  sci: 'science_center',
  library: 'library',
  park: 'park',
  memorial: 'memorial_hall',
  theatre: 'performance_venue',
  theater: 'performance_venue',
  stadium: 'sports_venue',
  camp: 'camp',
  纪念馆: 'memorial_hall',
  科技馆: 'science_center',
  美术馆: 'art_gallery',
  图书馆: 'library',
  博物馆: 'museum',
  博物院: 'museum',
  公园: 'park',
  少年宫: 'youth_palace',
};

/**
 * The kind a source value plainly means, or '' when it is not plain (a code such as "HSC" is left to a
 * person). `labels` are the interface's kind names in each language, so "博物馆" or "Museum" match.
 */
export function suggestKind(value: string, labels: readonly ((kind: VenueKind) => string)[] = []): VenueKind | '' {
  const norm = normaliseName(value);
  const byId = VENUE_KINDS.find((k) => normaliseName(k) === norm);
  if (byId) return byId;
  for (const label of labels) {
    const found = VENUE_KINDS.find((k) => normaliseName(label(k)) === norm);
    if (found) return found;
  }
  return KIND_WORDS[norm] ?? '';
}

/** What the form has chosen. */
export interface MappingChoice {
  format: 'csv' | 'geojson';
  columns: FieldColumns;
  /** Source value of the kinds column → kind ('' = leave it: a value that is not a kind fails its row). */
  kindValues: Record<string, VenueKind | ''>;
  /** Kind of rows whose kinds cell is empty (or of every row when kinds is not mapped); '' for none. */
  defaultKind: VenueKind | '';
}

/** The mapping JSON of `POST /api/imports/venues` for a choice (unchosen fields left out). */
export function buildMapping(choice: MappingChoice): Record<string, unknown> {
  const mapping: Record<string, unknown> = {};
  for (const field of IMPORT_FIELDS) {
    if (choice.format === 'geojson' && (field === 'lng' || field === 'lat')) continue;
    if (choice.columns[field]) mapping[field] = choice.columns[field];
  }
  if (choice.columns.kinds) {
    const kindsMap = Object.fromEntries(
      Object.entries(choice.kindValues).filter(([value, kind]) => kind !== '' && kind !== value),
    );
    if (Object.keys(kindsMap).length > 0) mapping.kinds_map = kindsMap;
  }
  if (choice.defaultKind) mapping.defaults = { kinds: [choice.defaultKind] };
  return mapping;
}

/** Why a choice cannot be sent yet, as message keys; empty when it can. The server checks again. */
export type MappingProblem = 'name' | 'coordinates' | 'kinds' | 'sameColumn';

export function mappingProblems(choice: MappingChoice): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (!choice.columns.name_zh) problems.push('name');
  if (choice.format === 'csv' && (!choice.columns.lng || !choice.columns.lat)) problems.push('coordinates');
  if (!choice.columns.kinds && !choice.defaultKind) problems.push('kinds');
  if (choice.format === 'csv' && choice.columns.lng && choice.columns.lng === choice.columns.lat) {
    problems.push('sameColumn');
  }
  return problems;
}

/** Source tags the server accepts: lower-case letters, digits, dot, underscore, hyphen; 1–63 long. */
export const SOURCE_TAG = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/** A source tag suggested from a file name: "US Museums 2014.csv" → "us-museums-2014". */
export function sourceTagOf(fileName: string): string {
  return fileName
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 63);
}
