import { describe, expect, it } from 'vitest';
import { messages as en } from '$lib/i18n/en';
import { messages as zh } from '$lib/i18n/zh-CN';
import {
  autoMatchColumns,
  buildMapping,
  mappingProblems,
  normaliseName,
  sourceTagOf,
  suggestKind,
  type MappingChoice,
} from './mapping';

const IMLS = 'mid,name,altname,address,city,state,zip5,phone,weburl,discipl,latitude,longitude,fipsst,fipsco'.split(
  ',',
);

describe('autoMatchColumns', () => {
  it('maps the IMLS museum file’s columns without touching the ones Kaimen has no field for', () => {
    const m = autoMatchColumns(IMLS);
    expect(m).toMatchObject({
      name_zh: 'name',
      name_en: 'altname',
      lng: 'longitude',
      lat: 'latitude',
      address_zh: 'address',
      kinds: 'discipl',
      phone: 'phone',
      website: 'weburl',
      source_ref: 'mid',
    });
    const used = Object.values(m).filter(Boolean);
    expect(used).not.toContain('city');
    expect(used).not.toContain('fipsst');
    expect(new Set(used).size).toBe(used.length);
  });

  it('reads Chinese headers and ignores case, spaces and punctuation', () => {
    const m = autoMatchColumns([
      '编号',
      '场馆名称',
      '英文名称',
      '地址',
      '经度',
      '纬度',
      '类型',
      '联系电话',
      '开放时间',
    ]);
    expect(m).toMatchObject({
      source_ref: '编号',
      name_zh: '场馆名称',
      name_en: '英文名称',
      address_zh: '地址',
      lng: '经度',
      lat: '纬度',
      kinds: '类型',
      phone: '联系电话',
      opening_hours: '开放时间',
    });
    expect(autoMatchColumns(['Name_ZH', 'Opening Hours', 'LNG', 'Lat'])).toMatchObject({
      name_zh: 'Name_ZH',
      opening_hours: 'Opening Hours',
      lng: 'LNG',
      lat: 'Lat',
    });
  });

  it('prefers exact names over containment, and does not take "name" out of "altname"', () => {
    expect(autoMatchColumns(['altname', 'x', 'y']).name_zh).toBe('');
    expect(autoMatchColumns(['venue_longitude_wgs', 'venue_latitude_wgs'])).toMatchObject({
      lng: 'venue_longitude_wgs',
      lat: 'venue_latitude_wgs',
    });
    expect(autoMatchColumns(['name', 'name_zh']).name_zh).toBe('name_zh');
  });

  it('leaves every field empty for columns it does not know', () => {
    expect(Object.values(autoMatchColumns(['foo', 'bar'])).every((c) => c === '')).toBe(true);
  });
});

describe('suggestKind', () => {
  const labels = [zh.kindLabel, en.kindLabel];
  it('knows kind ids, interface labels in both languages and plain words, not codes', () => {
    expect(suggestKind('museum')).toBe('museum');
    expect(suggestKind('Science Center')).toBe('science_center');
    expect(suggestKind('博物馆', labels)).toBe('museum');
    expect(suggestKind(en.kindLabel('library'), labels)).toBe('library');
    expect(suggestKind('ART')).toBe('art_gallery');
    expect(suggestKind('HSC')).toBe('');
  });
});

describe('buildMapping and mappingProblems', () => {
  const base: MappingChoice = {
    format: 'csv',
    columns: { ...autoMatchColumns(IMLS) },
    kindValues: { GMU: 'museum', ART: 'art_gallery', museum: 'museum', XYZ: '' },
    defaultKind: 'museum',
  };

  it('writes mapped fields, a kinds_map without identity or unchosen values, and the default kind', () => {
    expect(buildMapping(base)).toEqual({
      name_zh: 'name',
      name_en: 'altname',
      lng: 'longitude',
      lat: 'latitude',
      kinds: 'discipl',
      address_zh: 'address',
      phone: 'phone',
      website: 'weburl',
      source_ref: 'mid',
      kinds_map: { GMU: 'museum', ART: 'art_gallery' },
      defaults: { kinds: ['museum'] },
    });
    expect(mappingProblems(base)).toEqual([]);
  });

  it('leaves lng/lat out for GeoJSON, which reads the Point', () => {
    const mapping = buildMapping({ ...base, format: 'geojson' });
    expect(mapping).not.toHaveProperty('lng');
    expect(mapping).not.toHaveProperty('lat');
    expect(mappingProblems({ ...base, format: 'geojson', columns: { ...base.columns, lng: '', lat: '' } })).toEqual([]);
  });

  it('says what is missing before anything is sent', () => {
    const columns = { ...base.columns, name_zh: '', lat: '', kinds: '' };
    expect(mappingProblems({ ...base, columns, defaultKind: '' })).toEqual(['name', 'coordinates', 'kinds']);
    expect(mappingProblems({ ...base, columns: { ...base.columns, lat: 'longitude' } })).toEqual(['sameColumn']);
  });
});

describe('names', () => {
  it('normalises column names and suggests source tags the server accepts', () => {
    expect(normaliseName(' Opening_Hours (OSM) ')).toBe('openinghoursosm');
    expect(sourceTagOf('US Museums 2014.csv')).toBe('us-museums-2014');
    expect(sourceTagOf('北京场馆.csv')).toBe('');
    expect(sourceTagOf('_x_.geojson')).toBe('x_');
  });
});
