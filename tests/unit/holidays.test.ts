import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { SEED_FILES } from '../../seeds/files.ts';

/**
 * Kaimen's holiday calendar is transcribed from the State Council notices; this cross-checks it
 * against an independent source, the `chinese-days` package, day by day over 2025 and 2026.
 */
const rows = parse(readFileSync(SEED_FILES.holidays, 'utf8'), { columns: true }) as {
  day: string;
  kind: 'day_off' | 'workday';
  holiday: string;
}[];
const byDay = new Map(rows.map((r) => [r.day, r.kind]));

function* daysOf(year: number) {
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    yield d.toISOString().slice(0, 10);
  }
}

describe.each([2025, 2026])('the %i holiday calendar', (year) => {
  it('agrees with chinese-days on whether each day is a working day', () => {
    const disagreements: string[] = [];
    for (const day of daysOf(year)) {
      const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
      const kind = byDay.get(day);
      const kaimenWorkday = kind === 'workday' ? true : kind === 'day_off' ? false : !weekend;
      if (kaimenWorkday !== chineseDays.isWorkday(day)) disagreements.push(day);
    }
    expect(disagreements).toEqual([]);
  });

  it('lists make-up workdays only on weekends', () => {
    const workdays = rows.filter((r) => r.kind === 'workday' && r.day.startsWith(String(year)));
    expect(workdays.length).toBeGreaterThan(0);
    for (const r of workdays) expect([0, 6]).toContain(new Date(`${r.day}T00:00:00Z`).getUTCDay());
  });
});

describe('2026 spring festival and national day', () => {
  it('are nine and seven days off with their make-up workdays', () => {
    const off = (holiday: string) =>
      rows.filter((r) => r.day.startsWith('2026') && r.holiday === holiday && r.kind === 'day_off').map((r) => r.day);
    const work = (holiday: string) =>
      rows.filter((r) => r.day.startsWith('2026') && r.holiday === holiday && r.kind === 'workday').map((r) => r.day);
    expect(off('春节')).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(work('春节')).toEqual(['2026-02-14', '2026-02-28']);
    expect(off('国庆节')).toHaveLength(7);
    expect(work('国庆节')).toEqual(['2026-09-20', '2026-10-10']);
  });
});
