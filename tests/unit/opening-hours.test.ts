import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadSeedCalendar } from '../../seeds/holidays.ts';
import {
  intervalsOn,
  isOpenAt,
  isOpenOn,
  parseOpeningHours,
  statusAt,
  type OpeningStatus,
} from '../../domain/hours/opening-hours.ts';
import { SEED_FILES } from '../../seeds/files.ts';

/** The evaluator against Kaimen's real calendar and venue hours, in Asia/Shanghai. */
const calendar = loadSeedCalendar();
const hoursOn = (text: string, day: string) => intervalsOn(parseOpeningHours(text), day, calendar);
const openOn = (text: string, day: string) => isOpenOn(parseOpeningHours(text), day, calendar);
const statusOf = (text: string, at: string) => statusAt(parseOpeningHours(text), new Date(at), calendar);
const iso = (status: OpeningStatus) => ({
  state: status.state,
  opensAt: status.opensAt?.toISOString(),
  closesAt: status.closesAt?.toISOString(),
  calendarCovered: status.calendarCovered,
});

const MUSEUM = 'Tu-Su 09:00-17:00; Mo off';
const OFFICE = 'Mo-Fr 09:00-17:00';

describe('the seed venues', () => {
  const venueRows = parse(readFileSync(SEED_FILES.venues, 'utf8'), { columns: true }) as { opening_hours: string }[];
  const texts = venueRows.map((row) => row.opening_hours.trim()).filter((text) => text !== '');

  it('carry 16 opening_hours strings, and every one parses', () => {
    expect(texts).toHaveLength(16);
    for (const text of texts) expect(() => parseOpeningHours(text), text).not.toThrow();
  });

  it('are all closed on an ordinary Monday and open on an ordinary Wednesday', () => {
    for (const text of texts) {
      expect(openOn(text, '2026-03-09'), text).toBe(false);
      expect(openOn(text, '2026-03-11'), text).toBe(true);
    }
  });
});

describe('rules and overrides', () => {
  it('24/7 is open all day, every day', () => {
    expect(hoursOn('24/7', '2026-02-17')).toEqual([{ start: '00:00', end: '24:00' }]);
    expect(hoursOn('24/7; PH off', '2026-02-17')).toEqual([]);
  });

  it('a later ; rule replaces earlier hours on the days it matches only', () => {
    const text = 'Mo-Fr 09:00-17:00; We 14:00-18:00';
    expect(hoursOn(text, '2026-03-11')).toEqual([{ start: '14:00', end: '18:00' }]);
    expect(hoursOn(text, '2026-03-10')).toEqual([{ start: '09:00', end: '17:00' }]);
  });

  it('a , rule adds to the earlier hours instead of replacing them', () => {
    expect(hoursOn('Mo-Fr 09:00-12:00, We 14:00-18:00', '2026-03-11')).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ]);
    expect(hoursOn('Mo-Fr 09:00-12:00, Fr 11:00-13:00', '2026-03-13')).toEqual([{ start: '09:00', end: '13:00' }]);
  });

  it('an off rule after , still closes its days', () => {
    expect(hoursOn('Mo-Sa 09:00-18:00, PH off', '2026-10-02')).toEqual([]);
  });

  it('several spans come back sorted and separate', () => {
    expect(hoursOn('Mo 13:00-17:00,08:00-12:00', '2026-03-09')).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
  });

  it('a weekday selector without times opens all day; wrap-around Sa-Mo includes Sunday', () => {
    expect(hoursOn('Sa-Mo', '2026-03-08')).toEqual([{ start: '00:00', end: '24:00' }]);
    expect(openOn('Sa-Mo', '2026-03-11')).toBe(false);
  });

  it('a comment changes nothing', () => {
    expect(hoursOn('Mo-Fr 09:00-17:00 "call first"', '2026-03-09')).toEqual(hoursOn(OFFICE, '2026-03-09'));
  });
});

describe('spans past midnight', () => {
  const BAR = 'Fr,Sa 18:00-02:00';

  it('carry into the next day’s early hours', () => {
    expect(hoursOn(BAR, '2026-03-13')).toEqual([{ start: '18:00', end: '24:00' }]);
    expect(hoursOn(BAR, '2026-03-14')).toEqual([
      { start: '00:00', end: '02:00' },
      { start: '18:00', end: '24:00' },
    ]);
    expect(hoursOn(BAR, '2026-03-15')).toEqual([{ start: '00:00', end: '02:00' }]);
  });

  it('belong to the day they start on, so closing the next day does not cut them short', () => {
    expect(hoursOn('Fr 18:00-02:00; Sa off', '2026-03-14')).toEqual([{ start: '00:00', end: '02:00' }]);
  });

  it('run on in statusAt: open at 01:00 Saturday, closing 02:00', () => {
    expect(iso(statusOf(BAR, '2026-03-14T01:00:00+08:00'))).toMatchObject({
      state: 'open',
      closesAt: '2026-03-13T18:00:00.000Z',
    });
  });

  it('join a span ending at 24:00 to one starting at 00:00 for closesAt', () => {
    const status = statusOf('Fr 20:00-24:00; Sa 00:00-03:00', '2026-03-13T23:00:00+08:00');
    expect(status.closesAt?.toISOString()).toBe('2026-03-13T19:00:00.000Z');
  });
});

