/**
 * The field mapping of a school import: which column (CSV) or property (GeoJSON) fills which school
 * field, a value map for kinds (`{"完中":"senior_secondary"}`) and defaults for empty cells. Checked whole
 * before the job is queued, so a mistake in it is a 400 INVALID_MAPPING rather than thousands of bad rows.
 */
import {
  SCHOOL_DEFAULTABLE_FIELDS,
  SCHOOL_MAPPABLE_FIELDS,
  type SchoolDefaultableField,
  type SchoolMappableField,
} from '../../../domain/import-fields.ts';
import { SCHOOL_KINDS, type ImportFormat, type SchoolKind } from '../../../domain/vocab.ts';
import { Errors } from '../../errors.ts';
import { readMappingJson } from './mapping.ts';

export interface SchoolImportMapping {
  /** School field → source column or property name. */
  fields: Partial<Record<SchoolMappableField, string>>;
  /** Source value (e.g. `完中`) → kind; kind ids and the usual Chinese words pass through. */
  kindMap: Record<string, SchoolKind>;
  /** Raw values used when a row's own cell is empty (or the field is not mapped). */
  defaults: Partial<Record<SchoolDefaultableField, string>>;
}

const RESERVED_KEYS = ['kind_map', 'defaults'] as const;
const KNOWN_KINDS = new Set<string>(SCHOOL_KINDS);
const invalid = (message: string) => Errors.invalidMapping(message);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses and checks a school mapping from its JSON text; throws INVALID_MAPPING saying what to fix. */
export function parseSchoolMapping(text: string | undefined, format: ImportFormat): SchoolImportMapping {
  return checkSchoolMapping(readMappingJson(text), format);
}

/** Checks an already-parsed school mapping object. */
export function checkSchoolMapping(value: unknown, format: ImportFormat): SchoolImportMapping {
  if (!isRecord(value)) throw invalid('mapping must be a JSON object such as {"name":"学校名称","lng":"x","lat":"y"}');
  const fields: Partial<Record<SchoolMappableField, string>> = {};
  for (const [key, column] of Object.entries(value)) {
    if ((RESERVED_KEYS as readonly string[]).includes(key)) continue;
    if (!(SCHOOL_MAPPABLE_FIELDS as readonly string[]).includes(key)) {
      throw invalid(
        `unknown field "${key}"; school fields are ${SCHOOL_MAPPABLE_FIELDS.join(', ')} (and kind_map, defaults)`,
      );
    }
    if (typeof column !== 'string' || column.trim() === '' || column.length > 200) {
      throw invalid(`"${key}" must name a column or property (a non-empty string)`);
    }
    fields[key as SchoolMappableField] = column;
  }
  if (!fields.name) throw invalid('name must be mapped: every school needs a name');
  if (format === 'csv' && (!fields.lng || !fields.lat)) {
    throw invalid('lng and lat must be mapped for CSV (GeoJSON takes them from the Point geometry)');
  }
  return { fields, kindMap: kindMapOf(value.kind_map), defaults: defaultsOf(value.defaults) };
}

function kindMapOf(value: unknown): Record<string, SchoolKind> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw invalid('kind_map must be an object of source value → school kind');
  const out: Record<string, SchoolKind> = {};
  for (const [from, to] of Object.entries(value)) {
    if (typeof to !== 'string' || !KNOWN_KINDS.has(to)) {
      throw invalid(`kind_map["${from}"] must be one of: ${SCHOOL_KINDS.join(', ')}`);
    }
    out[from.trim()] = to as SchoolKind;
  }
  return out;
}

function defaultsOf(value: unknown): SchoolImportMapping['defaults'] {
  if (value === undefined) return {};
  if (!isRecord(value)) throw invalid('defaults must be an object of field → value');
  const out: SchoolImportMapping['defaults'] = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!(SCHOOL_DEFAULTABLE_FIELDS as readonly string[]).includes(key)) {
      throw invalid(`defaults.${key} is not allowed; defaults can fill ${SCHOOL_DEFAULTABLE_FIELDS.join(', ')}`);
    }
    if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 200) {
      throw invalid(`defaults.${key} must be a non-empty string`);
    }
    if (key === 'kind' && !KNOWN_KINDS.has(raw)) {
      throw invalid(`defaults.kind: unknown kind ${raw}; known: ${SCHOOL_KINDS.join(', ')}`);
    }
    if (key === 'adcode' && !/^\d{6}$/.test(raw)) throw invalid('defaults.adcode must be a six-digit adcode');
    out[key as SchoolDefaultableField] = raw;
  }
  return out;
}

/** School fields an import writes: the mapped ones and the defaulted ones. Others keep their values on update. */
export function writtenSchoolFields(mapping: SchoolImportMapping): Set<SchoolMappableField> {
  return new Set<SchoolMappableField>([
    ...(Object.keys(mapping.fields) as SchoolMappableField[]),
    ...(Object.keys(mapping.defaults) as SchoolMappableField[]),
  ]);
}

/** The mapping in the shape a client sends it (stored with the job, for the record). */
export function schoolMappingAsJson(mapping: SchoolImportMapping): Record<string, unknown> {
  return { ...mapping.fields, kind_map: mapping.kindMap, defaults: mapping.defaults };
}
