import fp from 'fastify-plugin';

/**
 * Headers every answer carries, pages and API alike. No framing (the consoles must not be clickjacked),
 * no content sniffing, and no full URL in the Referer (a password-reset link carries its token in the
 * query string). Pages get their Content-Security-Policy from SvelteKit (kit.csp in web/svelte.config.js,
 * with a nonce for its start-up script); see docs/SECURITY.md.
 */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
} as const;

/**
 * The API's own policy: its answers are data (JSON, tiles, photos), never a document that runs
 * anything. The interactive docs (/api/docs) set a policy of their own (@fastify/swagger-ui staticCSP).
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * HSTS for answers that came over https: that is, through a trusted proxy saying so (TRUST_PROXY), since
 * Kaimen itself listens on plain http. A year; not includeSubDomains, which is the domain owner's call.
 */
export const HSTS = 'max-age=31536000';

export default fp(
  async (app) => {
    const headers = [...Object.entries(SECURITY_HEADERS), ['content-security-policy', API_CONTENT_SECURITY_POLICY]];
    // A callback hook, not an async one: every answer runs it (docs/PERFORMANCE.md, "Bookings").
    app.addHook('onSend', (request, reply, payload, done) => {
      for (const [name, value] of headers) {
        if (!reply.hasHeader(name!)) void reply.header(name!, value);
      }
      if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
      done(null, payload);
    });
  },
  { name: 'security-headers' },
);
