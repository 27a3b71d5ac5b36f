import fp from 'fastify-plugin';
import type { Database, Db, Engine } from '../../../db/client.ts';
import { warmUpSpatial } from '../../../db/queries/warm-up.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    engine: Engine;
  }
}

/** How long after listening the embedded engine loads PostGIS's functions. */
const WARM_UP_DELAY_MS = 1000;

/**
 * Exposes the database to routes as `app.db`. The app does not own the connection: whoever opened it
 * (server.ts, a test) closes it, so one database can outlive several app instances. Once the server
 * listens, PostgreSQL's pool opens all its connections in the background (the first burst of requests
 * does not wait for them), and the embedded database loads PostGIS's functions (db/queries/warm-up.ts).
 */
export default fp<{ database: Database }>(
  async (app, { database }) => {
    app.decorate('db', database.db);
    app.decorate('engine', database.engine);
    if (database.engine === 'postgres') {
      app.addHook('onListen', async () => {
        database.openConnections().catch((err: unknown) => app.log.warn({ err }, 'opening the database pool failed'));
      });
    }
    if (database.engine === 'pglite') {
      // A moment after listening, so the start's first answers (/api/health) do not wait behind it.
      let timer: NodeJS.Timeout | undefined;
      app.addHook('onListen', async () => {
        timer = setTimeout(() => {
          warmUpSpatial(database.db).catch((err: unknown) => app.log.warn({ err }, 'PostGIS warm-up failed'));
        }, WARM_UP_DELAY_MS).unref();
      });
      app.addHook('onClose', async () => clearTimeout(timer));
    }
  },
  { name: 'db' },
);
