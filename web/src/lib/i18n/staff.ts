/**
 * The venue staff strings in the page's language, beside the main catalogues so the public map does not
 * load them; read `staffText(i18n.lang)` inside `$derived`.
 */
import type { Lang } from './lang';
import { staffMessages as en } from './staff.en';
import { staffMessages as zhCN, type StaffMessages } from './staff.zh-CN';

const catalogues: Record<Lang, StaffMessages> = { 'zh-CN': zhCN, en };

/** The staff strings of a language. */
export function staffText(lang: Lang): StaffMessages {
  return catalogues[lang];
}
