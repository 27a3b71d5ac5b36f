import { describe, expect, it } from 'vitest';
import { importedWebsite, isEmail, isPhone, isWebsite, safeWebsite } from '../../domain/contact.ts';
import { parseMapping } from '../../server/services/import/mapping.ts';
import { toImportRow, type SourceRow } from '../../server/services/import/rows.ts';
import { checkSchoolMapping } from '../../server/services/import/school-mapping.ts';
import { toSchoolRow } from '../../server/services/import/school-rows.ts';

/** Issue 13 row 5: websites http(s) only, emails and phones checked, by one rule on every path in. */

const BAD_WEBSITES = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'ftp://example.org/',
  '//example.org/',
  'http://',
  'https:// example.org',
  'www.example.org',
  `https://example.org/${'a'.repeat(300)}`,
];
/** Refused by the API, but an import takes them as http:// addresses (importedWebsite). */
const BARE_WEBSITES = new Set(['www.example.org', '//example.org/']);
const GOOD_WEBSITES = ['https://www.chnmuseum.cn/', 'http://example.org/a?b=c#d', 'https://例子.中国/路径'];

describe('contact rules', () => {
  it('take http(s) websites only', () => {
    for (const value of GOOD_WEBSITES) expect(isWebsite(value), value).toBe(true);
    for (const value of BAD_WEBSITES) expect(isWebsite(value), value).toBe(false);
    expect(safeWebsite('javascript:alert(1)')).toBeNull();
    expect(safeWebsite(null)).toBeNull();
    expect(safeWebsite('https://example.org/')).toBe('https://example.org/');
  });

  it('take phone numbers of digits, + ( ) - and spaces', () => {
    for (const value of ['010-65116400', '+86 (10) 6511 6400', '12345']) expect(isPhone(value), value).toBe(true);
    for (const value of ['12', 'javascript:1', '010-6511<b>', '1'.repeat(41), '电话']) {
      expect(isPhone(value), value).toBe(false);
    }
  });

  it('take ordinary email addresses', () => {
    for (const value of ['info@chnmuseum.cn', 'a.b+c@example.org']) expect(isEmail(value), value).toBe(true);
    for (const value of ['not-an-email', 'a@b', 'a b@example.org', '"<x>"@example.org', 'javascript:a@b.c']) {
      expect(isEmail(value), value).toBe(false);
    }
  });
});

describe('import rows', () => {
  const mapping = parseMapping(
    JSON.stringify({
      name_zh: 'name',
      lng: 'lon',
      lat: 'lat',
      phone: 'tel',
      website: 'url',
      email: 'mail',
      defaults: { kinds: ['museum'] },
    }),
    'csv',
  );
  const row = (values: Record<string, string>): SourceRow => ({
    line: 3,
    values: { name: '馆', lon: '116.4', lat: '39.9', tel: '', url: '', mail: '', ...values },
  });

  it('refuse a venue whose website is not http(s), naming the field', () => {
    for (const url of BAD_WEBSITES.filter((u) => !BARE_WEBSITES.has(u))) {
      const result = toImportRow(row({ url }), mapping, 'wgs84');
      expect(result, url).toMatchObject({ line: 3, code: 'INVALID_VALUE' });
      expect((result as { reason: string }).reason).toMatch(/^website/);
    }
  });

  it('take a bare domain as the http:// address a browser would make of it (catalogues write them so)', () => {
    for (const [url, kept] of [
      ['www.example.org', 'http://www.example.org'],
      ['//example.org/', 'http:////example.org/'],
      ['www.nscda.org/museums/alabama.htm', 'http://www.nscda.org/museums/alabama.htm'],
      ['example.org:8080/x', 'http://example.org:8080/x'],
    ]) {
      expect(importedWebsite(url!), url).toBe(kept);
      expect(toImportRow(row({ url: url! }), mapping, 'wgs84'), url).toMatchObject({ website: kept });
    }
    for (const url of ['localhost', 'javascript:alert(1)', 'mailto:a@example.org', 'http://']) {
      expect(importedWebsite(url), url).toBeNull();
    }
  });

  it('refuse a venue whose phone or email is malformed', () => {
    expect(toImportRow(row({ tel: 'call us' }), mapping, 'wgs84')).toMatchObject({ code: 'INVALID_VALUE' });
    expect(toImportRow(row({ mail: 'nobody' }), mapping, 'wgs84')).toMatchObject({ code: 'INVALID_VALUE' });
  });

  it('keep good contacts', () => {
    expect(
      toImportRow(
        row({ tel: '010-65116400', url: 'https://www.chnmuseum.cn/', mail: 'info@chnmuseum.cn' }),
        mapping,
        'wgs84',
      ),
    ).toMatchObject({ phone: '010-65116400', website: 'https://www.chnmuseum.cn/', email: 'info@chnmuseum.cn' });
  });

  it('refuse a school whose contact phone or email is malformed', () => {
    const schoolMapping = checkSchoolMapping(
      { name: 'name', lng: 'lng', lat: 'lat', contact_phone: 'tel', contact_email: 'mail' },
      'csv',
    );
    const school = (values: Record<string, string>) =>
      toSchoolRow(
        { line: 2, values: { name: '测试学校', lng: '116.4', lat: '39.9', tel: '', mail: '', ...values } },
        schoolMapping,
        'wgs84',
      );
    expect(school({ mail: 'javascript:alert(1)' })).toMatchObject({ code: 'INVALID_VALUE' });
    expect(school({ tel: '<script>' })).toMatchObject({ code: 'INVALID_VALUE' });
    expect(school({ tel: '010-1234567', mail: 'office@school.example.cn' })).toMatchObject({
      contactPhone: '010-1234567',
      contactEmail: 'office@school.example.cn',
    });
  });
});
