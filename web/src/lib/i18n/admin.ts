/**
 * The administrators' strings in the page's language. They live beside the main catalogues rather than
 * in them, so `zh-CN.ts`/`en.ts` need not load them for the public map; components read
 * `adminText(i18n.lang)` inside `$derived`, so a language switch follows.
 */
import { adminMessages as en } from './admin.en';
import { adminMessages as zhCN, type AdminMessages } from './admin.zh-CN';
import type { Lang } from './lang';

const catalogues: Record<Lang, AdminMessages> = { 'zh-CN': zhCN, en };

/** The admin strings of a language. */
export function adminText(lang: Lang): AdminMessages {
  return catalogues[lang];
}
