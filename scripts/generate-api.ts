/**
 * `npm run api:generate`: writes the OpenAPI document and the web client's types from the routes.
 * Builds the app over an in-memory embedded database (routes need one to register; none is queried).
 */
import { writeFileSync } from 'node:fs';
import { createDb } from '../db/client.ts';
import { readTemplate } from '../seeds/template.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { OPENAPI_FILE, TYPES_FILE, openApiText, typesText } from '../server/openapi/generate.ts';

const database = await createDb({ loadDataDir: readTemplate('empty') });
try {
  const app = await buildApp({ database, config: loadConfig({}), web: false });
  await app.ready();
  const openapi = await openApiText(app);
  writeFileSync(OPENAPI_FILE, openapi);
  writeFileSync(TYPES_FILE, await typesText(openapi));
  await app.close();
  console.log(`wrote ${OPENAPI_FILE}\nwrote ${TYPES_FILE}`);
} finally {
  await database.close();
}
