/**
 * Synthetic venues for benchmarks, labelled `source = 'synthetic-bench'`: never real places. They cluster
 * around the label points of China's prefectures (seeds/boundaries/prefectures.geojson), more around big
 * cities, with names built from a real district name and a kind word, and opening hours copied from the
 * curated seed venues. Deterministic for a given seed, so every run benchmarks the same data.
 * `bench/generate.ts` (`npm run bench:generate`) loads them into a fresh database.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { BookingMode, CoordPrecision, MinorsAdmission, Theme, VenueKind } from '../domain/vocab.ts';
import { SEED_FILES } from '../seeds/files.ts';
import { KINDS, ROADS } from './synthetic-words.ts';

/** The `source` of every synthetic venue; real venues never carry it. */
export const SYNTHETIC_SOURCE = 'synthetic-bench';

/** One synthetic venue, in the shape of the `venues` columns the loader fills. */
export interface SyntheticVenue {
  nameZh: string;
  nameEn: string | null;
  kinds: VenueKind[];
  themes: Theme[];
  adcode: string | null;
  addressZh: string;
  lng: number;
  lat: number;
  coordPrecision: CoordPrecision;
  openingHours: string | null;
  minorsAdmission: MinorsAdmission;
  bookingMode: BookingMode;
  wheelchair: boolean | null;
  ageMin: number | null;
  ageMax: number | null;
  greenChannel: boolean | null;
  verificationStatus: 'unverified' | 'verified';
  status: 'published' | 'draft' | 'suspended';
  sourceRef: string;
}

/** A place venues cluster around: a prefecture's (or a municipality's district's) label point. */
interface Centre {
  lng: number;
  lat: number;
  weight: number;
  /** The prefecture's name, the name prefix where no county-level code is known. */
  name: string;
  /** County-level districts a venue here may be coded to, with their names. */
  districts: { code: string; name: string }[];
}

const ADMISSIONS: [MinorsAdmission, number][] = [
  ['free', 45],
  ['discounted', 25],
  ['paid', 10],
  ['unknown', 20],
];
const PRECISIONS: [CoordPrecision, number][] = [
  ['high', 10],
  ['medium', 60],
  ['low', 30],
];
const BOOKING: [BookingMode, number][] = [
  ['unknown', 50],
  ['online_optional', 18],
  ['online_required', 15],
  ['none', 13],
  ['group_only', 4],
];
/** Share of venues with opening hours (the rest are unknown, as most real listings are). */
const HOURS_SHARE = 0.45;
const KM_PER_DEG_LAT = 111.32;

/** mulberry32: a small, fast, seedable PRNG, so a seed always yields the same venues. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from weighted options by binary search over cumulative weights. */
function weighted<T>(options: readonly (readonly [T, number])[]): (r: number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of options) cumulative.push((total += w));
  return (r) => {
    const target = r * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return options[lo]![0];
  };
}

/**
 * How many venues a centre attracts, relative to an ordinary prefecture (1): Guangzhou and Shenzhen 10,
 * each district of Beijing and Shanghai 2 (about 30 per city), provincial capitals 5, the big
 * sub-provincial cities 4; less for Chongqing's outer counties, the county-level cities provinces govern
 * directly (xx90xx), Sansha's islands and the Hong Kong and Macau districts. There is no population
 * column in the seed, so this is a judgement, not a census.
 */
function centreWeight(code: string): number {
  if (code === '440100' || code === '440300') return 10;
  if (code.startsWith('11') || code.startsWith('31')) return 2;
  if (code.startsWith('12')) return 1;
  if (code.startsWith('50')) return code < '500200' ? 1 : 0.5;
  if (code.startsWith('81') || code.startsWith('82') || code === '460300') return 0.2;
  if (code.slice(2, 4) === '90') return 0.3;
  if (['210200', '370200', '330200', '350200', '320500'].includes(code)) return 4;
  if (code.endsWith('0100')) return 5;
  return 1;
}

