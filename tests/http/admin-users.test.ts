import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import { createActor, TEST_PASSWORD, type TestActor } from '../support/accounts.ts';
import { messagesTo } from '../support/commands.ts';
import { testEngines } from '../support/engines.ts';
import { injectAs, withTestApp } from '../support/http.ts';

interface Account {
  id: string;
  email: string;
  role: string;
  region: { prefix: string; name: string } | null;
  deactivated_at: string | null;
}

describe.each(testEngines())('account administration over HTTP on %s', (engine) => {
  let app: App;
  let database: Database;
  // A database of its own: accounts are made, deactivated and counted (admins) for real.
  withTestApp(engine, (opened) => ({ app, database } = opened), { database: 'private' });

  const login = (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const me = (actor: TestActor) => injectAs(app, actor, 'GET', '/api/me');

  it('lists and searches accounts by email or name, role and status, page by page; admins only', async () => {
    const admin = await createActor(database, { role: 'admin' });
    const tag = `srch${Date.now()}`;
    for (let i = 0; i < 3; i++) await createActor(database, { role: 'parent', name: `家长 ${tag} ${i}` });
    await createActor(database, { role: 'bureau', regionPrefix: '110101', name: `教育局 ${tag}` });
    const list = (query: string) => injectAs(app, admin, 'GET', `/api/admin/users?${query}`);

    const found = await list(`q=${encodeURIComponent(tag.toUpperCase())}`);
    expect(found.statusCode).toBe(200);
    expect(found.json<{ items: Account[] }>().items).toHaveLength(4);
    const bureau = await list(`q=${tag}&role=bureau`);
    expect(bureau.json<{ items: Account[] }>().items).toEqual([
      expect.objectContaining({ role: 'bureau', region: { prefix: '110101', name: '东城区' }, deactivated_at: null }),
    ]);
    // Two pages of two, in email order, with nothing repeated.
    const first = (await list(`q=${tag}&limit=2`)).json<{ items: Account[]; next_cursor: string }>();
    const second = (await list(`q=${tag}&limit=2&cursor=${encodeURIComponent(first.next_cursor)}`)).json<{
      items: Account[];
      next_cursor: string | null;
    }>();
    const emails = [...first.items, ...second.items].map((a) => a.email);
    expect(emails).toEqual([...emails].sort());
    expect(new Set(emails).size).toBe(4);
    expect(second.next_cursor).toBeNull();
    // A cursor of another search, a wildcard that must match itself, a role that does not exist.
    expect((await list(`q=other&cursor=${encodeURIComponent(first.next_cursor)}`)).json()).toMatchObject({
      error: { code: 'INVALID_CURSOR' },
    });
    expect((await list('q=%25%25%25_')).json<{ items: Account[] }>().items).toEqual([]);
    expect((await list('role=king')).statusCode).toBe(400);

    const bureauActor = await createActor(database, { role: 'bureau' });
    expect((await injectAs(app, bureauActor, 'GET', '/api/admin/users')).statusCode).toBe(403);
    expect((await injectAs(app, undefined, 'GET', '/api/admin/users')).statusCode).toBe(401);
  });

  it('invites a bureau officer with a region chosen by name; the link sets the password and the officer signs in with that region', async () => {
    const admin = await createActor(database, { role: 'admin' });
    // The region as the page finds it: by name, through /api/districts.
    const districts = await app.inject({ url: `/api/districts?q=${encodeURIComponent('深圳')}` });
    const shenzhen = districts.json<{ items: { adcode: string; level: string }[] }>().items[0]!;
    expect(shenzhen.level).toBe('city');
    const email = `Officer-${Date.now()}@Test.Kaimen`;
    const invited = await injectAs(app, admin, 'POST', '/api/admin/users/invitations', {
      email,
      display_name: '深圳市教育局 王老师',
      role: 'bureau',
      region_adcode: shenzhen.adcode,
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json<Account>()).toMatchObject({
      email: email.toLowerCase(),
      role: 'bureau',
      region: { prefix: '4403', name: '深圳市' },
    });
    const again = await injectAs(app, admin, 'POST', '/api/admin/users/invitations', {
      email,
      display_name: 'x',
      role: 'admin',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'ACCOUNT_EXISTS' } });

    const [message] = await messagesTo(database.db, email.toLowerCase());
    const link = (message!.data as { link: string }).link;
    expect(link).toContain('/reset-password?token=');
    const token = new URL(link).searchParams.get('token')!;
    // Nobody can sign in before the link was used: the account's password is a random one nobody knows.
    expect((await login(email, TEST_PASSWORD)).statusCode).toBe(401);
    const set = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'a bureau officer passphrase' },
    });
    expect(set.statusCode).toBe(204);
    const signedIn = await login(email, 'a bureau officer passphrase');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ role: 'bureau' });

    const bad = await injectAs(app, admin, 'POST', '/api/admin/users/invitations', {
      email: `x-${Date.now()}@test.kaimen`,
      display_name: 'x',
      role: 'bureau',
      region_adcode: '000000',
    });
    expect(bad.json()).toMatchObject({ error: { code: 'REGION_NOT_FOUND' } });
    const parentRole = await injectAs(app, admin, 'POST', '/api/admin/users/invitations', {
      email: `y-${Date.now()}@test.kaimen`,
      display_name: 'y',
      role: 'parent',
    });
    expect(parentRole.statusCode).toBe(400);
  });

  it('a role change takes effect on the next request; the audit log shows it to admins', async () => {
    const admin = await createActor(database, { role: 'admin' });
    const person = await createActor(database, { role: 'parent' });
    expect((await injectAs(app, person, 'GET', '/api/audit')).statusCode).toBe(403);
    const changed = await injectAs(app, admin, 'PATCH', `/api/admin/users/${person.user.id}`, {
      role: 'bureau',
      region_adcode: '110000',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<Account>().region).toEqual({ prefix: '11', name: '北京市' });
    expect((await injectAs(app, person, 'GET', '/api/audit')).statusCode).toBe(200);
    const audit = await injectAs(app, admin, 'GET', `/api/audit?entity_type=user&entity_id=${person.user.id}`);
    expect(audit.json<{ items: { action: string }[] }>().items.map((e) => e.action)).toEqual(['user.role_change']);
    const self = await injectAs(app, admin, 'PATCH', `/api/admin/users/${admin.user.id}`, { role: 'parent' });
    expect(self.json()).toMatchObject({ error: { code: 'NOT_YOURSELF' } });
    const missing = await injectAs(app, admin, 'PATCH', `/api/admin/users/${crypto.randomUUID()}`, { role: 'parent' });
    expect(missing.json()).toMatchObject({ error: { code: 'USER_NOT_FOUND' } });
  });

  it('deactivating ends the account’s sessions at once and refuses its sign-in; reactivating lets it sign in again', async () => {
    const admin = await createActor(database, { role: 'admin' });
    const person = await createActor(database, { role: 'venue_manager' });
    expect((await me(person)).statusCode).toBe(200);
    const off = await injectAs(app, admin, 'POST', `/api/admin/users/${person.user.id}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect(off.json<Account>().deactivated_at).not.toBeNull();
    expect((await me(person)).statusCode).toBe(401);
    const refused = await login(person.user.email, TEST_PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    // Its old session stays ended after reactivation: the person signs in anew.
    expect((await injectAs(app, admin, 'POST', `/api/admin/users/${person.user.id}/reactivate`)).statusCode).toBe(200);
    expect((await me(person)).statusCode).toBe(401);
    expect((await login(person.user.email, TEST_PASSWORD)).statusCode).toBe(200);

    const self = await injectAs(app, admin, 'POST', `/api/admin/users/${admin.user.id}/deactivate`);
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({ error: { code: 'NOT_YOURSELF' } });
  });

  it('two admins deactivating each other at once leave one active admin', async () => {
    // Every other admin of this database set aside, so these two are the only ones.
    await database.db.execute(sql`UPDATE users SET disabled_at = now() WHERE role = 'admin'`);
    const a = await createActor(database, { role: 'admin' });
    const b = await createActor(database, { role: 'admin' });
    const answers = await Promise.all([
      injectAs(app, a, 'POST', `/api/admin/users/${b.user.id}/deactivate`),
      injectAs(app, b, 'POST', `/api/admin/users/${a.user.id}/deactivate`),
    ]);
    const statuses = answers.map((r) => r.statusCode).sort();
    // One goes through; the other finds itself the last admin (409) or already signed out (401).
    expect(statuses[0]).toBe(200);
    expect([401, 409]).toContain(statuses[1]);
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL`,
    );
    expect(row!.n).toBe(1);
  });
});
