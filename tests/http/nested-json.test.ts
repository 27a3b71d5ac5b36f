import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { App } from '../../server/app.ts';
import { jsonNestingBeyond, MAX_JSON_DEPTH } from '../../server/plugins/external/json-body.ts';
import { createActor, TEST_PASSWORD, type TestActor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { withTestApp } from '../support/http.ts';
import type { Database } from '../../db/client.ts';

/** Issue 13 row 6: deeply nested JSON answers 400 with a code on every route, never 500. */
const DEEP_ARRAY = '['.repeat(10_240) + ']'.repeat(10_240);
const DEEP_FIELD = `{"email":${DEEP_ARRAY},"password":"x"}`;
const UNBALANCED = '['.repeat(10_240);

describe('jsonNestingBeyond', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonNestingBeyond('[[1]]', 2)).toBe(false);
    expect(jsonNestingBeyond('[[[1]]]', 2)).toBe(true);
    expect(jsonNestingBeyond('{"a":{"b":{}}}', 3)).toBe(false);
    expect(jsonNestingBeyond('{"a":{"b":{"c":[]}}}', 3)).toBe(true);
    expect(jsonNestingBeyond(`{"a":"${'['.repeat(100)}"}`, 2)).toBe(false);
    expect(jsonNestingBeyond(`{"a":"\\"${'{'.repeat(100)}"}`, 2)).toBe(false);
    expect(jsonNestingBeyond('[[],[],[],[]]', 2)).toBe(false);
  });
});

describe.each(testEngines())('deeply nested JSON bodies on %s', (engine) => {
  let app: App;
  let database: Database;
  let admin: TestActor;

  withTestApp(engine, (opened) => ({ app, database } = opened));

  const post = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: string, headers: Record<string, string> = {}) =>
    app.inject({ method, url, payload, headers: { ...headers, 'content-type': 'application/json' } });

  it('answers 400 JSON_TOO_DEEP on the account routes, login included', async () => {
    for (const url of [
      '/api/auth/login',
      '/api/auth/register',
      '/api/auth/password-reset',
      '/api/auth/password-reset/confirm',
    ]) {
      for (const body of [DEEP_ARRAY, DEEP_FIELD, UNBALANCED]) {
        const res = await post('POST', url, body);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
        expect(res.json(), url).toMatchObject({ error: { code: 'JSON_TOO_DEEP' } });
      }
    }
  });

  it('answers 400 JSON_TOO_DEEP on a signed-in write (venue create and edit)', async () => {
    admin = await createActor(database, { role: 'admin' });
    const create = await post('POST', '/api/venues', `{"name_zh":"新馆","kinds":${DEEP_ARRAY}}`, admin.headers);
    expect(create.statusCode, create.body).toBe(400);
    expect(create.json()).toMatchObject({ error: { code: 'JSON_TOO_DEEP' } });
    const edit = await post('PATCH', `/api/venues/${randomUUID()}`, DEEP_ARRAY, admin.headers);
    expect(edit.statusCode, edit.body).toBe(400);
    expect(edit.json()).toMatchObject({ error: { code: 'JSON_TOO_DEEP' } });
  });

  it('never answers 5xx on any write route, as anonymous or as an admin', async () => {
    admin ??= await createActor(database, { role: 'admin' });
    const writes = app.accessTable.filter((route) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(route.method));
    expect(writes.length).toBeGreaterThan(20);
    for (const route of writes) {
      const url = route.url.replace(/:[A-Za-z_]+/g, randomUUID());
      for (const headers of [{}, admin.headers]) {
        const res = await app.inject({
          method: route.method as 'POST',
          url,
          payload: DEEP_FIELD,
          headers: { ...headers, 'content-type': 'application/json' },
        });
        expect(res.statusCode, `${route.method} ${url}: ${res.body}`).toBeLessThan(500);
        expect(res.json<{ error?: { code?: string } }>().error?.code, `${route.method} ${url}`).toMatch(/^[A-Z_]+$/);
      }
    }
  });

  it('still takes ordinary bodies, nested as deep as the limit, and brackets inside strings', async () => {
    const atLimit = '['.repeat(MAX_JSON_DEPTH - 1) + ']'.repeat(MAX_JSON_DEPTH - 1);
    const res = await post('POST', '/api/auth/login', `{"email":"a@b.test","password":${atLimit}}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'INVALID_PASSWORD' } });
    const brackets = await post(
      'POST',
      '/api/auth/login',
      JSON.stringify({ email: 'nobody@b.test', password: `${'['.repeat(100)}${TEST_PASSWORD}` }),
    );
    expect(brackets.statusCode, brackets.body).toBe(401);
  });
});
