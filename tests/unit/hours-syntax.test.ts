import { describe, expect, it } from 'vitest';
import { OpeningHoursSyntaxError, parseOpeningHours } from '../../domain/hours/opening-hours.ts';

/** Parser coverage: what each supported construct becomes, and how unsupported ones are refused. */
const rulesOf = (text: string) => parseOpeningHours(text).rules;
const md = (month: number, day: number) => month * 100 + day;

const refusal = (text: string) => {
  try {
    parseOpeningHours(text);
  } catch (error) {
    if (error instanceof OpeningHoursSyntaxError) return error.reason;
    throw error;
  }
  return 'parsed';
};

describe('parseOpeningHours: selectors', () => {
  it('reads 24/7 as every day, all day', () => {
    expect(rulesOf('24/7')).toEqual([{ additional: false, spans: [{ start: 0, end: 1440 }], closed: false }]);
  });

  it('expands weekday ranges, lists and the wrap-around Sa-Mo, in week order', () => {
    expect(rulesOf('Mo-Fr 09:00-17:00')[0]?.days?.weekdays).toEqual(['Mo', 'Tu', 'We', 'Th', 'Fr']);
    expect(rulesOf('Mo,We,Fr 09:00-17:00')[0]?.days?.weekdays).toEqual(['Mo', 'We', 'Fr']);
    expect(rulesOf('Sa-Mo 10:00-12:00')[0]?.days?.weekdays).toEqual(['Mo', 'Sa', 'Su']);
    expect(rulesOf('Su,Mo-We 10:00-12:00')[0]?.days?.weekdays).toEqual(['Mo', 'Tu', 'We', 'Su']);
  });

  it('combines PH with weekdays in one selector', () => {
    expect(rulesOf('Mo-Fr,PH 09:00-17:00')[0]?.days).toEqual({
      weekdays: ['Mo', 'Tu', 'We', 'Th', 'Fr'],
      publicHoliday: true,
    });
    expect(rulesOf('Sa,Su,PH 10:00-16:00')[0]?.days).toEqual({ weekdays: ['Sa', 'Su'], publicHoliday: true });
    expect(rulesOf('PH off')[0]).toMatchObject({ days: { weekdays: [], publicHoliday: true }, closed: true });
  });

  it.each([
    ['Apr-Oct', [{ from: md(4, 1), to: md(10, 31) }]],
    ['Nov-Mar', [{ from: md(11, 1), to: md(3, 31) }]],
    [
      'Jul,Aug',
      [
        { from: md(7, 1), to: md(7, 31) },
        { from: md(8, 1), to: md(8, 31) },
      ],
    ],
    ['Mar 15-Nov 14', [{ from: md(3, 15), to: md(11, 14) }]],
    ['Nov 15-Mar 14', [{ from: md(11, 15), to: md(3, 14) }]],
    ['Dec 25', [{ from: md(12, 25), to: md(12, 25) }]],
    ['Dec 24-26', [{ from: md(12, 24), to: md(12, 26) }]],
    ['Feb 29', [{ from: md(2, 29), to: md(2, 29) }]],
  ])('reads the month selector %s', (selector, months) => {
    expect(rulesOf(`${selector} 10:00-12:00`)[0]?.months).toEqual(months);
  });

  it('reads a month selector followed by weekdays', () => {
    const [rule] = rulesOf('Mar 15-Nov 14 Tu-Su 08:30-18:00');
    expect(rule?.months).toEqual([{ from: md(3, 15), to: md(11, 14) }]);
    expect(rule?.days?.weekdays).toEqual(['Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']);
    expect(rule?.spans).toEqual([{ start: 510, end: 1080 }]);
  });

  it('opens a selector without times all day, as OSM does', () => {
    expect(rulesOf('Sa,Su')[0]?.spans).toEqual([{ start: 0, end: 1440 }]);
    expect(rulesOf('Dec 25')[0]?.spans).toEqual([{ start: 0, end: 1440 }]);
  });
});

