import type { Handle } from '@sveltejs/kit';
import { parseLang } from '$lib/i18n/lang';

/** Writes the page's language into `<html lang>` on the server, so the first paint is already right. */
export const handle: Handle = ({ event, resolve }) => {
  const lang = parseLang(event.url.searchParams.get('lang'));
  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace('<html lang="zh-CN">', `<html lang="${lang}">`),
  });
};