describe('seasonal hours at their boundaries', () => {
  const BY_MONTH = 'Apr-Oct Tu-Su 08:30-17:00; Nov-Mar Tu-Su 08:30-16:30; Mo off';
  const BY_DAY = 'Mar 15-Nov 14 Tu-Su 08:30-18:00; Nov 15-Mar 14 Tu-Su 09:00-17:30; Mo off';

  it.each([
    ['2026-03-31', '16:30'],
    ['2026-04-01', '17:00'],
    ['2026-10-31', '17:00'],
    ['2026-11-01', '16:30'],
    ['2026-01-15', '16:30'],
  ])('Apr-Oct / Nov-Mar on %s closes at %s', (day, end) => {
    expect(hoursOn(BY_MONTH, day)).toEqual([{ start: '08:30', end }]);
  });

  it.each([
    ['2026-03-14', '09:00', '17:30'],
    ['2026-03-15', '08:30', '18:00'],
    ['2026-11-14', '08:30', '18:00'],
    ['2026-11-15', '09:00', '17:30'],
    ['2025-12-31', '09:00', '17:30'],
  ])('Mar 15-Nov 14 / Nov 15-Mar 14 on %s is %s-%s', (day, start, end) => {
    expect(hoursOn(BY_DAY, day)).toEqual([{ start, end }]);
  });

  it('keeps Monday closed in either season', () => {
    expect(openOn(BY_DAY, '2026-03-16')).toBe(false);
    expect(openOn(BY_MONTH, '2026-11-02')).toBe(false);
  });

  it('a single date like Dec 25 overrides only that day', () => {
    expect(openOn('Mo-Su 09:00-17:00; Dec 25 off', '2026-12-25')).toBe(false);
    expect(openOn('Mo-Su 09:00-17:00; Dec 25 off', '2026-12-26')).toBe(true);
    expect(hoursOn('Jul,Aug 10:00-20:00', '2026-08-31')).toEqual([{ start: '10:00', end: '20:00' }]);
    expect(openOn('Jul,Aug 10:00-20:00', '2026-09-01')).toBe(false);
  });
});

describe('2026 Spring Festival (days off 02-15..02-23, make-up Saturdays 02-14 and 02-28)', () => {
  it('an office open Mo-Fr is open on make-up Saturday 02-14 as a working day', () => {
    expect(hoursOn(OFFICE, '2026-02-14')).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(openOn(OFFICE, '2026-02-28')).toBe(true);
  });

  it('an office stays open on holiday Monday 02-16 unless it says PH off', () => {
    expect(openOn(OFFICE, '2026-02-16')).toBe(true);
    expect(openOn(`${OFFICE}; PH off`, '2026-02-16')).toBe(false);
    expect(openOn(`${OFFICE}; PH off`, '2026-02-24')).toBe(true);
  });

  it('the museum pattern is closed on Monday 02-16 and open on Tuesday 02-17', () => {
    expect(openOn(MUSEUM, '2026-02-16')).toBe(false);
    expect(hoursOn(MUSEUM, '2026-02-17')).toEqual([{ start: '09:00', end: '17:00' }]);
  });

  it('the museum pattern keeps Saturday hours on make-up Saturday 02-28: Mo off does not transfer', () => {
    expect(hoursOn(MUSEUM, '2026-02-28')).toEqual([{ start: '09:00', end: '17:00' }]);
  });

  it('a museum that says PH 09:00-17:00 opens on holiday Monday 02-16', () => {
    expect(hoursOn(`${MUSEUM}; PH 09:00-17:00`, '2026-02-16')).toEqual([{ start: '09:00', end: '17:00' }]);
  });

  it('PH off closes a holiday Tuesday, weekend days of the break included', () => {
    expect(openOn(`${MUSEUM}; PH off`, '2026-02-17')).toBe(false);
    expect(openOn(`${MUSEUM}; PH off`, '2026-02-21')).toBe(false);
  });

  it('Sa,Su,PH gives weekend hours on a holiday weekday', () => {
    const text = 'Mo-Fr 09:00-17:00; Sa,Su,PH 10:00-16:00';
    expect(hoursOn(text, '2026-02-18')).toEqual([{ start: '10:00', end: '16:00' }]);
    expect(hoursOn(text, '2026-02-24')).toEqual([{ start: '09:00', end: '17:00' }]);
  });

  it('Mo-Fr,PH opens on holiday Sunday 02-15 but not on ordinary Sunday 03-01', () => {
    expect(openOn('Mo-Fr,PH 09:00-12:00', '2026-02-15')).toBe(true);
    expect(openOn('Mo-Fr,PH 09:00-12:00', '2026-03-01')).toBe(false);
  });

  it('a later rule for the real weekday overrides working-day hours on a make-up Saturday', () => {
    expect(hoursOn('Mo-Fr 09:00-17:00; Sa 10:00-12:00', '2026-02-14')).toEqual([{ start: '10:00', end: '12:00' }]);
  });

  it('rules naming only some working weekdays do not apply to a make-up Saturday', () => {
    expect(openOn('Mo,We,Fr 10:00-12:00', '2026-02-14')).toBe(false);
  });
});

