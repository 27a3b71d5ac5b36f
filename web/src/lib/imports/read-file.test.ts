import { describe, expect, it } from 'vitest';
import { distinctValues, formatOf, parseCsv, previewCsv, previewGeoJson } from './read-file';

describe('parseCsv', () => {
  it('reads quotes, escaped quotes, CRLF inside quotes, a BOM and skips blank lines', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, ""y""",3\r\n\r\n2,"line\r\nbreak",\n3,,';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"', '3'],
      ['2', 'line\r\nbreak', ''],
      ['3', '', ''],
    ]);
  });

  it('keeps the last record without a final line break, and CR-only line ends', () => {
    expect(parseCsv('a\rb')).toEqual([['a'], ['b']]);
  });
});

describe('previewCsv', () => {
  it('gives trimmed columns, rows by column and the row count', () => {
    const p = previewCsv(' name , lng,lat\n故宫博物院,116.397,39.918\nshort row\n');
    expect(p.columns).toEqual(['name', 'lng', 'lat']);
    expect(p.totalRows).toBe(2);
    expect(p.rows[0]).toEqual({ name: '故宫博物院', lng: '116.397', lat: '39.918' });
    expect(p.rows[1]).toEqual({ name: 'short row', lng: '', lat: '' });
  });
});

describe('previewGeoJson', () => {
  it('collects property names in first-seen order and values as text', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: null, properties: { name: 'A', kinds: ['museum'] } },
        { type: 'Feature', geometry: null, properties: { name: 'B', tel: 123 } },
        { type: 'Feature', geometry: null, properties: null },
      ],
    });
    const p = previewGeoJson(text);
    expect(p.columns).toEqual(['name', 'kinds', 'tel']);
    expect(p.rows[0]).toEqual({ name: 'A', kinds: '["museum"]' });
    expect(p.rows[1]).toEqual({ name: 'B', tel: '123' });
    expect(p.totalRows).toBe(3);
  });

  it('refuses JSON that is not a FeatureCollection', () => {
    expect(() => previewGeoJson('{"type":"Point"}')).toThrow();
  });
});

describe('distinctValues', () => {
  it('splits cells like the server, counts, sorts by frequency and caps the list', () => {
    const rows = [{ k: 'GMU' }, { k: 'ART;GMU' }, { k: '' }, { k: '博物馆、GMU' }, { k: 'ZAW' }];
    expect(distinctValues(rows, 'k')).toEqual({
      values: [
        { value: 'GMU', count: 3 },
        { value: 'ART', count: 1 },
        { value: 'ZAW', count: 1 },
        { value: '博物馆', count: 1 },
      ],
      more: false,
    });
    expect(distinctValues(rows, 'k', 2)).toMatchObject({ more: true });
  });

  it('knows the format from the name or the media type', () => {
    expect(formatOf('a.csv')).toBe('csv');
    expect(formatOf('a.geojson')).toBe('geojson');
    expect(formatOf('a.JSON')).toBe('geojson');
    expect(formatOf('upload', 'application/geo+json')).toBe('geojson');
  });
});
