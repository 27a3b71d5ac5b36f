import { describe, expect, it } from 'vitest';
import { visitMessages as en } from '$lib/i18n/visit.en';
import { visitMessages as zh } from '$lib/i18n/visit.zh-CN';
import { clausesOf, summariseHours } from './hours-words';

/** The hours in words in both languages, or null when the value is not understood. */
function words(text: string | null): { zh: string; en: string } | null {
  const summary = summariseHours(text);
  return summary && { zh: zh.hoursInWords(summary), en: en.hoursInWords(summary) };
}

describe('hours in words', () => {
  it('reads the museum week: open Tuesday to Sunday, closed Monday', () => {
    expect(words('Tu-Su 09:00-17:00; Mo off')).toEqual({
      zh: '周二至周日 09:00–17:00，周一闭馆',
      en: 'Tue–Sun 09:00–17:00, closed Mon',
    });
    expect(words('We-Su 09:00-16:30; Mo,Tu off')).toEqual({
      zh: '周三至周日 09:00–16:30，周一、周二闭馆',
      en: 'Wed–Sun 09:00–16:30, closed Mon, Tue',
    });
  });

  it('says daily for every day alike, and open 24 hours for 24/7', () => {
    expect(words('Mo-Su 08:00-18:00')).toEqual({ zh: '每天 08:00–18:00', en: 'Daily 08:00–18:00' });
    expect(words('24/7')).toEqual({ zh: '每天 全天开放', en: 'Daily open 24 hours' });
  });

  it('groups days with the same spans, in weekday order, with split days and weekends', () => {
    expect(words('Mo-Fr 09:00-12:00,14:00-17:00; Sa,Su 10:00-16:00')).toEqual({
      zh: '周一至周五 09:00–12:00、14:00–17:00，周六、周日 10:00–16:00',
      en: 'Mon–Fri 09:00–12:00, 14:00–17:00, Sat, Sun 10:00–16:00',
    });
    expect(words('Mo,We-Fr 09:00-17:00')).toEqual({
      zh: '周一、周三至周五 09:00–17:00，周二、周六、周日闭馆',
      en: 'Mon, Wed–Fri 09:00–17:00, closed Tue, Sat, Sun',
    });
  });

  it('names whole-month seasons and joins a season over the new year', () => {
    expect(words('Apr-Oct Tu-Su 08:30-17:00; Nov-Mar Tu-Su 08:30-16:30; Mo off')).toEqual({
      zh: '4月至10月：周二至周日 08:30–17:00，周一闭馆；11月至3月：周二至周日 08:30–16:30，周一闭馆',
      en: 'Apr–Oct: Tue–Sun 08:30–17:00, closed Mon; Nov–Mar: Tue–Sun 08:30–16:30, closed Mon',
    });
  });

  it('names seasons that start and end mid-month by their days', () => {
    expect(words('Mar 15-Nov 14 Tu-Su 08:30-18:00; Nov 15-Mar 14 Tu-Su 09:00-17:30; Mo off')).toEqual({
      zh: '3月15日至11月14日：周二至周日 08:30–18:00，周一闭馆；11月15日至3月14日：周二至周日 09:00–17:30，周一闭馆',
      en: '15 Mar – 14 Nov: Tue–Sun 08:30–18:00, closed Mon; 15 Nov – 14 Mar: Tue–Sun 09:00–17:30, closed Mon',
    });
  });

  it('leaves out seasons a later rule makes identical', () => {
    expect(words('Tu-Su 09:00-17:00; Jul-Aug Tu-Su 09:00-17:00; Mo off')).toEqual({
      zh: '周二至周日 09:00–17:00，周一闭馆',
      en: 'Tue–Sun 09:00–17:00, closed Mon',
    });
  });

  it('adds what the value says about public holidays', () => {
    expect(words('Tu-Su 09:00-17:00; Mo off; PH off')).toEqual({
      zh: '周二至周日 09:00–17:00，周一闭馆；法定节假日闭馆',
      en: 'Tue–Sun 09:00–17:00, closed Mon; closed on public holidays',
    });
    expect(words('Mo-Fr 09:00-17:00; PH 10:00-15:00')?.zh).toBe(
      '周一至周五 09:00–17:00，周六、周日闭馆；法定节假日 10:00–15:00',
    );
  });

  it('keeps a comment and reads a value that closes every day as closed', () => {
    expect(summariseHours('Mo-Fr 09:00-17:00 "by appointment"')?.comment).toBe('by appointment');
    expect(words('Mo-Su off')).toEqual({ zh: '闭馆', en: 'Closed' });
  });

  it('answers null for missing or unparseable hours, so the page says unknown', () => {
    expect(summariseHours(null)).toBeNull();
    expect(summariseHours('')).toBeNull();
    expect(summariseHours('sometimes, ask')).toBeNull();
  });

  it('cuts a line into whole clauses, never inside a time', () => {
    expect(clausesOf('4月至10月：周二至周日 08:30–17:00，周一闭馆')).toEqual([
      '4月至10月：',
      '周二至周日 08:30–17:00，',
      '周一闭馆',
    ]);
    expect(clausesOf('Apr–Oct: Tue–Sun 08:30–17:00, closed Mon')).toEqual([
      'Apr–Oct:',
      ' ',
      'Tue–Sun 08:30–17:00,',
      ' ',
      'closed Mon',
    ]);
  });
});
