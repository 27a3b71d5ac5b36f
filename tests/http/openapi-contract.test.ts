import { describe, expect, it } from 'vitest';
import type { App } from '../../server/app.ts';
import { committedContract, openApiText, typesText } from '../../server/openapi/generate.ts';
import { withTestApp } from '../support/http.ts';

describe('the committed API contract', () => {
  let app: App;
  withTestApp('pglite', (opened) => ({ app } = opened), { database: 'empty' });

  it('web/src/lib/api/openapi.json is what the routes declare (else run `npm run api:generate`)', async () => {
    expect(committedContract().openapi).toBe(await openApiText(app));
  });

  it('web/src/lib/api/schema.d.ts is generated from it (else run `npm run api:generate`)', async () => {
    const { openapi, types } = committedContract();
    expect(types).toBe(await typesText(openapi));
  });
});