describe('2026 National Day (days off 10-01..10-07, make-up Sun 09-20 and Sat 10-10)', () => {
  it('an office opens on make-up Sunday 09-20 and make-up Saturday 10-10 but not ordinary Sunday 10-11', () => {
    expect(openOn(OFFICE, '2026-09-20')).toBe(true);
    expect(openOn(OFFICE, '2026-10-10')).toBe(true);
    expect(openOn(`${OFFICE}; PH off`, '2026-10-05')).toBe(false);
    expect(openOn(OFFICE, '2026-10-11')).toBe(false);
  });

  it('the museum is closed at 08:30 on 10-01 and opens at 09:00 local that day', () => {
    expect(iso(statusOf(MUSEUM, '2026-10-01T08:30:00+08:00'))).toEqual({
      state: 'closed',
      opensAt: '2026-10-01T01:00:00.000Z',
      closesAt: undefined,
      calendarCovered: true,
    });
  });

  it('the museum is open at 16:00 on 10-01 and closes at 17:00 local', () => {
    expect(iso(statusOf(MUSEUM, '2026-10-01T16:00:00+08:00'))).toEqual({
      state: 'open',
      opensAt: undefined,
      closesAt: '2026-10-01T09:00:00.000Z',
      calendarCovered: true,
    });
  });

  it('with PH off the museum is closed on 10-01 and next opens on Thursday 10-08', () => {
    expect(statusOf(`${MUSEUM}; PH off`, '2026-10-01T10:00:00+08:00').opensAt?.toISOString()).toBe(
      '2026-10-08T01:00:00.000Z',
    );
  });
});

describe('statusAt in Asia/Shanghai', () => {
  it('reads 2026-03-03T01:30:00Z as 09:30 Tuesday in Shanghai: open until 17:00', () => {
    expect(iso(statusOf(MUSEUM, '2026-03-03T01:30:00Z'))).toMatchObject({
      state: 'open',
      closesAt: '2026-03-03T09:00:00.000Z',
    });
    expect(isOpenAt(parseOpeningHours('Tu 09:30-10:00'), new Date('2026-03-03T01:30:00Z'), calendar)).toBe(true);
    expect(isOpenAt(parseOpeningHours('Tu 09:00-09:30'), new Date('2026-03-03T01:30:00Z'), calendar)).toBe(false);
  });

  it('reads 2026-03-02T16:30:00Z as 00:30 Tuesday, not Monday: closed until 09:00', () => {
    expect(statusOf(MUSEUM, '2026-03-02T16:30:00Z').opensAt?.toISOString()).toBe('2026-03-03T01:00:00.000Z');
  });

  it('is closed at the closing minute itself and open at the opening minute', () => {
    expect(statusOf(MUSEUM, '2026-03-03T17:00:00+08:00').state).toBe('closed');
    expect(statusOf(MUSEUM, '2026-03-03T09:00:00+08:00').state).toBe('open');
  });

  it('finds the next opening across a closed Monday', () => {
    expect(statusOf(MUSEUM, '2026-03-08T18:00:00+08:00').opensAt?.toISOString()).toBe('2026-03-10T01:00:00.000Z');
  });

  it('gives no opensAt when nothing opens within 14 days', () => {
    expect(iso(statusOf('Dec 25 10:00-12:00', '2026-03-03T12:00:00+08:00'))).toEqual({
      state: 'closed',
      opensAt: undefined,
      closesAt: undefined,
      calendarCovered: true,
    });
  });

  it('gives no closesAt for 24/7', () => {
    expect(iso(statusOf('24/7', '2026-03-03T12:00:00+08:00'))).toMatchObject({ state: 'open', closesAt: undefined });
  });

  it('refuses an invalid Date and a malformed day', () => {
    expect(() => statusAt(parseOpeningHours(MUSEUM), new Date('nope'), calendar)).toThrow(RangeError);
    expect(() => hoursOn(MUSEUM, '2026-02-30')).toThrow(RangeError);
    expect(() => hoursOn(MUSEUM, '2026-3-3')).toThrow(RangeError);
  });
});
