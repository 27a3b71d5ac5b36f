import { describe, expect, it } from 'vitest';
import { parseMapping } from '../../server/services/import/mapping.ts';
import { toImportRow, type ImportRow, type RowError, type SourceRow } from '../../server/services/import/rows.ts';

const mapping = parseMapping(
  JSON.stringify({
    name_zh: 'name',
    name_en: 'alt',
    lng: 'lon',
    lat: 'lat',
    kinds: 'kind',
    themes: 'theme',
    minors_admission: 'free',
    source_ref: 'id',
    kinds_map: { ART: 'art_gallery', BOT: ['park', 'museum'] },
    defaults: { kinds: ['museum'] },
  }),
  'csv',
);

const csvRow = (values: Record<string, string>, line = 7): SourceRow => ({
  line,
  values: { name: '馆', alt: '', lon: '116.4', lat: '39.9', kind: '', theme: '', free: '', id: 'r1', ...values },
});
const ok = (row: SourceRow) => {
  const result = toImportRow(row, mapping, 'wgs84');
  if ('code' in result) throw new Error(`expected a row, got ${result.code}: ${result.reason}`);
  return result as ImportRow;
};
const error = (row: SourceRow) => toImportRow(row, mapping, 'wgs84') as RowError;

describe('toImportRow', () => {
  it('maps a good row, with empty optional cells as null and unmapped ones left to the defaults', () => {
    expect(ok(csvRow({ name: ' 国家 博物馆 ', theme: 'science;nature' }))).toMatchObject({
      line: 7,
      nameZh: '国家 博物馆',
      nameEn: null,
      point: { lng: 116.4, lat: 39.9 },
      kinds: ['museum'],
      themes: ['science', 'nature'],
      addressZh: null,
      minorsAdmission: undefined,
      sourceRef: 'r1',
    });
  });

  it('maps kinds through kinds_map, passes known kinds through, splits on , ; | 、 and drops repeats', () => {
    expect(ok(csvRow({ kind: 'ART' })).kinds).toEqual(['art_gallery']);
    expect(ok(csvRow({ kind: 'BOT | library、museum' })).kinds).toEqual(['park', 'museum', 'library']);
  });

  it.each([
    [{ name: '  ' }, 'NAME_REQUIRED', 'the name (name) is empty'],
    [{ lon: '' }, 'COORDINATES_REQUIRED', 'lng (lon) empty'],
    [{ lon: '', lat: '' }, 'COORDINATES_REQUIRED', 'lng (lon) and lat (lat) empty'],
    [{ lat: '39.9x' }, 'INVALID_NUMBER', 'lat "39.9x" is not a number'],
    [{ lon: '116,4' }, 'INVALID_NUMBER', 'lng "116,4" is not a number'],
    [{ lon: '200' }, 'COORDINATE_OUT_OF_RANGE', 'lng 200 is outside -180…180'],
    [{ lat: '-90.5' }, 'COORDINATE_OUT_OF_RANGE', 'lat -90.5 is outside -90…90'],
    [{ kind: 'ZOO' }, 'UNKNOWN_KIND', 'kind "ZOO" is not a known kind nor in kinds_map'],
    [{ theme: 'science;astrology' }, 'UNKNOWN_THEME', 'theme "astrology" is not a known theme'],
    [{ free: 'sometimes' }, 'INVALID_VALUE', 'minors_admission "sometimes" is not one of free, discounted'],
    [{ name: '馆'.repeat(301) }, 'VALUE_TOO_LONG', 'name_zh is longer than 300 characters'],
  ])('rejects %j with %s', (values, code, reason) => {
    const result = error(csvRow(values));
    expect(result.code).toBe(code);
    expect(result.line).toBe(7);
    expect(result.reason).toContain(reason);
  });

  it('needs a kind when the cell is empty and there is no default', () => {
    const strict = parseMapping(JSON.stringify({ name_zh: 'name', lng: 'lon', lat: 'lat', kinds: 'kind' }), 'csv');
    expect(toImportRow(csvRow({}), strict, 'wgs84')).toMatchObject({ code: 'KIND_REQUIRED', line: 7 });
  });

  it('passes on an error the reader already found', () => {
    const row: SourceRow = { line: 3, values: {}, error: { line: 3, code: 'COLUMN_COUNT', reason: 'x' } };
    expect(toImportRow(row, mapping, 'wgs84')).toEqual(row.error);
  });

  it('converts gcj02 and bd09 points to WGS-84', () => {
    const wgs = ok(csvRow({ lon: '116.4039', lat: '39.9151' })).point;
    const gcj = toImportRow(csvRow({ lon: '116.4039', lat: '39.9151' }), mapping, 'gcj02') as ImportRow;
    expect(gcj.point.lng).toBeLessThan(wgs.lng - 0.005);
    expect(gcj.point.lat).toBeLessThan(wgs.lat);
  });

  it('reads a GeoJSON row from its Point and its properties, lists joined', () => {
    const row: SourceRow = {
      line: 0,
      values: { name: '馆', kind: ['museum', 'library'] },
      geometry: { coordinates: [121.5, 31.2] },
    };
    expect(ok(row)).toMatchObject({ line: 0, point: { lng: 121.5, lat: 31.2 }, kinds: ['museum', 'library'] });
    expect(error({ ...row, geometry: { coordinates: ['121.5', 31.2] } }).code).toBe('INVALID_NUMBER');
    expect(error({ ...row, geometry: { coordinates: [121.5] } }).code).toBe('GEOMETRY_NOT_POINT');
    expect(error({ ...row, geometry: { coordinates: [181, 0] } }).code).toBe('COORDINATE_OUT_OF_RANGE');
  });
});
