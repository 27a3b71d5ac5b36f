import { error } from '@sveltejs/kit';
import { ApiError, createApi } from '$lib/api/client';
import type { Slot } from '$lib/api/types';
import { parseLngLat } from '$lib/state/url-state';
import { shanghaiDate } from '$lib/venue/hours';
import { WHATS_ON_RADIUS_M, whatsOnDates } from '$lib/whats-on/whats-on';
import type { PageLoad } from './$types';

/** Pages of `/api/slots` read at most: enough for a city's week, bounded for the page's size. */
const MAX_PAGES = 3;
const PAGE_SIZE = 200;

/**
 * The week's slots from now, near `near=lng,lat` when the link gives a place (the home page passes
 * the chosen place or the map's centre, and `place=` its name), in time order. Rendered on the
 * server; "today" is the server's Shanghai date, so the rendered and hydrated pages agree.
 */
export const load: PageLoad = async ({ fetch, url }) => {
  const api = createApi({ fetch, baseUrl: url.origin });
  const near = parseLngLat(url.searchParams.get('near'));
  const placeName = url.searchParams.get('place')?.trim().slice(0, 60) || null;
  const dates = whatsOnDates(shanghaiDate(new Date().toISOString()));
  const query = {
    to: dates.at(-1)!,
    limit: PAGE_SIZE,
    ...(near && { near: `${near[0]},${near[1]}`, radius_m: WHATS_ON_RADIUS_M }),
  };

  const slots: Slot[] = [];
  let cursor: string | null = null;
  try {
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const answer: { items: Slot[]; next_cursor: string | null } = await api.GET('/api/slots', {
        params: { query: { ...query, ...(cursor && { cursor }) } },
      });
      slots.push(...answer.items);
      cursor = answer.next_cursor;
      if (!cursor) break;
    }
  } catch (err) {
    error(503, { message: '暂时无法读取活动安排', code: err instanceof ApiError ? err.code : 'SERVER' });
  }
  return { dates, slots, more: cursor !== null, near, placeName };
};
