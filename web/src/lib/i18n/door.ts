/**
 * The door strings in the page's language, beside the main catalogues so the public map does not load
 * them; read `doorText(i18n.lang)` inside `$derived`.
 */
import { doorMessages as en } from './door.en';
import type { Lang } from './lang';
import { doorMessages as zhCN, type DoorMessages } from './door.zh-CN';

const catalogues: Record<Lang, DoorMessages> = { 'zh-CN': zhCN, en };

/** The door strings of a language. */
export function doorText(lang: Lang): DoorMessages {
  return catalogues[lang];
}
