/**
 * The school console's and the bureau's school strings in the page's language, beside the main
 * catalogues so the public map does not load them; read `schoolText(i18n.lang)` inside `$derived`.
 */
import { schoolMessages as en } from './school.en';
import { schoolMessages as zhCN, type SchoolMessages } from './school.zh-CN';
import type { Lang } from './lang';

const catalogues: Record<Lang, SchoolMessages> = { 'zh-CN': zhCN, en };

/** The school strings of a language. */
export function schoolText(lang: Lang): SchoolMessages {
  return catalogues[lang];
}
