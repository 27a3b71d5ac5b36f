import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import { committedContract, openApiText, typesText } from '../../server/openapi/generate.ts';
import { openTestDb } from '../support/engines.ts';
import { buildTestApp } from '../support/http.ts';

describe('the committed API contract', () => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await openTestDb('pglite', 'empty');
    app = await buildTestApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('web/src/lib/api/openapi.json is what the routes declare (else run `npm run api:generate`)', async () => {
    expect(committedContract().openapi).toBe(await openApiText(app));
  });

  it('web/src/lib/api/schema.d.ts is generated from it (else run `npm run api:generate`)', async () => {
    const { openapi, types } = committedContract();
    expect(types).toBe(await typesText(openapi));
  });
});
