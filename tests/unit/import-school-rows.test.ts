import { describe, expect, it } from 'vitest';
import { ApiError } from '../../server/errors.ts';
import { checkSchoolMapping } from '../../server/services/import/school-mapping.ts';
import { parseGrades, toSchoolRow } from '../../server/services/import/school-rows.ts';

/** School import rows and mappings, pure: each rule with the code a bad row or mapping gets. */

const MAPPING = checkSchoolMapping(
  { name: 'name', kind: 'kind', grades: 'grades', adcode: 'adcode', lng: 'lng', lat: 'lat', pupil_count: 'pupils' },
  'csv',
);
const row = (values: Record<string, string>) =>
  toSchoolRow(
    {
      line: 2,
      values: { name: '测试学校', kind: '', grades: '', adcode: '', lng: '116.4', lat: '39.9', pupils: '', ...values },
    },
    MAPPING,
    'wgs84',
  );

describe('parseGrades', () => {
  it.each([
    ['1-6', [1, 2, 3, 4, 5, 6]],
    ['7至9', [7, 8, 9]],
    ['0', [0]],
    ['3,1,2', [1, 2, 3]],
    ['10、11、12', [10, 11, 12]],
    ['1 2 3', [1, 2, 3]],
  ])('reads %s', (cell, grades) => expect(parseGrades(cell)).toEqual(grades));

  it.each(['1-15', '6-1', '1,1,2', 'one to six', '-1', '13'])('refuses %s as INVALID_GRADES', (cell) => {
    expect(() => parseGrades(cell)).toThrow(expect.objectContaining({ code: 'INVALID_GRADES' }));
  });
});

describe('toSchoolRow', () => {
  it('reads the usual Chinese kind words and fills empty grades from the kind', () => {
    expect(row({ kind: '初级中学' })).toMatchObject({ kind: 'junior_secondary', grades: [7, 8, 9] });
    expect(row({ kind: 'primary', grades: '1-3' })).toMatchObject({ kind: 'primary', grades: [1, 2, 3] });
    expect(row({})).toMatchObject({ kind: null, grades: [] });
  });

  it.each([
    [{ name: '' }, 'NAME_REQUIRED'],
    [{ lat: '' }, 'COORDINATES_REQUIRED'],
    [{ lng: 'east' }, 'INVALID_NUMBER'],
    [{ lng: '200' }, 'COORDINATE_OUT_OF_RANGE'],
    [{ kind: '太空学校' }, 'UNKNOWN_KIND'],
    [{ grades: '1-15' }, 'INVALID_GRADES'],
    [{ adcode: '1101' }, 'INVALID_VALUE'],
    [{ pupils: '12.5' }, 'INVALID_NUMBER'],
    [{ pupils: '200000' }, 'INVALID_VALUE'],
  ] as const)('refuses %o as %s', (values, code) => {
    expect(row(values)).toMatchObject({ line: 2, code });
  });
});

describe('checkSchoolMapping', () => {
  const code = (value: unknown, format: 'csv' | 'geojson' = 'csv') => {
    try {
      checkSchoolMapping(value, format);
      return 'ok';
    } catch (error) {
      return (error as ApiError).code;
    }
  };

  it('needs a name, and lng/lat for CSV only', () => {
    expect(code({ lng: 'x', lat: 'y' })).toBe('INVALID_MAPPING');
    expect(code({ name: 'n' })).toBe('INVALID_MAPPING');
    expect(code({ name: 'n' }, 'geojson')).toBe('ok');
  });

  it('refuses venue fields, bad kind maps and defaults', () => {
    expect(code({ name: 'n', lng: 'x', lat: 'y', kinds: 'k' })).toBe('INVALID_MAPPING');
    expect(code({ name: 'n', lng: 'x', lat: 'y', kind_map: { a: 'museum' } })).toBe('INVALID_MAPPING');
    expect(code({ name: 'n', lng: 'x', lat: 'y', defaults: { kind: 'spaceport' } })).toBe('INVALID_MAPPING');
    expect(code({ name: 'n', lng: 'x', lat: 'y', defaults: { adcode: '11' } })).toBe('INVALID_MAPPING');
    expect(code({ name: 'n', lng: 'x', lat: 'y', defaults: { name: 'x' } })).toBe('INVALID_MAPPING');
    expect(code({ name: 'n', lng: 'x', lat: 'y', kind_map: { 完小: 'primary' }, defaults: { kind: 'primary' } })).toBe(
      'ok',
    );
  });
});
