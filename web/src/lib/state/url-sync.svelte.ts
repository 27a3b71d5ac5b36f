/**
 * Mirrors page state into the address bar, so a copied link reproduces the view. Writes replace the
 * current history entry (panning the map should not fill the back button) and wait for a pause,
 * because browsers throttle pages that rewrite their URL many times a second.
 */

import { replaceState } from '$app/navigation';
import { page } from '$app/state';

/**
 * Keep the URL's query equal to `read()`. Call during component initialisation.
 * @param read returns the query string without "?"; reactive reads inside it trigger a write
 * @param delayMs pause after the last change before writing
 */
export function syncUrlQuery(read: () => string, delayMs = 300): void {
  $effect(() => {
    const query = read();
    const timer = setTimeout(() => {
      if (location.search.replace(/^\?/, '') === query) return;
      // Only the query changes; the path is the current one, which resolve() cannot add a query to.
      // eslint-disable-next-line svelte/no-navigation-without-resolve
      replaceState(query === '' ? location.pathname : `?${query}`, page.state);
    }, delayMs);
    return () => clearTimeout(timer);
  });
}
