import { describe, expect, it } from 'vitest';
import { ApiError } from '../../server/errors.ts';
import { parseMapping, writtenFields } from '../../server/services/import/mapping.ts';

const BASE = { name_zh: 'name', lng: 'x', lat: 'y', kinds: 'kind' };

/** The message of the INVALID_MAPPING a mapping gets, or what else happened. */
const refusal = (mapping: unknown, format: 'csv' | 'geojson' = 'csv') => {
  try {
    parseMapping(typeof mapping === 'string' ? mapping : JSON.stringify(mapping), format);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'INVALID_MAPPING') return error.message;
    return `not INVALID_MAPPING: ${String(error)}`;
  }
  return 'accepted';
};

describe('parseMapping', () => {
  it('reads fields, value maps and defaults', () => {
    const mapping = parseMapping(
      JSON.stringify({
        ...BASE,
        source_ref: 'mid',
        kinds_map: { ART: 'art_gallery', BOT: ['park', 'museum'] },
        themes_map: { SCI: 'science' },
        defaults: { kinds: ['museum'], themes: 'nature', minors_admission: 'free' },
      }),
      'csv',
    );
    expect(mapping).toEqual({
      fields: { ...BASE, source_ref: 'mid' },
      kindsMap: { ART: ['art_gallery'], BOT: ['park', 'museum'] },
      themesMap: { SCI: ['science'] },
      defaults: { kinds: ['museum'], themes: ['nature'], minors_admission: 'free' },
    });
  });

  it('accepts the mapping still percent-encoded (as a header carries non-ASCII column names)', () => {
    const text = encodeURIComponent(JSON.stringify({ ...BASE, name_zh: '名称' }));
    expect(parseMapping(text, 'csv').fields.name_zh).toBe('名称');
  });

  it('needs no lng/lat for GeoJSON, whose points come from the geometry', () => {
    expect(refusal({ name_zh: 'name', kinds: 'kind' }, 'geojson')).toBe('accepted');
  });

  it('takes defaults.kinds instead of a kinds column', () => {
    expect(refusal({ name_zh: 'n', lng: 'x', lat: 'y', defaults: { kinds: 'museum' } })).toBe('accepted');
  });

  it.each([
    ['', 'a field mapping is required'],
    ['{not json', 'not valid JSON'],
    [[1, 2], 'must be a JSON object'],
    [{ ...BASE, colour: 'c' }, 'unknown field "colour"'],
    [{ ...BASE, name_en: 3 }, '"name_en" must name a column'],
    [{ ...BASE, name_en: ' ' }, '"name_en" must name a column'],
    [{ lng: 'x', lat: 'y', kinds: 'k' }, 'name_zh must be mapped'],
    [{ name_zh: 'n', lat: 'y', kinds: 'k' }, 'lng and lat must be mapped for CSV'],
    [{ name_zh: 'n', lng: 'x', lat: 'y' }, 'map kinds to a column or give defaults.kinds'],
    [{ ...BASE, kinds_map: { ART: 'gallery' } }, 'kinds_map["ART"] must be one or more of'],
    [{ ...BASE, kinds_map: { ART: [] } }, 'kinds_map["ART"] must be one or more of'],
    [{ ...BASE, kinds_map: 'ART' }, 'kinds_map must be an object'],
    [{ ...BASE, themes_map: { X: 'astrology' } }, 'themes_map["X"] must be one or more of'],
    [{ ...BASE, defaults: { kinds: ['zoo'] } }, 'defaults.kinds: unknown value zoo'],
    [{ ...BASE, defaults: { minors_admission: 'cheap' } }, 'defaults.minors_admission: unknown value cheap'],
    [{ ...BASE, defaults: { phone: ['1', '2'] } }, 'defaults.phone takes one value'],
    [{ ...BASE, defaults: { name_zh: 'x' } }, 'defaults.name_zh is not allowed'],
    [{ ...BASE, defaults: { email: '' } }, 'defaults.email must be a non-empty string'],
  ])('refuses %j: %s', (mapping, message) => {
    expect(refusal(mapping)).toContain(message);
  });
});

describe('writtenFields', () => {
  it('is the mapped fields and the defaulted ones, so an update leaves the others alone', () => {
    const mapping = parseMapping(JSON.stringify({ ...BASE, defaults: { minors_admission: 'free' } }), 'csv');
    expect([...writtenFields(mapping)].sort()).toEqual(['kinds', 'lat', 'lng', 'minors_admission', 'name_zh']);
  });
});
