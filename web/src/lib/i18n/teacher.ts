/**
 * A teacher's group booking, the printable confirmation and the school's trips, in the page's language;
 * beside the main catalogues so the public map does not load them. Read `teacherText(i18n.lang)` inside
 * `$derived`.
 */
import type { Lang } from './lang';
import { teacherMessages as en } from './teacher.en';
import { teacherMessages as zhCN, type TeacherMessages } from './teacher.zh-CN';

const catalogues: Record<Lang, TeacherMessages> = { 'zh-CN': zhCN, en };

/** The teacher strings of a language. */
export function teacherText(lang: Lang): TeacherMessages {
  return catalogues[lang];
}
