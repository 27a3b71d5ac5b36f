import { describe, expect, it } from 'vitest';
import type { Slot, VenueDetail } from '$lib/api/types';
import { jsonLdScriptText, openingHoursSpecification, placeType, simpleOpeningHours, venueJsonLd } from './jsonld';

const PAGE = 'https://kaimen.example/venues/a990ca7b-dbf1-458f-abe9-2563ebc617b3';

function venue(overrides: Partial<VenueDetail> = {}): VenueDetail {
  return {
    id: 'a990ca7b-dbf1-458f-abe9-2563ebc617b3',
    name: '中国国家博物馆',
    name_en: 'National Museum of China',
    kinds: ['museum'],
    themes: ['culture_heritage'],
    lng: 116.3969,
    lat: 39.9052,
    address: '东长安街16号',
    address_en: null,
    adcode: '110101',
    district: { adcode: '110101', name: '东城区', city: null, province: '北京市' },
    source_crs: 'wgs84',
    coord_precision: 'high',
    opening_hours: 'Tu-Su 09:00-17:00; Mo off',
    minors_admission: 'free',
    admission_rule: null,
    booking_mode: 'online_required',
    accessibility: { wheelchair: null, hearing: null, visual: null, cognitive: null },
    contacts: { phone: null, website: null, email: null },
    suitability: { age_min: null, age_max: null, grade_min: null, grade_max: null },
    hours: {
      known: true,
      state: 'closed',
      opens_at: null,
      closes_at: null,
      calendar_covered: true,
      days: [
        { date: '2026-10-01', weekday: 'Th', holiday: '国庆节', workday_for: null, intervals: [] },
        {
          date: '2026-10-02',
          weekday: 'Fr',
          holiday: '国庆节',
          workday_for: null,
          intervals: [{ start: '08:30', end: '24:00' }],
        },
      ],
    },
    group_policy: { min_size: null, max_size: null, lead_days: null, green_channel: null },
    designations: [],
    verification_status: 'unverified',
    provenance: { source: 'kaimen-curated', source_ref: 'bj-001', note: null, updated_at: '2026-11-28T00:00:00Z' },
    ...overrides,
  };
}

function slot(id: string, overrides: Partial<Slot> = {}): Slot {
  return {
    id,
    venue: { id: 'v', name: '中国国家博物馆', name_en: null, lng: 116.3969, lat: 39.9052, distance_m: null },
    kind: 'open_day',
    programme_id: null,
    title: '家庭开放日',
    starts_at: '2026-12-05T01:30:00.000Z',
    ends_at: '2026-12-05T03:30:00.000Z',
    capacity: 60,
    school_allocation: 40,
    allocation_release_at: null,
    places_left: { total: 60, public: 20, school: 40 },
    booking_opens_at: '2026-11-20T01:30:00.000Z',
    booking_closes_at: null,
    approval: 'groups',
    groups_use_public: true,
    cancel_hours_before: 24,
    is_sample: false,
    ...overrides,
  };
}

type Node = Record<string, unknown>;
const graph = (data: Record<string, unknown>) => data['@graph'] as Node[];

describe('placeType', () => {
  it('maps kinds to the most specific schema.org type true of all of them', () => {
    expect(placeType(['museum'])).toBe('Museum');
    expect(placeType(['science_center'])).toBe('Museum');
    expect(placeType(['library'])).toBe('Library');
    expect(placeType(['national_park'])).toBe('Park');
    expect(placeType(['performance_venue'])).toBe('PerformingArtsTheater');
    expect(placeType(['youth_palace'])).toBe('CivicStructure');
    expect(placeType(['camp'])).toBe('Place');
    expect(placeType([])).toBe('Place');
    expect(placeType(['toString'])).toBe('Place');
  });
});

describe('simpleOpeningHours', () => {
  it('passes the simple weekly family through, dropping "off" days (unlisted means closed)', () => {
    expect(simpleOpeningHours('Tu-Su 09:00-17:00; Mo off')).toEqual(['Tu-Su 09:00-17:00']);
    expect(simpleOpeningHours('Mo-Fr 08:00-12:00,13:00-17:00; Sa,Su 09:00-16:00')).toEqual([
      'Mo-Fr 08:00-12:00',
      'Mo-Fr 13:00-17:00',
      'Sa,Su 09:00-16:00',
    ]);
  });

  it('refuses months, holidays, overriding rules, wrapping ranges and all-closed strings', () => {
    for (const osm of [
      'Apr-Oct Tu-Su 08:30-17:00; Nov-Mar Tu-Su 08:30-16:30; Mo off',
      'Tu-Su 09:00-17:00; PH off',
      'Mo-Su 09:00-17:00; Mo off',
      'Sa-Mo 09:00-17:00',
      'Mo-Su off',
      '24/7',
      '',
      null,
    ]) {
      expect(simpleOpeningHours(osm), String(osm)).toBeNull();
    }
  });
});

