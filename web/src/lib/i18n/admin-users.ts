/**
 * The accounts page's strings (/admin/users) in the page's language, beside the main catalogues so the
 * public map does not load them; read `adminUsersText(i18n.lang)` inside `$derived`.
 */
import { adminUsersMessages as en } from './admin-users.en';
import { adminUsersMessages as zhCN, type AdminUsersMessages } from './admin-users.zh-CN';
import type { Lang } from './lang';

const catalogues: Record<Lang, AdminUsersMessages> = { 'zh-CN': zhCN, en };

export function adminUsersText(lang: Lang): AdminUsersMessages {
  return catalogues[lang];
}
