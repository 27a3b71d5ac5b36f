import { describe, expect, it } from 'vitest';
import { autoMatchSchoolColumns, buildSchoolMapping, schoolMappingProblems } from './school-mapping';

describe('school import mapping', () => {
  it("matches an official list's Chinese column names to school fields", () => {
    const columns = [
      '学校标识码',
      '学校名称',
      '办学类型',
      '学段',
      '行政区划代码',
      '经度',
      '纬度',
      '学校地址',
      '在校生数',
      '联系电话',
    ];
    expect(autoMatchSchoolColumns(columns)).toMatchObject({
      source_ref: '学校标识码',
      name: '学校名称',
      kind: '办学类型',
      grades: '学段',
      adcode: '行政区划代码',
      lng: '经度',
      lat: '纬度',
      address_zh: '学校地址',
      pupil_count: '在校生数',
      contact_phone: '联系电话',
      name_en: '',
    });
  });

  it('builds the mapping without unchosen fields, and without lng/lat for GeoJSON', () => {
    const columns = autoMatchSchoolColumns(['name', 'lng', 'lat', 'kind']);
    expect(buildSchoolMapping({ format: 'csv', columns, defaultKind: 'primary' })).toEqual({
      name: 'name',
      lng: 'lng',
      lat: 'lat',
      kind: 'kind',
      defaults: { kind: 'primary' },
    });
    expect(buildSchoolMapping({ format: 'geojson', columns, defaultKind: '' })).toEqual({ name: 'name', kind: 'kind' });
  });

  it('says what is missing before anything is sent', () => {
    expect(schoolMappingProblems({ format: 'csv', columns: autoMatchSchoolColumns(['x']), defaultKind: '' })).toEqual([
      'name',
      'coordinates',
    ]);
    expect(
      schoolMappingProblems({ format: 'geojson', columns: autoMatchSchoolColumns(['学校名称']), defaultKind: '' }),
    ).toEqual([]);
  });
});
