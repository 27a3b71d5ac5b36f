import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { venues } from '../../db/schema/index.ts';
import { namePinyin } from '../../domain/pinyin.ts';
import { kindMatchOf } from '../../domain/search-words.ts';
import { THEMES, VENUE_KINDS } from '../../domain/vocab.ts';
import type { App } from '../../server/app.ts';
import type { components } from '../../web/src/lib/api/schema.d.ts';
import { greatCircleMetres } from '../../domain/geo.ts';
import { testEngines } from '../support/engines.ts';
import { everyItem, everyPage, type ListPage, withTestApp } from '../support/http.ts';
import { seededRandom } from '../support/random.ts';

/**
 * Property tests: for many random parameter sets, every page of `GET /api/venues` put together must
 * equal a brute-force filter and sort of all venues, with no repeats or gaps, on both engines.
 */

/** A venue as the API describes it, with the facts the filters read. */
interface Known extends Pick<
  components['schemas']['VenueSummary'],
  'id' | 'name' | 'name_en' | 'kinds' | 'themes' | 'lng' | 'lat' | 'minors_admission'
> {
  green_channel: boolean | null;
  group_min: number | null;
  group_max: number | null;
  accessibility: Record<string, boolean | null>;
  designations: string[];
  /** The name's pinyin, whole, initials and order key, as domain/pinyin.ts derives it. */
  pinyin: ReturnType<typeof namePinyin>;
}
interface Item {
  id: string;
  name: string;
  distance_m: number | null;
}

const CENTRES = [
  { lng: 116.3975, lat: 39.9087 },
  { lng: 121.4737, lat: 31.2304 },
  { lng: 108.9398, lat: 34.3416 },
  { lng: 116.2, lat: 40.2 },
];
const NEEDS = ['wheelchair', 'hearing', 'visual', 'cognitive'] as const;

const byCodepoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** What q is searched in: the names, the Chinese name's pinyin and its initials. */
const texts = (v: Known) => [
  v.name.toLowerCase(),
  (v.name_en ?? '').toLowerCase(),
  v.pinyin.namePinyin,
  v.pinyin.nameInitials,
];

