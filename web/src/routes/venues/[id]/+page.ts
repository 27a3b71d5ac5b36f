import { error } from '@sveltejs/kit';
import { ApiError, createApi } from '$lib/api/client';
import type { Slot } from '$lib/api/types';
import { addDays, shanghaiDate } from '$lib/venue/hours';
import type { PageLoad } from './$types';

/** How far ahead the page lists slots. */
const SLOT_DAYS = 28;

/**
 * The venue and its coming slots, fetched with SvelteKit's `fetch`: on the server that reaches the
 * API in-process (hooks.server.ts), in the browser it is an ordinary request.
 */
export const load: PageLoad = async ({ params, fetch, url }) => {
  const api = createApi({ fetch, baseUrl: url.origin });
  const path = { id: params.id };
  const to = addDays(shanghaiDate(new Date().toISOString()), SLOT_DAYS);
  const [venue, slots] = await Promise.all([
    api.GET('/api/venues/{id}', { params: { path } }).catch((err: unknown) => {
      // A malformed id is as unknown as a well-formed one that matches nothing.
      if (err instanceof ApiError && (err.status === 404 || err.code === 'INVALID_ID')) {
        error(404, { message: '没有找到这个场馆', code: 'VENUE_NOT_FOUND' });
      }
      error(503, { message: '暂时无法读取这个场馆', code: err instanceof ApiError ? err.code : 'SERVER' });
    }),
    // The page is still worth showing without its slots; the section says they could not load.
    api.GET('/api/venues/{id}/slots', { params: { path, query: { to, limit: 100 } } }).then(
      (page): Slot[] | null => page.items,
      () => null,
    ),
  ]);
  return { venue, slots, pageUrl: `${url.origin}${url.pathname}` };
};
