import type { Handle, HandleFetch } from '@sveltejs/kit';
import { parseLang } from '$lib/i18n/lang';
import { withSources } from '$lib/security/csp';

/** Response headers the API client reads (openapi-fetch: is there a body to parse?). */
const CLIENT_READ_HEADERS = new Set(['content-length', 'transfer-encoding']);

/**
 * Writes the page's language into `<html lang>` on the server, so the first paint is already right.
 * SvelteKit refuses to let a load function read a response header it would not also serialise into
 * the page for hydration, so the headers the API client reads are serialised too.
 */
export const handle: Handle = async ({ event, resolve }) => {
  const lang = parseLang(event.url.searchParams.get('lang'));
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('<html lang="zh-CN">', `<html lang="${lang}">`),
    filterSerializedResponseHeaders: (name) => CLIENT_READ_HEADERS.has(name),
  });
  const extra = globalThis.kaimenCspMapSources;
  const policy = response.headers.get('content-security-policy');
  if (policy && extra?.length) {
    response.headers.set('content-security-policy', withSources(policy, ['connect-src', 'img-src'], extra));
  }
  return response;
};

/**
 * Server-side loads call the API in the same process (server/plugins/app/web.ts sets
 * `kaimenApiFetch`) rather than over the network: no socket, no port to know, and the same answer a
 * browser would get. Under `vite dev` there is no in-process API, and SvelteKit's own fetch would
 * answer a same-origin `/api/` request itself (with a 404), so it goes out over HTTP through the
 * dev server's proxy instead.
 */
export const handleFetch: HandleFetch = ({ request, fetch }) => {
  if (!new URL(request.url).pathname.startsWith('/api/')) return fetch(request);
  const apiFetch = globalThis.kaimenApiFetch;
  return apiFetch ? apiFetch(request) : globalThis.fetch(request);
};