describe.each(testEngines())('search properties on %s', (engine) => {
  let database: Database;
  let app: App;
  let all: Known[];
  /** Venues given accessibility and green-channel facts for the test (the seed data has none). */
  let marked: string[] = [];

  withTestApp(engine, (opened) => ({ app, database } = opened));
  beforeAll(async () => {
    const ids = await database.db.select({ id: venues.id }).from(venues).orderBy(venues.sourceRef).limit(40);
    marked = ids.map((r) => r.id);
    await database.db
      .update(venues)
      .set({
        wheelchair: sql`(abs(hashtext(${venues.id}::text)) % 3 = 0)`,
        hearing: sql`(abs(hashtext(${venues.id}::text)) % 5 = 0)`,
        greenChannel: sql`(abs(hashtext(${venues.id}::text)) % 2 = 0)`,
        groupMin: sql`(CASE WHEN abs(hashtext(${venues.id}::text)) % 4 = 0 THEN 10 END)`,
        groupMax: sql`(20 + abs(hashtext(${venues.id}::text)) % 60)`,
      })
      .where(inArray(venues.id, marked));
    const listed = await everyItem<{ id: string }>(app, '/api/venues', 200);
    all = await Promise.all(
      listed.map(async ({ id }) => {
        const d = (await app.inject(`/api/venues/${id}`)).json();
        return {
          id: d.id,
          name: d.name,
          name_en: d.name_en,
          kinds: d.kinds,
          themes: d.themes,
          lng: d.lng,
          lat: d.lat,
          minors_admission: d.minors_admission,
          green_channel: d.group_policy.green_channel,
          group_min: d.group_policy.min_size,
          group_max: d.group_policy.max_size,
          accessibility: d.accessibility,
          designations: d.designations
            .filter((x: { revoked: boolean }) => !x.revoked)
            .map((x: { title: string }) => x.title),
          pinyin: namePinyin(d.name),
        };
      }),
    );
  });
  afterAll(async () => {
    if (marked.length > 0) {
      await database.db
        .update(venues)
        .set({ wheelchair: null, hearing: null, greenChannel: null, groupMin: null, groupMax: null })
        .where(inArray(venues.id, marked));
    }
  });

  it('holds every venue with its details', () => {
    expect(all).toHaveLength(225);
  });

  it('equals a brute-force filter and sort for 120 random parameter sets, page after page', async () => {
    const random = seededRandom(engine === 'pglite' ? 7 : 11);
    const chance = (p: number) => random() < p;
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const titles = [...new Set(all.flatMap((v) => v.designations))];
    let nonEmpty = 0;
    let multiPage = 0;

    for (let run = 0; run < 120; run++) {
      const params = new URLSearchParams();
      let keep = (_v: Known) => true;
      const and = (f: (v: Known) => boolean) => {
        const prev = keep;
        keep = (v) => prev(v) && f(v);
      };
      const near = chance(0.5) ? pick(CENTRES) : undefined;
      let radius: number | undefined;
      if (near) {
        params.set('near', `${near.lng},${near.lat}`);
        if (chance(0.7)) {
          radius = Math.round(1000 + random() * 60000);
          params.set('radius_m', String(radius));
          and((v) => greatCircleMetres(near, v) <= radius!);
        }
      }
      if (chance(0.25)) {
        const c = pick(CENTRES);
        const w = 0.05 + random() * 0.6;
        const box = [c.lng - w, c.lat - w / 2, c.lng + w, c.lat + w / 2].map((x) => Number(x.toFixed(4)));
        params.set('bbox', box.join(','));
        and((v) => v.lng >= box[0]! && v.lng <= box[2]! && v.lat >= box[1]! && v.lat <= box[3]!);
      }
      let q: string | undefined;
      if (chance(0.35)) {
        const source = pick(all);
        const text = chance(0.8) ? source.name : (source.name_en ?? source.name);
        const start = Math.floor(random() * text.length);
        q = text
          .slice(start, start + 1 + Math.floor(random() * 3))
          .trim()
          .toLowerCase();
        if (q) {
          params.set('q', q);
          const words = kindMatchOf(q);
          and(
            (v) =>
              texts(v).some((t) => t.includes(q!)) ||
              (words !== undefined &&
                (v.kinds.some((k) => (words.kinds as string[]).includes(k)) ||
                  v.themes.some((t) => (words.themes as string[]).includes(t)))),
          );
        } else q = undefined;
      }
      if (chance(0.3)) {
        const kinds = [pick(VENUE_KINDS), pick(VENUE_KINDS)];
        params.set('kinds', kinds.join(','));
        and((v) => v.kinds.some((k) => kinds.includes(k as (typeof kinds)[number])));
      }
      if (chance(0.3)) {
        const themes = [pick(THEMES)];
        params.set('themes', themes.join(','));
        and((v) => v.themes.some((t) => themes.includes(t as (typeof themes)[number])));
      }
      if (chance(0.3)) {
        params.set('free', 'true');
        and((v) => v.minors_admission === 'free');
      }
      if (chance(0.2)) {
        params.set('green_channel', 'true');
        and((v) => v.green_channel === true);
      }
      if (chance(0.2)) {
        const need = pick(NEEDS);
        params.set('accessible', need);
        and((v) => v.accessibility[need] === true);
      }
      if (chance(0.2)) {
        const size = 5 + Math.floor(random() * 70);
        params.set('group_size', String(size));
        and((v) => (v.group_max === null || v.group_max >= size) && (v.group_min === null || v.group_min <= size));
      }
      if (chance(0.15)) {
        const title = chance(0.3) ? 'any' : pick(titles);
        params.set('designation', title);
        and((v) => (title === 'any' ? v.designations.length > 0 : v.designations.includes(title)));
      }
      const sorts = ['name', ...(near ? ['distance'] : []), ...(q ? ['relevance'] : [])];
      const sort = chance(0.5) ? pick(sorts) : undefined;
      if (sort) params.set('sort', sort);
      const effective = sort ?? (near ? 'distance' : q ? 'relevance' : 'name');
      const limit = 1 + Math.floor(random() * 40);

      // Brute force: filter, then order as the API promises.
      const rank = (v: Known) => {
        if (texts(v).some((t) => t === q)) return 0;
        if (texts(v).some((t) => t.startsWith(q!))) return 1;
        if (texts(v).some((t) => t.includes(q!))) return 2;
        return 3;
      };
      const dist = (v: Known) => (near ? greatCircleMetres(near, v) : 0);
      const expected = all.filter(keep).sort((a, b) => {
        if (effective === 'relevance') {
          const r = rank(a) - rank(b);
          if (r !== 0) return r;
        }
        if (effective === 'distance' || (effective === 'relevance' && near)) {
          const d = dist(a) - dist(b);
          if (Math.abs(d) > 1e-6) return d;
        } else {
          const n = byCodepoint(a.pinyin.nameSort, b.pinyin.nameSort);
          if (n !== 0) return n;
        }
        return byCodepoint(a.id, b.id);
      });

      const pages = await everyPage<ListPage<Item>>(app, `/api/venues?${params}`, limit, { maxPages: 300 });
      const got = pages.flatMap((page) => page.items);

      const label = `case ${run}: ?${params}&limit=${limit}`;
      if (got.length > 0) nonEmpty++;
      if (pages.length > 1) multiPage++;
      expect(new Set(got.map((v) => v.id)).size, `${label} repeats a venue`).toBe(got.length);
      // Venues within a millimetre of the radius may fall either side of it through rounding.
      const onEdge = (v: { id: string }) => {
        const known = all.find((k) => k.id === v.id)!;
        return near !== undefined && radius !== undefined && Math.abs(greatCircleMetres(near, known) - radius) < 0.001;
      };
      expect(
        got.filter((v) => !onEdge(v)).map((v) => v.id),
        label,
      ).toEqual(expected.filter((v) => !onEdge(v)).map((v) => v.id));
    }
    // The generator must exercise real results and real paging, not 120 empty answers.
    expect(nonEmpty).toBeGreaterThan(40);
    expect(multiPage).toBeGreaterThanOrEqual(15);
  });
});
