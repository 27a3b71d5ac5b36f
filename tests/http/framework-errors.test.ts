import { describe, expect, it } from 'vitest';
import type { App } from '../../server/app.ts';
import { withTestApp } from '../support/http.ts';

/** URLs Fastify's router refuses before any route runs answer in Kaimen's error shape (found by the API fuzz). */
describe('URLs the router refuses', () => {
  let app: App;
  withTestApp('pglite', (opened) => ({ app } = opened), { database: 'empty' });

  it('a path parameter longer than any id: 414 PATH_PARAMETER_TOO_LONG', async () => {
    const res = await app.inject({ url: `/api/venues/${'a'.repeat(150)}` });
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual({ error: { code: 'PATH_PARAMETER_TOO_LONG', message: expect.any(String) } });
  });

  it('a path that does not decode: 400 INVALID_URL', async () => {
    const res = await app.inject({ url: '/api/venues/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'INVALID_URL', message: expect.any(String) } });
  });
});
