import { loadConfig } from '../../server/config.ts';
import { buildApp, type App } from '../../server/app.ts';
import type { Database } from '../../db/client.ts';

/** Builds the API (without the web app) over a test database, for `app.inject`. */
export async function buildTestApp(database: Database, env: NodeJS.ProcessEnv = {}): Promise<App> {
  const app = await buildApp({ database, config: loadConfig(env), web: false });
  await app.ready();
  return app;
}
