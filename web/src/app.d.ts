// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    /** Shape of `$page.error`; the API's own errors are shown inline, not through this. */
    interface Error {
      message: string;
      code?: string;
    }
  }

  /**
   * The API in the same process, set by the Fastify server (server/plugins/app/web.ts) when it mounts
   * the built app; `handleFetch` (hooks.server.ts) sends server-side `/api/` requests to it.
   */
  var kaimenApiFetch: ((request: Request) => Promise<Response>) | undefined;

  /**
   * Origins the pages' Content-Security-Policy must also let the map reach (the BASEMAP_STYLE_URL's),
   * set by the Fastify server; `handle` (hooks.server.ts) adds them to connect-src and img-src.
   */
  var kaimenCspMapSources: string[] | undefined;
}

export {};
