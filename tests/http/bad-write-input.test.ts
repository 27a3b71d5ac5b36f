import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import { testEngines } from '../support/engines.ts';
import { seededRandom } from '../support/random.ts';
import { freshWorld, RULES, snapshotTables, type Call, withWriteRoutesApp } from '../support/write-routes.ts';

/** Values that break a field of almost any type. */
const NASTY: unknown[] = [
  null,
  '',
  ' ',
  -1,
  0,
  1.5,
  '1e309',
  'NaN',
  'x'.repeat(5000),
  '馆'.repeat(300),
  "' OR 1=1 --",
  '\u0000',
  [],
  [null],
  {},
  { $gt: '' },
  true,
  '2026-02-30',
  '25:61',
  '00000000-0000-0000-0000-000000000000',
];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/**
 * Every write route, called by a caller it allows with its valid call bent out of shape: a field set to a
 * nasty value, a field dropped, an unknown field, a body that is not an object, an id that is malformed or
 * names nothing. None may answer 5xx; every 4xx carries a stable code and leaves every table as it was.
 */
describe.each(testEngines())('bad input on write routes on %s', (engine) => {
  let database: Database;
  let app: App;
  let schoolId: string;
  withWriteRoutesApp(engine, (opened) => ({ database, app, schoolId } = opened));

  /** The ways one valid call is bent, chosen with a seeded generator so a failure can be replayed. */
  function mutations(call: Call, random: () => number): { what: string; call: Call }[] {
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const out: { what: string; call: Call }[] = [];
    if (UUID.test(call.url)) {
      out.push({ what: 'malformed id', call: { ...call, url: call.url.replace(UUID, 'not-a-uuid') } });
      out.push({ what: 'unknown id', call: { ...call, url: call.url.replace(UUID, randomUUID()) } });
    }
    const body = call.payload;
    if (body !== undefined && typeof body === 'object' && !Buffer.isBuffer(body)) {
      const keys = Object.keys(body);
      for (let i = 0; i < 10 && keys.length > 0; i++) {
        const key = pick(keys);
        const value = pick(NASTY);
        out.push({
          what: `${key}=${JSON.stringify(value)?.slice(0, 40)}`,
          call: { ...call, payload: { ...body, [key]: value } },
        });
      }
      for (const key of keys) {
        const rest: Record<string, unknown> = { ...body };
        delete rest[key];
        out.push({ what: `without ${key}`, call: { ...call, payload: rest } });
      }
      out.push({ what: 'unknown field', call: { ...call, payload: { ...body, surprise: 1 } } });
    }
    if (!call.headers?.['content-type']) {
      out.push({
        what: 'array body',
        call: { ...call, payload: '[1,2]', headers: { 'content-type': 'application/json' } },
      });
      out.push({
        what: 'broken JSON',
        call: { ...call, payload: '{"a":', headers: { 'content-type': 'application/json' } },
      });
    }
    return out;
  }

  it.each(Object.keys(RULES))('%s: bent calls answer 4xx with a code and change nothing', async (route) => {
    const rule = RULES[route]!;
    const method = route.split(' ')[0] as 'POST' | 'PATCH' | 'DELETE';
    const actor = rule.allowed.find((a) => a !== 'anonymous')!;
    const random = seededRandom(route.length * 7919);
    const fresh = await freshWorld(database, schoolId);
    const valid = await rule.call(fresh, actor);
    // A bent call that happens to be valid may use up the fixtures (approve the pending venue): the
    // calls after it then meet a conflict, which is still a 4xx with a code.
    for (const { what, call } of mutations(valid, random)) {
      const before = await snapshotTables(database.db);
      const res = await app.inject({
        method,
        url: call.url,
        headers: { ...fresh.actors[actor].headers, ...call.headers },
        ...(call.payload === undefined ? {} : { payload: call.payload }),
      });
      expect(res.statusCode, `${route} ${what}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      if (res.statusCode >= 400) {
        expect(res.json<{ error: { code: string } }>().error.code, `${route} ${what}`).toMatch(/^[A-Z][A-Z_]+$/);
        expect(await snapshotTables(database.db), `${route} ${what} left a change behind`).toEqual(before);
      }
    }
  });
});
