import type { Lang } from '$lib/i18n/lang';

const formats = new Map<string, Intl.DateTimeFormat>();

/** An instant as Beijing wall-clock time in the reader's language ("12月3日 09:30"). */
export function beijingTime(iso: string, lang: Lang, withDate = true): string {
  const key = `${lang} ${withDate}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      ...(withDate ? { month: 'short', day: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(key, format);
  }
  return format.format(new Date(iso));
}
