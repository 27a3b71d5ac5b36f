/**
 * `npm run db:migrate`: applies pending migrations to the database DATABASE_URL names (or to the
 * embedded one when it is unset). The embedded engine also migrates itself at start.
 */
import { createDb } from '../db/client.ts';
import { loadConfig } from '../server/config.ts';

const config = loadConfig();
const database = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await database.migrate();
  console.log(`migrations applied (${database.engine})`);
} finally {
  await database.close();
}
