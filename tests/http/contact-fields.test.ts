import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { venues } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import { createActor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { withTestApp } from '../support/http.ts';

/** Issue 13 row 5: the API refuses websites other than http(s), and malformed phones and emails. */
describe.each(testEngines())('venue contact fields on %s', (engine) => {
  let app: App;
  let database: Database;

  withTestApp(engine, (opened) => ({ app, database } = opened));

  it('refuse javascript:, data: and other non-http(s) websites, and bad phones and emails, on create and edit', async () => {
    const admin = await createActor(database, { role: 'admin' });
    const [{ id } = { id: '' }] = await database.db.select({ id: venues.id }).from(venues).limit(1);
    expect(id).not.toBe('');
    const cases: [Record<string, unknown>, string][] = [
      [{ website: 'javascript:alert(1)' }, 'VALIDATION_FAILED'],
      [{ website: 'JAVASCRIPT:alert(1)' }, 'VALIDATION_FAILED'],
      [{ website: 'data:text/html,<script>alert(1)</script>' }, 'VALIDATION_FAILED'],
      [{ website: 'http://' }, 'VALIDATION_FAILED'],
      [{ website: 'https://[not-a-host' }, 'VALIDATION_FAILED'],
      [{ phone: 'javascript:1' }, 'VALIDATION_FAILED'],
      [{ email: 'javascript:alert(1)//@x' }, 'INVALID_EMAIL'],
      [{ email: 'not-an-email' }, 'INVALID_EMAIL'],
    ];
    for (const [fields, code] of cases) {
      const created = await app.inject({
        method: 'POST',
        url: '/api/venues',
        headers: admin.headers,
        payload: { name_zh: '新馆', kinds: ['museum'], lng: 116.4, lat: 39.9, ...fields },
      });
      expect(created.statusCode, `${JSON.stringify(fields)}: ${created.body}`).toBe(400);
      expect(created.json<{ error: { code: string } }>().error.code, JSON.stringify(fields)).toBe(code);
      const edited = await app.inject({
        method: 'PATCH',
        url: `/api/venues/${id}`,
        headers: admin.headers,
        payload: fields,
      });
      expect(edited.statusCode, `${JSON.stringify(fields)}: ${edited.body}`).toBe(400);
    }
  });
});
