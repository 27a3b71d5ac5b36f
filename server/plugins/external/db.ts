import fp from 'fastify-plugin';
import type { Database, Db, Engine } from '../../../db/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    engine: Engine;
  }
}

/**
 * Exposes the database to routes as `app.db`. The app does not own the connection: whoever opened it
 * (server.ts, a test) closes it, so one database can outlive several app instances.
 */
export default fp<{ database: Database }>(
  async (app, { database }) => {
    app.decorate('db', database.db);
    app.decorate('engine', database.engine);
  },
  { name: 'db' },
);
