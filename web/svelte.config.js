import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // The server imports build/handler.js and mounts it inside Fastify for every non-/api path.
    adapter: adapter({ out: 'build' }),
    // The pure domain layer (vocabularies, the import field list) is shared with the server.
    alias: { $domain: '../domain' },
  },
};

export default config;
