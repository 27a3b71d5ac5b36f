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

/**
 * A same-site link that keeps the interface language: `lang=en` added to (or replaced in) its query,
 * or taken out for the default, so the link and a reload open the page in the same language. The
 * path, the rest of the query and the fragment stay as they were.
 */
export function withLang(href: string, lang: Lang): string {
  const hashAt = href.indexOf('#');
  const hash = hashAt >= 0 ? href.slice(hashAt) : '';
  const beforeHash = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  const params = new URLSearchParams(queryAt >= 0 ? beforeHash.slice(queryAt + 1) : '');
  if (lang === DEFAULT_LANG) params.delete('lang');
  else params.set('lang', lang);
  const query = params.toString();
  return `${path}${query ? `?${query}` : ''}${hash}`;
}

/** The query to append to a resolved path so the link opens in this language: `?lang=en` or nothing. */
export function langQuery(lang: Lang): string {
  return lang === DEFAULT_LANG ? '' : `?lang=${lang}`;
}
