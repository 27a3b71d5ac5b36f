import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Where the map's base layers come from besides this server: OpenFreeMap's style, tiles, sprites and
 * glyphs (web/src/lib/map/basemap.ts). The offline style is served by Kaimen itself. A BASEMAP_STYLE_URL
 * on another host is added to connect-src and img-src at run time (web/src/hooks.server.ts).
 */
const MAP_SOURCES = ['https://tiles.openfreemap.org'];

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // The server imports build/handler.js and mounts it inside Fastify for every non-/api path.
    adapter: adapter({ out: 'build' }),
    // The pure domain layer (vocabularies, the import field list) is shared with the server.
    alias: { $domain: '../domain' },
    // A Content-Security-Policy on every page (docs/SECURITY.md). SvelteKit adds a nonce (pages it
    // renders) or a hash (prerendered ones) for its inline start-up script; MapLibre starts its workers
    // from blob: URLs and fetches tiles, sprites and glyphs; Svelte sets some style attributes, so
    // inline styles are allowed (scripts are not).
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:', ...MAP_SOURCES],
        'font-src': ['self', 'data:'],
        'connect-src': ['self', ...MAP_SOURCES],
        'worker-src': ['self', 'blob:'],
        'child-src': ['self', 'blob:'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
