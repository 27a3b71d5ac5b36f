/**
 * The field mapping an import is started with: which column (CSV) or property (GeoJSON) fills which
 * venue field, value maps for kinds and themes, and defaults for cells left empty. Checked whole before
 * the job is queued, so a mistake in it is a 400 INVALID_MAPPING rather than thousands of bad rows.
 */
import {
  DEFAULTABLE_FIELDS,
  FIELD_VOCABULARIES,
  MAPPABLE_FIELDS,
  type DefaultableField,
  type MappableField,
} from '../../../domain/import-fields.ts';
import { THEMES, VENUE_KINDS, type ImportFormat, type Theme, type VenueKind } from '../../../domain/vocab.ts';
import { Errors } from '../../errors.ts';

export interface ImportMapping {
  /** Venue field → source column or property name. */
  fields: Partial<Record<MappableField, string>>;
  /** Source value (e.g. `ART`) → kinds; values that already are kinds pass through. */
  kindsMap: Record<string, VenueKind[]>;
  themesMap: Record<string, Theme[]>;
  /** Raw values used when a row's own cell is empty (or the field is not mapped). */
  defaults: Partial<Record<DefaultableField, string | string[]>>;
}

const KNOWN_KINDS = new Set<string>(VENUE_KINDS);
const KNOWN_THEMES = new Set<string>(THEMES);
const RESERVED_KEYS = ['kinds_map', 'themes_map', 'defaults'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (message: string) => Errors.invalidMapping(message);

/**
 * Parses the mapping from its JSON text (a query parameter or header, possibly still percent-encoded)
 * and checks it for the given format; throws INVALID_MAPPING with a message saying what to fix.
 */
export function parseMapping(text: string | undefined, format: ImportFormat): ImportMapping {
  return checkMapping(readMappingJson(text), format);
}

/** The mapping's JSON value, from its text as sent (possibly still percent-encoded); INVALID_MAPPING when absent or not JSON. */
export function readMappingJson(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') {
    throw invalid('a field mapping is required: send `mapping` (query) or `X-Import-Mapping` (header) as JSON');
  }
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(decodeURIComponent(text));
    } catch {
      throw invalid('mapping is not valid JSON');
    }
  }
}

/** Checks an already-parsed mapping object (the CLI and tests build them directly). */
export function checkMapping(value: unknown, format: ImportFormat): ImportMapping {
  if (!isRecord(value)) throw invalid('mapping must be a JSON object such as {"name_zh":"name","lng":"x","lat":"y"}');
  const fields: Partial<Record<MappableField, string>> = {};
  for (const [key, column] of Object.entries(value)) {
    if ((RESERVED_KEYS as readonly string[]).includes(key)) continue;
    if (!(MAPPABLE_FIELDS as readonly string[]).includes(key)) {
      throw invalid(
        `unknown field "${key}"; fields are ${MAPPABLE_FIELDS.join(', ')} (and kinds_map, themes_map, defaults)`,
      );
    }
    if (typeof column !== 'string' || column.trim() === '' || column.length > 200) {
      throw invalid(`"${key}" must name a column or property (a non-empty string)`);
    }
    fields[key as MappableField] = column;
  }
  if (!fields.name_zh) throw invalid('name_zh must be mapped: every venue needs a name');
  if (format === 'csv' && (!fields.lng || !fields.lat)) {
    throw invalid('lng and lat must be mapped for CSV (GeoJSON takes them from the Point geometry)');
  }
  const kindsMap = valueMap(value.kinds_map, 'kinds_map', KNOWN_KINDS) as Record<string, VenueKind[]>;
  const themesMap = valueMap(value.themes_map, 'themes_map', KNOWN_THEMES) as Record<string, Theme[]>;
  const defaults = checkDefaults(value.defaults);
  if (!fields.kinds && !defaults.kinds) {
    throw invalid('map kinds to a column or give defaults.kinds: every venue needs a kind');
  }
  return { fields, kindsMap, themesMap, defaults };
}

function valueMap(value: unknown, name: string, known: Set<string>): Record<string, string[]> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw invalid(`${name} must be an object of source value → value(s)`);
  const out: Record<string, string[]> = {};
  for (const [from, to] of Object.entries(value)) {
    const list = typeof to === 'string' ? [to] : Array.isArray(to) ? to : undefined;
    if (!list || list.length === 0 || !list.every((v): v is string => typeof v === 'string' && known.has(v))) {
      throw invalid(`${name}["${from}"] must be one or more of: ${[...known].join(', ')}`);
    }
    out[from.trim()] = list;
  }
  return out;
}

function checkDefaults(value: unknown): ImportMapping['defaults'] {
  if (value === undefined) return {};
  if (!isRecord(value)) throw invalid('defaults must be an object of field → value');
  const out: ImportMapping['defaults'] = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!(DEFAULTABLE_FIELDS as readonly string[]).includes(key)) {
      throw invalid(`defaults.${key} is not allowed; defaults can fill ${DEFAULTABLE_FIELDS.join(', ')}`);
    }
    const field = key as DefaultableField;
    const multi = field === 'kinds' || field === 'themes';
    const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : undefined;
    if (!list || list.length === 0 || !list.every((v): v is string => typeof v === 'string' && v.trim() !== '')) {
      throw invalid(`defaults.${key} must be a non-empty string${multi ? ' or array of strings' : ''}`);
    }
    if (!multi && list.length > 1) throw invalid(`defaults.${key} takes one value`);
    const vocabulary = field === 'kinds' ? KNOWN_KINDS : field === 'themes' ? KNOWN_THEMES : undefined;
    const closed = vocabulary ?? (FIELD_VOCABULARIES[field] ? new Set(FIELD_VOCABULARIES[field]) : undefined);
    const unknown = closed ? list.filter((v) => !closed.has(v)) : [];
    if (unknown.length > 0) {
      throw invalid(`defaults.${key}: unknown value ${unknown.join(', ')}; known: ${[...closed!].join(', ')}`);
    }
    out[field] = multi ? list : list[0]!;
  }
  return out;
}

/** Venue fields an import writes: the mapped ones and the defaulted ones. Others keep their values on update. */
export function writtenFields(mapping: ImportMapping): Set<MappableField> {
  return new Set<MappableField>([
    ...(Object.keys(mapping.fields) as MappableField[]),
    ...(Object.keys(mapping.defaults) as MappableField[]),
  ]);
}

/** The mapping in the shape a client sends it (stored with the job, for the record). */
export function mappingAsJson(mapping: ImportMapping): Record<string, unknown> {
  return { ...mapping.fields, kinds_map: mapping.kindsMap, themes_map: mapping.themesMap, defaults: mapping.defaults };
}