/** The centres from the prefecture label points, each with the county-level codes under it. */
export function loadCentres(): Centre[] {
  const codes = parse(readFileSync(SEED_FILES.adminCodes, 'utf8'), { columns: true, skip_empty_lines: true }) as {
    code: string;
    name: string;
    level: string;
    city_code: string;
    nbs_statistical_only: string;
  }[];
  const known = new Map(codes.map((c) => [c.code, c]));
  const byCity = new Map<string, { code: string; name: string }[]>();
  for (const c of codes) {
    if (c.level !== 'district' || c.nbs_statistical_only === '1' || !c.city_code) continue;
    byCity.set(c.city_code, [...(byCity.get(c.city_code) ?? []), { code: c.code, name: c.name }]);
  }
  const geo = JSON.parse(readFileSync(SEED_FILES.prefectures, 'utf8')) as {
    features: { properties: { adcode: string | null; name: string; cp_lng: number | null; cp_lat: number | null } }[];
  };
  return geo.features.flatMap(({ properties: p }) => {
    if (p.adcode === null || p.cp_lng === null || p.cp_lat === null) return [];
    const own = known.get(p.adcode);
    const districts = byCity.get(p.adcode) ?? (own ? [{ code: own.code, name: own.name }] : []);
    return [{ lng: p.cp_lng, lat: p.cp_lat, weight: centreWeight(p.adcode), name: p.name, districts }];
  });
}

/** The curated seed venues' opening-hours strings, each as often as the seed uses it. */
export function seedHoursPatterns(): [string, number][] {
  const rows = parse(readFileSync(SEED_FILES.venues, 'utf8'), { columns: true, skip_empty_lines: true }) as {
    opening_hours: string;
  }[];
  const counts = new Map<string, number>();
  for (const r of rows) if (r.opening_hours) counts.set(r.opening_hours, (counts.get(r.opening_hours) ?? 0) + 1);
  return [...counts];
}

/** "海淀区" → "海淀", "忠县" stays: the short district name Chinese venue names start with. */
function shortName(name: string): string {
  return name.length > 2 && /[区县市]$/.test(name) ? name.slice(0, -1) : name;
}

/**
 * Yields `count` synthetic venues. Positions scatter around a weighted centre: two thirds within a
 * gaussian of 3 km, a third within 10 km (suburbs); the district code and name prefix come from one of
 * the centre's county-level districts.
 */
export function* generateVenues(count: number, seed = 20250601): Generator<SyntheticVenue> {
  const random = prng(seed);
  const centres = loadCentres();
  const pickCentre = weighted(centres.map((c) => [c, c.weight] as const));
  const pickKind = weighted(KINDS.map((k) => [k, k.weight] as const));
  const pickHours = weighted(seedHoursPatterns());
  const pickAdmission = weighted(ADMISSIONS);
  const pickPrecision = weighted(PRECISIONS);
  const pickBooking = weighted(BOOKING);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

  for (let i = 1; i <= count; i++) {
    const centre = pickCentre(random());
    const sigmaKm = random() < 2 / 3 ? 3 : 10;
    const lat = Math.max(-89, Math.min(89, centre.lat + (gaussian() * sigmaKm) / KM_PER_DEG_LAT));
    const lng = centre.lng + (gaussian() * sigmaKm) / (KM_PER_DEG_LAT * Math.cos((centre.lat * Math.PI) / 180));
    const district = centre.districts.length > 0 ? pick(centre.districts) : undefined;
    const kind = pickKind(random());
    const themes = [...new Set([pick(kind.themes), pick(kind.themes)])];
    const ages = random() < 0.3 ? [Math.floor(random() * 7), 12 + Math.floor(random() * 7)] : [null, null];
    yield {
      nameZh: `${shortName(district?.name ?? centre.name)}${pick(kind.middles)}${pick(kind.words)}${i}`,
      nameEn: random() < 0.2 ? `Synthetic ${kind.kind.replace('_', ' ')} ${i}` : null,
      kinds:
        random() < 0.1 ? [kind.kind, pickKind(random()).kind].filter((k, j, a) => a.indexOf(k) === j) : [kind.kind],
      themes,
      adcode: district?.code ?? null,
      addressZh: `${district?.name ?? centre.name}${pick(ROADS)}${1 + Math.floor(random() * 300)}号`,
      lng: Math.round(lng * 1e6) / 1e6,
      lat: Math.round(lat * 1e6) / 1e6,
      coordPrecision: pickPrecision(random()),
      openingHours: random() < HOURS_SHARE ? pickHours(random()) : null,
      minorsAdmission: pickAdmission(random()),
      bookingMode: pickBooking(random()),
      wheelchair: random() < 0.6 ? null : random() < 0.75,
      ageMin: ages[0]!,
      ageMax: ages[1]!,
      greenChannel: random() < 0.5 ? null : random() < 0.4,
      verificationStatus: random() < 0.3 ? 'verified' : 'unverified',
      status: random() < 0.98 ? 'published' : random() < 0.5 ? 'draft' : 'suspended',
      sourceRef: `syn-${i}`,
    };
  }
}
