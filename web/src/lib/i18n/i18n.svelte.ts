/**
 * The interface language of one page view, behind a context rather than a module-level variable:
 * the server renders pages for many people at once, and each must get their own language.
 */

import { createContext } from 'svelte';
import { ApiError } from '$lib/api/client';
import { messages as en } from './en';
import { DEFAULT_LANG, type Lang } from './lang';
import { messages as zhCN, type Messages } from './zh-CN';

const catalogues: Record<Lang, Messages> = { 'zh-CN': zhCN, en };

/** The current language and its strings; components read `i18n.t.someMessage`. */
export class I18n {
  lang = $state<Lang>(DEFAULT_LANG);
  /** Strings of the current language. */
  t: Messages = $derived(catalogues[this.lang]);

  /** @param lang the language to start in, usually from the URL */
  constructor(lang: Lang = DEFAULT_LANG) {
    this.lang = lang;
  }
}

/** Text to show for a failed request: the server's 4xx message, or our own words for the rest. */
export function apiErrorText(error: unknown, t: Messages): string {
  if (error instanceof ApiError && error.code !== 'NETWORK' && error.code !== 'SERVER') return error.message;
  return error instanceof ApiError && error.code === 'NETWORK' ? t.networkError : t.serverError;
}

/**
 * The page's language, shared through context rather than a module-level variable: the root layout
 * sets it (`setI18nContext(new I18n(lang))`), every component reads it (`getI18nContext()`).
 */
export const [getI18nContext, setI18nContext] = createContext<I18n>();
