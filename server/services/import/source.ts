/**
 * Opens an uploaded file as rows. Problems with the file as a whole (not JSON, no header, a mapped
 * column missing, no rows) are found here, before a job is queued, and answer a 400; problems with
 * single rows travel with the row and end up in the job's error list.
 */
import type { ImportFormat } from '../../../domain/vocab.ts';
import { Errors } from '../../errors.ts';
import { readCsvRecords } from './csv.ts';
import type { SourceRow } from './rows.ts';

/** A file ready to be read, as many times as needed (once to count, once to import). */
export interface ImportSource {
  format: ImportFormat;
  /** Data rows: CSV records after the header, or GeoJSON features (a big CSV is counted in pieces, yielding). */
  countRows(): Promise<number>;
  rows(): Iterable<SourceRow>;
}

/** Decodes the raw body; a byte sequence the encoding does not allow answers INVALID_ENCODING. */
export function decodeFile(body: Uint8Array, encoding: 'utf-8' | 'gb18030' = 'utf-8'): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    throw Errors.invalidEncoding(encoding === 'utf-8' ? 'UTF-8' : 'GB18030');
  }
}

/** Records counted between turns of the event loop. */
const COUNT_CHUNK = 2000;
/** The part of a mapping (venue or school) that names the file's columns. */
interface MappedColumns {
  fields: Partial<Record<string, string>>;
}

/** Checks the file against the mapping and answers its rows; throws the 400 for a file it cannot import. */
export function openSource(format: ImportFormat, text: string, mapping: MappedColumns): ImportSource {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw Errors.emptyFile();
  return format === 'csv' ? openCsv(text, mapping) : openGeoJson(text);
}

function openCsv(text: string, mapping: MappedColumns): ImportSource {
  const records = readCsvRecords(text);
  const first = records.next();
  if (first.done) throw Errors.emptyFile();
  const header = first.value;
  if (header.error !== undefined) throw Errors.invalidCsv(`the header on line ${header.line}: ${header.error}`);
  const columns = header.fields.map((c) => c.trim());
  const indexOf = new Map<string, number>();
  columns.forEach((column, i) => {
    if (!indexOf.has(column)) indexOf.set(column, i);
  });
  const mapped = [...new Set(Object.values(mapping.fields).filter((c): c is string => c !== undefined))];
  for (const column of mapped) {
    if (!indexOf.has(column)) {
      throw Errors.invalidMapping(`column "${column}" is not in the header; the columns are: ${columns.join(', ')}`);
    }
    if (columns.indexOf(column) !== columns.lastIndexOf(column)) {
      throw Errors.invalidMapping(`column "${column}" appears more than once in the header`);
    }
  }
  if (records.next().done) throw Errors.emptyFile('the file has a header but no rows');

  return {
    format: 'csv',
    async countRows() {
      let n = -1;
      for (const _record of readCsvRecords(text)) {
        // Counting 49 MB takes a quarter of a second or more: other requests get turns in between.
        if (++n % COUNT_CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      return n;
    },
    *rows() {
      const all = readCsvRecords(text);
      all.next();
      for (const record of all) {
        if (record.error !== undefined) {
          yield {
            line: record.line,
            values: {},
            error: { line: record.line, code: 'CSV_SYNTAX', reason: record.error },
          };
          continue;
        }
        if (record.fields.length !== columns.length) {
          const reason = `the row has ${record.fields.length} fields, the header ${columns.length}`;
          yield { line: record.line, values: {}, error: { line: record.line, code: 'COLUMN_COUNT', reason } };
          continue;
        }
        const values: Record<string, string> = {};
        for (const column of mapped) values[column] = record.fields[indexOf.get(column)!]!;
        yield { line: record.line, values };
      }
    },
  };
}

interface Feature {
  type?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

function openGeoJson(text: string): ImportSource {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw Errors.invalidGeoJson(`the file is not valid JSON: ${(error as Error).message}`);
  }
  const collection = document as { type?: unknown; features?: unknown };
  if (typeof document !== 'object' || document === null || collection.type !== 'FeatureCollection') {
    throw Errors.invalidGeoJson('the file must be a GeoJSON FeatureCollection');
  }
  if (!Array.isArray(collection.features)) throw Errors.invalidGeoJson('the FeatureCollection has no features array');
  const features = collection.features as unknown[];
  if (features.length === 0) throw Errors.emptyFile('the FeatureCollection has no features');

  return {
    format: 'geojson',
    countRows: () => Promise.resolve(features.length),
    *rows() {
      for (let line = 0; line < features.length; line++) {
        const feature = features[line] as Feature | null;
        const geometry = feature?.geometry;
        if (typeof feature !== 'object' || feature === null || feature.type !== 'Feature') {
          const reason = 'not a GeoJSON Feature';
          yield { line, values: {}, error: { line, code: 'GEOMETRY_NOT_POINT', reason } };
        } else if (!geometry || geometry.type !== 'Point') {
          const reason = `the geometry is ${geometry ? String(geometry.type) : 'missing'}, not a Point`;
          yield { line, values: {}, error: { line, code: 'GEOMETRY_NOT_POINT', reason } };
        } else {
          const properties = feature.properties;
          const values = typeof properties === 'object' && properties !== null ? properties : {};
          yield { line, values, geometry: { coordinates: geometry.coordinates } };
        }
      }
    },
  };
}
