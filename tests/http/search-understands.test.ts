import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { upsertImportedVenues } from '../../db/queries/imports.ts';
import { fillMissingPinyin } from '../../db/queries/venue-pinyin.ts';
import { setVenueFields } from '../../db/queries/venues.ts';
import { venues } from '../../db/schema/index.ts';
import { addDays, localDayOf } from '../../domain/hours/local-time.ts';
import { namePinyin } from '../../domain/pinyin.ts';
import type { App } from '../../server/app.ts';
import { rollback, testEngines } from '../support/engines.ts';
import { everyItem, withTestApp } from '../support/http.ts';

/**
 * Search that understands what people type (issue 11): kind and theme words, pinyin in full and as
 * initials, the name order by pinyin; and the teacher's filters: a green channel derived from facts,
 * school places for a class, a range of days.
 */
interface Item {
  id: string;
  name: string;
  kinds: string[];
  themes: string[];
}
interface SlotItem {
  id: string;
  venue: { id: string };
  school_allocation: number;
  allocation_release_at: string | null;
  places_left: { total: number; public: number; school: number };
  starts_at: string;
}

const CSTM = '中国科学技术馆';

describe.each(testEngines())('search that understands, on %s', (engine) => {
  let app: App;
  let database: Database;
  withTestApp(engine, (opened) => ({ app, database } = opened));

  const list = (url: string) => everyItem<Item>(app, url, 100);
  const names = (items: Item[]) => items.map((v) => v.name);
  const today = () => localDayOf(Date.now());

  it('a kind word finds the venues of that kind, after the names that contain it', async () => {
    const found = await list('/api/venues?q=科技馆');
    expect(names(found)).toContain(CSTM);
    expect(names(found)).toContain('北京科学中心');
    const matchesName = (v: Item) => v.name.includes('科技馆');
    for (const v of found) expect(matchesName(v) || v.kinds.includes('science_center')).toBe(true);
    // Relevance: every name match before every venue found by its kind alone.
    const firstKindOnly = found.findIndex((v) => !matchesName(v));
    expect(found.slice(firstKindOnly).some(matchesName)).toBe(false);

    const libraries = await list('/api/venues?q=library');
    expect(libraries.length).toBeGreaterThan(3);
    for (const v of libraries) {
      expect(v.kinds.includes('library') || v.themes.includes('reading') || /library/i.test(JSON.stringify(v))).toBe(
        true,
      );
    }
    expect(names(await list('/api/venues?q=图书馆'))).toEqual(expect.arrayContaining(['首都图书馆']));
    expect(names(await list('/api/venues?q=博物馆'))).toContain('故宫博物院');
  });

  it('pinyin in full and as initials finds 中国科学技术馆', async () => {
    for (const q of ['kejiguan', 'kjg', 'KJG', 'zhongguokexue', 'zgkxjsg']) {
      expect(names(await list(`/api/venues?q=${q}`)), q).toContain(CSTM);
    }
    // An exact pinyin is the most relevant answer.
    const [first] = await list('/api/venues?q=zgkxjsg&sort=relevance');
    expect(first?.name).toBe(CSTM);
    const [palace] = await list('/api/venues?q=gugongbowuyuan');
    expect(palace?.name).toBe('故宫博物院');
  });

  it('orders by pinyin where name order is asked', async () => {
    const all = await list('/api/venues?sort=name');
    expect(all).toHaveLength(225);
    const keys = all.map((v) => namePinyin(v.name).nameSort);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // 北京… (bei) before 中国… (zhong), though 中 comes before 北 in character codes.
    expect(names(all).indexOf('北京科学中心')).toBeLessThan(names(all).indexOf(CSTM));
  });

  it('derives the pinyin where a name is written, and fills rows written without it', async () => {
    await rollback(database, async (tx) => {
      const [v] = await tx.select({ id: venues.id }).from(venues).where(eq(venues.nameZh, CSTM));
      await setVenueFields(tx, v!.id, { nameZh: '重庆科技馆' });
      const [renamed] = await tx.select().from(venues).where(eq(venues.id, v!.id));
      expect(renamed).toMatchObject({ namePinyin: 'chongqingkejiguan', nameInitials: 'cqkjg' });

      // A raw rename clears the stale pinyin; the fill derives it again.
      await tx.execute(sql`UPDATE venues SET name_zh = '长城博物馆' WHERE id = ${v!.id}`);
      const [cleared] = await tx.select().from(venues).where(eq(venues.id, v!.id));
      expect(cleared?.namePinyin).toBeNull();
      expect(await fillMissingPinyin(tx)).toBe(1);
      const [filled] = await tx.select().from(venues).where(eq(venues.id, v!.id));
      expect(filled).toMatchObject({ namePinyin: 'changchengbowuguan', nameSort: 'chang cheng bo wu guan' });

      // An import writes it too.
      const [written] = await upsertImportedVenues(
        tx,
        [
          {
            id: crypto.randomUUID(),
            nameZh: '海淀区图书馆',
            kinds: ['library'],
            themes: [],
            lng: 116.3,
            lat: 39.96,
            source: 'test-import',
            sourceRef: 'pinyin-1',
          },
        ],
        [],
      );
      const [imported] = await tx.select().from(venues).where(eq(venues.id, written!.id));
      expect(imported).toMatchObject({ namePinyin: 'haidianqutushuguan', nameInitials: 'hdqtsg' });
    });
  });

  it('green_channel=true finds the venues whose slots hold places for schools, and their pages say so', async () => {
    const horizon = addDays(today(), 56);
    const slots = await everyItem<SlotItem>(app, `/api/slots?to=${horizon}`, 200);
    const withAllocation = new Set(slots.filter((s) => s.school_allocation > 0).map((s) => s.venue.id));
    expect(withAllocation.size).toBeGreaterThan(0);
    const green = await list('/api/venues?green_channel=true');
    expect(new Set(green.map((v) => v.id))).toEqual(withAllocation);
    const page = (await app.inject(`/api/venues/${[...withAllocation][0]}`)).json();
    expect(page.group_policy.green_channel).toBe(true);

    // A venue that states it in its group policy counts without slots.
    await rollback(database, async (tx) => {
      const [other] = await tx
        .select({ id: venues.id })
        .from(venues)
        .where(sql`${venues.id} NOT IN ${[...withAllocation]}`)
        .limit(1);
      await tx.update(venues).set({ greenChannel: true }).where(eq(venues.id, other!.id));
      const { findVenues } = await import('../../db/queries/venue-search.ts');
      const rows = await findVenues(tx, { greenChannel: true, sort: 'name', limit: 500 });
      expect(rows.map((r) => r.id)).toContain(other!.id);
      expect(rows).toHaveLength(withAllocation.size + 1);
    });
  });

  it('a teacher: grade 5, 45 pupils, school places, the next two weeks — venues and slots agree', async () => {
    const from = today();
    const to = addDays(from, 13);
    const filters = `grade=5&group_size=45&green_channel=true&school_places=true`;
    const found = await list(`/api/venues?${filters}&open_from=${from}&open_to=${to}`);
    expect(found.length).toBeGreaterThan(0);
    const slots = await everyItem<SlotItem>(app, `/api/slots?${filters}&from=${from}&to=${to}`, 200);
    expect(slots.length).toBeGreaterThan(0);
    for (const s of slots) {
      expect(s.places_left.school).toBeGreaterThan(0);
      expect(s.places_left.total).toBeGreaterThanOrEqual(45);
      expect(Date.parse(s.allocation_release_at!)).toBeGreaterThan(Date.now());
    }
    expect(new Set(found.map((v) => v.id))).toEqual(new Set(slots.map((s) => s.venue.id)));

    // A class larger than any sample session finds none; no venue is left out for unknown hours.
    const res = await app.inject(`/api/venues?school_places=true&group_size=61&open_from=${from}&open_to=${to}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
    expect(res.json().unknown_hours_excluded).toBeNull();
  });

  it('open_from…open_to keeps venues open on some day of the range', async () => {
    const from = addDays(today(), 1);
    const to = addDays(from, 6);
    const range = new Set((await list(`/api/venues?open_from=${from}&open_to=${to}`)).map((v) => v.id));
    const union = new Set<string>();
    for (let day = from; day <= to; day = addDays(day, 1)) {
      for (const v of await list(`/api/venues?open_on=${day}`)) union.add(v.id);
    }
    expect(range).toEqual(union);
  });

  it('answers bad ranges and flags with a 400 and a stable code', async () => {
    const day = today();
    const cases: [string, string][] = [
      [`open_from=${day}`, 'INVALID_DATE_RANGE'],
      [`open_from=${addDays(day, 3)}&open_to=${day}`, 'INVALID_DATE_RANGE'],
      [`open_from=2026-02-30&open_to=${day}`, 'INVALID_DATE'],
      [`open_from=${day}&open_to=${addDays(day, 400)}`, 'DATE_OUT_OF_RANGE'],
      [`open_from=${day}&open_to=${addDays(day, 100)}`, 'INVALID_DATE_RANGE'],
    ];
    for (const [query, code] of cases) {
      const res = await app.inject(`/api/venues?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe(code);
    }
    const flag = await app.inject('/api/venues?school_places=yes');
    expect(flag.statusCode).toBe(400);
  });
});
