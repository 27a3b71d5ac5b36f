import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import { Errors } from '../../errors.ts';
import { HSTS, SECURITY_HEADERS } from '../external/security-headers.ts';

/**
 * The address of the client whose page is being rendered, so that the API calls of its server-side
 * render are made as that client (rate limits, the dev mailbox's loopback check) and not as 127.0.0.1.
 */
const renderingFor = new AsyncLocalStorage<{ ip: string }>();

/** The origin of an absolute BASEMAP_STYLE_URL, for the pages' connect-src and img-src. */
export function mapSources(styleUrl: string | undefined): string[] {
  if (!styleUrl || !/^https?:\/\//.test(styleUrl)) return [];
  return [new URL(styleUrl).origin];
}

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

declare global {
  /**
   * How the web app's server-side rendering reaches the API in the same process: SvelteKit's
   * `handleFetch` (web/src/hooks.server.ts) hands `/api/` requests here instead of to the network.
   */
  var kaimenApiFetch: ((request: Request) => Promise<Response>) | undefined;
  /** Origins the pages' Content-Security-Policy adds for the base map (web/src/hooks.server.ts). */
  var kaimenCspMapSources: string[] | undefined;
}

/**
 * Serves the built SvelteKit app (adapter-node's handler) for every GET/HEAD path outside /api, so one
 * process and one port carry both. Without a build the API still runs and pages answer 503 saying how
 * to build.
 */
export default fp<{ buildDir: string }>(
  async (app, { buildDir }) => {
    const handlerFile = join(buildDir, 'handler.js');
    const handler: NodeHandler | undefined = existsSync(handlerFile)
      ? ((await import(pathToFileURL(handlerFile).href)) as { handler: NodeHandler }).handler
      : undefined;
    if (!handler) app.log.warn({ buildDir }, 'web app is not built: run `npm run build`');

    globalThis.kaimenApiFetch = async (request) => {
      const url = new URL(request.url);
      const res = await app.inject({
        method: request.method as 'GET',
        remoteAddress: renderingFor.getStore()?.ip ?? '127.0.0.1',
        url: url.pathname + url.search,
        headers: Object.fromEntries(request.headers),
        ...(request.body ? { payload: Buffer.from(await request.arrayBuffer()) } : {}),
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
      }
      return new Response(res.statusCode === 204 || res.statusCode === 304 ? null : res.rawPayload, {
        status: res.statusCode,
        headers,
      });
    };
    // A base map on another host (BASEMAP_STYLE_URL) must be reachable under the pages' policy.
    globalThis.kaimenCspMapSources = mapSources(app.config.basemapStyleUrl);
    app.addHook('onClose', async () => {
      globalThis.kaimenApiFetch = undefined;
      globalThis.kaimenCspMapSources = undefined;
    });

    app.route({
      method: ['GET', 'HEAD'],
      url: '/*',
      schema: { hide: true },
      handler: async (request, reply) => {
        if (request.url === '/api' || request.url.startsWith('/api/')) throw Errors.routeNotFound();
        if (!handler) {
          return reply
            .code(503)
            .type('text/plain; charset=utf-8')
            .send('The web app is not built yet: run `npm run build`.');
        }
        reply.hijack();
        // A hijacked reply skips Fastify's onSend hooks, so the pages get their security headers here.
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.raw.setHeader(name, value);
        if (request.protocol === 'https') reply.raw.setHeader('strict-transport-security', HSTS);
        renderingFor.run({ ip: request.ip }, () =>
          handler(request.raw, reply.raw, () => {
            reply.raw.statusCode = 404;
            reply.raw.end('Not found');
          }),
        );
      },
    });
  },
  { name: 'web' },
);