describe('openingHoursSpecification', () => {
  it('dates each day, marks closed days 00:00–00:00 and writes 24:00 as 23:59', () => {
    const specs = openingHoursSpecification(venue().hours.days);
    expect(specs).toEqual([
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: 'https://schema.org/Thursday',
        validFrom: '2026-10-01',
        validThrough: '2026-10-01',
        opens: '00:00',
        closes: '00:00',
      },
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: 'https://schema.org/Friday',
        validFrom: '2026-10-02',
        validThrough: '2026-10-02',
        opens: '08:30',
        closes: '23:59',
      },
    ]);
  });

  it('says nothing about days whose hours are unknown', () => {
    const days = venue().hours.days.map((d) => ({ ...d, intervals: null }));
    expect(openingHoursSpecification(days)).toEqual([]);
  });
});

describe('venueJsonLd', () => {
  it('describes the place with its type, address, coordinates and opening hours', () => {
    const [place, ...rest] = graph(venueJsonLd(venue(), [], PAGE));
    expect(rest).toEqual([]);
    expect(place).toMatchObject({
      '@type': 'Museum',
      '@id': `${PAGE}#place`,
      name: '中国国家博物馆',
      alternateName: 'National Museum of China',
      address: {
        '@type': 'PostalAddress',
        streetAddress: '东长安街16号',
        addressLocality: '东城区',
        addressRegion: '北京市',
        addressCountry: 'CN',
      },
      geo: { '@type': 'GeoCoordinates', latitude: 39.9052, longitude: 116.3969 },
      openingHours: 'Tu-Su 09:00-17:00',
      isAccessibleForFree: true,
    });
    expect(place).not.toHaveProperty('openingHoursSpecification');
  });

  it('falls back to dated specifications for complex hours, and to nothing for unknown ones', () => {
    const seasonal = graph(venueJsonLd(venue({ opening_hours: 'Apr-Oct Tu-Su 08:30-17:00' }), [], PAGE))[0];
    expect(seasonal).not.toHaveProperty('openingHours');
    expect(seasonal?.openingHoursSpecification).toHaveLength(2);
    const unknown = venue({ opening_hours: null, hours: { ...venue().hours, known: false, state: 'unknown' } });
    const place = graph(venueJsonLd(unknown, [], PAGE))[0];
    expect(place).not.toHaveProperty('openingHours');
    expect(place).not.toHaveProperty('openingHoursSpecification');
  });

  it('makes an Event of each announced slot, located at the place, in Shanghai time, free when minors are', () => {
    const nodes = graph(venueJsonLd(venue(), [slot('s1'), slot('s2', { is_sample: true })], PAGE));
    // The sample slot is not announced by the venue, so it is no event.
    expect(nodes).toHaveLength(2);
    const event = nodes[1];
    expect(event).toMatchObject({
      '@type': 'Event',
      name: '家庭开放日',
      startDate: '2026-12-05T09:30:00+08:00',
      endDate: '2026-12-05T11:30:00+08:00',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'Museum', '@id': `${PAGE}#place`, name: '中国国家博物馆' },
      offers: { '@type': 'Offer', price: 0, priceCurrency: 'CNY', availability: 'https://schema.org/InStock' },
    });
  });

  it('leaves out a price it does not know, and names untitled slots after the venue', () => {
    const paid = venue({ minors_admission: 'paid' });
    const [place, event] = graph(venueJsonLd(paid, [slot('s1', { title: null })], PAGE));
    expect(place).not.toHaveProperty('isAccessibleForFree');
    expect(event).not.toHaveProperty('offers');
    expect(event?.name).toBe('中国国家博物馆开放日');
  });
});

describe('jsonLdScriptText', () => {
  it('cannot close its script element and still parses to the same data', () => {
    const data = venueJsonLd(venue({ name: '</script><script>alert(1)</script> & co' }), [], PAGE);
    const text = jsonLdScriptText(data);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(data);
  });
});
