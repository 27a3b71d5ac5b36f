/**
 * Reading an import file in the browser, only to offer its columns and values in the mapping form: the
 * server reads the file again, line-exactly, and is the judge of every row. So this reader is small and
 * forgiving (RFC 4180 quotes, CRLF/LF/CR, a byte-order mark, blank lines skipped) and never reports rows.
 */

/** What the mapping form needs to know of a file. */
export interface FilePreview {
  format: 'csv' | 'geojson';
  /** CSV header names (trimmed, as the server matches them) or GeoJSON property names, in first-seen order. */
  columns: string[];
  /** The data rows read, each as column → cell (CSV) or property → value as text (GeoJSON). */
  rows: Record<string, string>[];
  /** Data rows in the file (CSV records after the header, or features). */
  totalRows: number;
}

/** Separators of several kinds or themes in one cell, the same set the server splits on. */
export const LIST_SEPARATOR = /[;,|、；，]/;

/** The format a file's name or media type implies; CSV unless it says JSON. */
export function formatOf(name: string, type = ''): 'csv' | 'geojson' {
  return /\.(geo)?json$/i.test(name) || /json/i.test(type) ? 'geojson' : 'csv';
}

/** Splits CSV text into records of fields. Malformed quotes end the field at the end of the text. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '')) records.push(fields);
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else field += c;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** A CSV file's header and rows as column → cell. */
export function previewCsv(text: string): FilePreview {
  const [header = [], ...data] = parseCsv(text);
  const columns = header.map((c) => c.trim());
  const rows = data.map((fields) => Object.fromEntries(columns.map((c, i) => [c, (fields[i] ?? '').trim()])));
  return { format: 'csv', columns, rows, totalRows: data.length };
}

const asText = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** A GeoJSON FeatureCollection's property names and values; throws when the text is not one. */
export function previewGeoJson(text: string): FilePreview {
  const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  const features = (value as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) throw new Error('not a GeoJSON FeatureCollection');
  const columns: string[] = [];
  const seen = new Set<string>();
  const rows = features.map((feature: unknown) => {
    const properties = (feature as { properties?: unknown } | null)?.properties;
    const row: Record<string, string> = {};
    if (properties && typeof properties === 'object') {
      for (const [key, v] of Object.entries(properties)) {
        if (!seen.has(key)) {
          seen.add(key);
          columns.push(key);
        }
        row[key] = asText(v).trim();
      }
    }
    return row;
  });
  return { format: 'geojson', columns, rows, totalRows: features.length };
}

/** Reads a file's text in the given encoding (TextDecoder knows gb18030). */
export async function readFileText(file: Blob, encoding: 'utf-8' | 'gb18030'): Promise<string> {
  return new TextDecoder(encoding).decode(await file.arrayBuffer());
}

/**
 * The distinct values of one column, split like the server splits kinds, most frequent first; at most
 * `limit` of them (`more` says whether there were others).
 */
export function distinctValues(
  rows: readonly Record<string, string>[],
  column: string,
  limit = 40,
): { values: { value: string; count: number }[]; more: boolean } {
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const token of (row[column] ?? '').split(LIST_SEPARATOR)) {
      const value = token.trim();
      if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { values: sorted.slice(0, limit).map(([value, count]) => ({ value, count })), more: sorted.length > limit };
}
