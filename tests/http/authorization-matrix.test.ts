import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import { testEngines } from '../support/engines.ts';
import { ACTORS, freshWorld, RULES, snapshotTables, withWriteRoutesApp } from '../support/write-routes.ts';

/**
 * Every write route × every kind of caller, against the allow or deny each route declares in
 * tests/support/write-routes.ts. The list of routes comes from the app itself (`app.accessTable`), so a
 * new write route without an entry there fails the first test. Allowed calls must succeed (2xx); denied
 * ones answer 401 for anonymous callers and 403 for signed-in ones, and change nothing: every table a
 * write may touch has the same digest before and after.
 */

describe.each(testEngines())('authorisation matrix on %s', (engine) => {
  let database: Database;
  let app: App;
  let schoolId: string;
  withWriteRoutesApp(engine, (opened) => ({ database, app, schoolId } = opened));

  it('has a rule for every write route the app registers, and no rule for a route that does not exist', () => {
    const writes = app.accessTable.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
    expect(
      writes.filter((route) => !(route in RULES)),
      'write routes without an expected rule',
    ).toEqual([]);
    expect(
      Object.keys(RULES).filter((route) => !writes.includes(route)),
      'rules for unknown routes',
    ).toEqual([]);
  });

  it.each(Object.keys(RULES))('%s: allowed callers succeed, every other caller is refused', async (route) => {
    const rule = RULES[route]!;
    const method = route.split(' ')[0] as 'POST' | 'PATCH' | 'DELETE';
    const results: string[] = [];
    // Each caller calls once per route, so one set of callers serves the route (a login or logout ends
    // only the caller's own session).
    const world = await freshWorld(database, schoolId);
    for (const actor of ACTORS) {
      const call = await rule.call(world, actor);
      const auth = actor === 'anonymous' ? {} : world.actors[actor].headers;
      const before = await snapshotTables(database.db);
      const calledAt = new Date(Date.now() - 1000);
      const res = await app.inject({
        method,
        url: call.url,
        headers: { ...auth, ...call.headers },
        // Each caller from its own address, as people are: eleven callers would meet the per-address
        // limit of password-reset requests (ten a quarter hour) from one.
        remoteAddress: `10.0.${ACTORS.indexOf(actor)}.1`,
        ...(call.payload === undefined ? {} : { payload: call.payload }),
      });
      const allowed = rule.allowed.includes(actor);
      // An allowed import runs on in the background: let it finish, or its progress would read as the
      // next caller's change.
      if (allowed) await importsSettled(database, calledAt);
      const after = await snapshotTables(database.db);
      if (!allowed) expect(after, `${actor} changed data`).toEqual(before);
      // The digest does see writes: every allowed call changes something (a reset for an unknown email aside).
      else if (route !== 'POST /api/auth/password-reset') expect(after, `${actor} changed nothing`).not.toEqual(before);
      const expected = allowed ? '2xx' : actor === 'anonymous' ? '401' : '403';
      const got = res.statusCode < 300 ? '2xx' : String(res.statusCode);
      results.push(`${actor}: ${got}${got === expected ? '' : ` (expected ${expected}: ${res.body.slice(0, 160)})`}`);
    }
    const wrong = results.filter((line) => line.includes('expected'));
    expect(wrong, results.join('\n')).toEqual([]);
  });
});

/** Waits (up to 30 s) until no import job started since `since` is queued or running. */
async function importsSettled(database: Database, since: Date): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const [row] = await queryRows<{ busy: number }>(
      database.db,
      sql`SELECT count(*)::int AS busy FROM import_jobs WHERE status IN ('queued', 'running') AND created_at >= ${since.toISOString()}::timestamptz`,
    );
    if (!row || row.busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
