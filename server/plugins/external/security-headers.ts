import fp from 'fastify-plugin';

/**
 * Headers every answer carries, pages and API alike. No framing (the consoles must not be clickjacked),
 * no content sniffing, and no full URL in the Referer (a password-reset link carries its token in the
 * query string). A full Content-Security-Policy is left out for now: MapLibre's workers and SvelteKit's
 * inline start-up script need a policy worked out with them.
 */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
} as const;

export default fp(
  async (app) => {
    app.addHook('onSend', async (_request, reply, payload) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        if (!reply.hasHeader(name)) void reply.header(name, value);
      }
      return payload;
    });
  },
  { name: 'security-headers' },
);