describe('parseOpeningHours: times, modifiers and rule separators', () => {
  it('reads several spans, 24:00 as an end, and ends past midnight as the next day', () => {
    expect(rulesOf('Mo 08:00-12:00,13:00-17:00')[0]?.spans).toEqual([
      { start: 480, end: 720 },
      { start: 780, end: 1020 },
    ]);
    expect(rulesOf('Mo 08:00-12:00, 13:00-17:00')[0]?.spans).toHaveLength(2);
    expect(rulesOf('Fr 18:00-24:00')[0]?.spans).toEqual([{ start: 1080, end: 1440 }]);
    expect(rulesOf('Fr 18:00-02:00')[0]?.spans).toEqual([{ start: 1080, end: 1560 }]);
    expect(rulesOf('Fr 18:00-26:00')[0]?.spans).toEqual([{ start: 1080, end: 1560 }]);
    expect(rulesOf('09:00-17:00')[0]).toMatchObject({ spans: [{ start: 540, end: 1020 }], days: undefined });
  });

  it('marks off, closed and open', () => {
    expect(rulesOf('Mo off')[0]).toMatchObject({ closed: true, spans: [] });
    expect(rulesOf('Mo closed')[0]).toMatchObject({ closed: true, spans: [] });
    expect(rulesOf('Mo-Fr 09:00-17:00 open')[0]).toMatchObject({ closed: false, spans: [{ start: 540, end: 1020 }] });
  });

  it('tells ; rules from , rules, and a , inside a list from a , between rules', () => {
    const rules = rulesOf('Mo-Fr 09:00-12:00,13:00-17:00; Sa 10:00-12:00, Su 14:00-16:00; PH off');
    expect(rules.map((r) => r.additional)).toEqual([false, false, true, false]);
    expect(rules.map((r) => r.days?.weekdays)).toEqual([['Mo', 'Tu', 'We', 'Th', 'Fr'], ['Sa'], ['Su'], []]);
  });

  it('keeps trailing comments as notes, semicolons inside them included', () => {
    const rules = rulesOf('Tu-Su 09:00-17:00 "last entry 16:00; ID needed"; Mo off "闭馆"');
    expect(rules.map((r) => r.comment)).toEqual(['last entry 16:00; ID needed', '闭馆']);
    expect(rules[0]?.spans).toEqual([{ start: 540, end: 1020 }]);
  });

  it('keeps the source text', () => {
    expect(parseOpeningHours('Mo off').source).toBe('Mo off');
  });
});

describe('parseOpeningHours refuses what it does not understand', () => {
  it.each([
    ['', 'opening hours are empty'],
    ['   ', 'opening hours are empty'],
    ['off', 'a rule needs days or times'],
    ['"by appointment"', 'a rule needs days or times'],
    ['Mo-Fr 09:00-17:00;', 'a rule is missing after ";"'],
    ['Mo-Fr 09:00-17:00 || "by appointment"', 'fallback rules ("||") are not supported'],
    ['Mo-Fr 9:00-17:00', 'expected a time as HH:MM, found "9:00"'],
    ['Mo-Fr 09:00', 'expected "-" and an end time (single points in time are not supported)'],
    ['Mo-Fr 09:00+', 'open-ended times like "10:00+" are not supported'],
    ['Mo-Fr 10:00-16:00/01:30', 'repeating times like "10:00-16:00/01:30" are not supported'],
    ['Mo-Fr 09:60-17:00', '"09:60" is not a time'],
    ['Mo 24:00-26:00', 'a span cannot start at 24:00 or later'],
    ['Mo 10:00-10:00', 'a span must not start and end at the same time'],
    ['Mo 10:00-49:00', '"49:00" is not a time'],
    ['Mo 20:00-48:30', 'a span cannot end later than 48:00'],
    ['mo-fr 09:00-17:00', '"mo" is not understood'],
    ['Monday 09:00-17:00', '"Monday" is not understood'],
    ['Mo-Fx 09:00-17:00', 'expected a weekday after "-", found "Fx"'],
    ['Su[1] 10:00-12:00', 'nth-weekday selectors like "Su[1]" are not supported'],
    ['SH off', 'school holidays (SH) are not supported'],
    ['sunrise-sunset', 'variable times (sunrise, sunset, dawn, dusk) are not supported'],
    ['week 01-10 Mo 10:00-12:00', 'week-number selectors are not supported'],
    ['Mo unknown', 'the "unknown" state is not supported'],
    ['Mo 12:00-14:00 off', '"off" with times is not supported: a closing rule closes whole days'],
    ['Mo-Fr 09:00-17:00 Sa', '"Sa" must come before times'],
    ['Mo Jan 10:00-12:00', 'month "Jan" must come before weekdays and times'],
    ['Feb 30', 'Feb has no day 30'],
    ['Mar 15-Nov', 'a range from a day must end at a day, like "Nov 14"'],
    ['Apr-Oct 15', 'a range from a whole month must end at a whole month'],
    ['Dec 26-24', 'a day range inside one month must go forward'],
    ['2026 Dec 25 off', 'expected a time as HH:MM, found "2026"'],
    ['Mo "unclosed', 'the comment has no closing quote'],
    ['24/7 10:00-12:00', 'unexpected "10:00"'],
    ['Mo-Fr 09:00-17:00 PH+1 day', '"PH" must come before times'],
  ])('refuses %j: %s', (text, reason) => {
    expect(refusal(text)).toBe(reason);
  });

  it('says where and in what value, in the message', () => {
    expect(() => parseOpeningHours('Mo-Fr 9:00-17:00')).toThrow(
      'expected a time as HH:MM, found "9:00" (at character 7 of "Mo-Fr 9:00-17:00")',
    );
    expect(() => parseOpeningHours('Mo-Fr 9:00-17:00')).toThrow(OpeningHoursSyntaxError);
  });
});
