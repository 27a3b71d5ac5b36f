import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  ssr: {
    // SvelteKit needs cookie@0.6, but the repo root hoists fastify's cookie@2 (another API).
    // Bundling it makes the build resolve SvelteKit's own copy instead of whatever is hoisted.
    noExternal: ['cookie'],
  },
  build: {
    // MapLibre alone is ~1 MB minified; it is loaded lazily, so only warn about chunks beyond it.
    chunkSizeWarningLimit: 1100,
  },
  server: {
    // In dev the API runs as its own process; in production Fastify serves both on one port.
    // KAIMEN_DEV_API lets a second copy of the API on another port be used.
    proxy: { '/api': process.env.KAIMEN_DEV_API ?? 'http://127.0.0.1:3000' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
