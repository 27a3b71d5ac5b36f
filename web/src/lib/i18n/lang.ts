/** Interface languages: Chinese is the default and is left out of URLs. */
export const LANGS = ['zh-CN', 'en'] as const;

/** One interface language, as written in `<html lang>`. */
export type Lang = (typeof LANGS)[number];

/** The language of a fresh visit. */
export const DEFAULT_LANG: Lang = 'zh-CN';

/** The language a `lang` query value asks for; anything unknown means the default. */
export function parseLang(value: string | null | undefined): Lang {
  return value === 'en' ? 'en' : DEFAULT_LANG;
}
