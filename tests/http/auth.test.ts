import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { outboxMessages, sessions, users } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import { createActor, sessionCookieOf, TEST_PASSWORD } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { buildTestApp, withTestApp } from '../support/http.ts';

interface Me {
  id: string;
  email: string;
  role: string;
  csrf_token: string;
  organisations: { id: string; name: string }[];
}

let counter = 0;
const uniqueEmail = (what: string) => `${what}-${process.pid}-${Date.now()}-${counter++}@Example.test`;

describe.each(testEngines())('accounts on %s', (engine) => {
  let database: Database;
  let app: App;

  withTestApp(engine, (opened) => ({ app, database } = opened));

  const register = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/register', payload: body, headers });
  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });
  const me = (cookie: string | undefined) => app.inject({ url: '/api/me', headers: cookie ? { cookie } : {} });
  /** A sign-up (202, signed out) followed by the login the register page makes with the same credentials. */
  const signUpAndLogin = async (body: Record<string, unknown>) => {
    const res = await register(body);
    expect(res.statusCode, res.body).toBe(202);
    return login(String(body.email), String(body.password));
  };

  it('registers a parent: 202 without a session; the login then sets an httpOnly SameSite=Lax cookie and GET /api/me knows them', async () => {
    const email = uniqueEmail('parent');
    const answer = await register({ email, password: TEST_PASSWORD, display_name: '王女士', role: 'parent' });
    expect(answer.statusCode, answer.body).toBe(202);
    expect(answer.json()).toEqual({ status: 'accepted' });
    expect(answer.headers['set-cookie']).toBeUndefined();
    const res = await login(email, TEST_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain http here; Secure is set behind https
    const cookie = sessionCookieOf(res.headers['set-cookie']);
    const current = await me(cookie);
    expect(current.statusCode).toBe(200);
    expect(current.json<Me>()).toMatchObject({ email: email.toLowerCase(), role: 'parent' });
    expect(current.headers['cache-control']).toBe('no-store');
    const [stored] = await database.db.select().from(users).where(eq(users.email, email.toLowerCase()));
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('sets Secure on the cookie when the request came over https', async () => {
    const secureApp = await buildApp({ trustProxy: true });
    try {
      const actor = await createActor(database, { role: 'parent' });
      const res = await secureApp.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: actor.user.email, password: TEST_PASSWORD },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
    } finally {
      await secureApp.close();
    }
  });

  it('gives a venue manager an organisation and puts a teacher in a school, pending approval', async () => {
    const manager = await signUpAndLogin({
      email: uniqueEmail('manager'),
      password: TEST_PASSWORD,
      display_name: '李馆长',
      role: 'venue_manager',
      organisation_name: '某某博物馆',
    });
    expect(manager.statusCode, manager.body).toBe(200);
    expect(manager.json<Me>().organisations.map((o) => o.name)).toEqual(['某某博物馆']);

    const noSchool = await register({
      email: uniqueEmail('t'),
      password: TEST_PASSWORD,
      display_name: 'T',
      role: 'teacher',
    });
    expect(noSchool.statusCode).toBe(400);
    expect(noSchool.json()).toMatchObject({ error: { code: 'SCHOOL_REQUIRED' } });
    const unknownSchool = await register({
      email: uniqueEmail('t'),
      password: TEST_PASSWORD,
      display_name: 'T',
      role: 'teacher',
      school_id: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownSchool.statusCode).toBe(404);
    expect(unknownSchool.json()).toMatchObject({ error: { code: 'SCHOOL_NOT_FOUND' } });
  });

  it('refuses bad sign-ups with 4xx and a stable code, creating nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ email: 'not-an-email', password: TEST_PASSWORD, display_name: 'B', role: 'parent' }, 400, 'INVALID_EMAIL'],
      [{ email: uniqueEmail('x'), password: 'short', display_name: 'B', role: 'parent' }, 400, 'INVALID_PASSWORD'],
      [
        { email: uniqueEmail('x'), password: TEST_PASSWORD, display_name: '  ', role: 'parent' },
        400,
        'INVALID_DISPLAY_NAME',
      ],
      [{ email: uniqueEmail('x'), password: TEST_PASSWORD, display_name: 'B', role: 'admin' }, 400, 'INVALID_ROLE'],
      [{ email: uniqueEmail('x'), password: TEST_PASSWORD, display_name: 'B', role: 'bureau' }, 400, 'INVALID_ROLE'],
      [
        { email: uniqueEmail('x'), password: TEST_PASSWORD, display_name: 'B', role: 'parent', extra: 1 },
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await register(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json()).toMatchObject({ error: { code } });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const self = uniqueEmail('self').toLowerCase();
    const sameAsEmail = await register({ email: self, password: self, display_name: 'B', role: 'parent' });
    expect(sameAsEmail.json()).toMatchObject({ error: { code: 'WEAK_PASSWORD' } });
    expect(await database.db.select().from(users).where(eq(users.email, self))).toEqual([]);
  });

  it('answers a sign-up with a taken address exactly as one with a free address, and tells the owner by message', async () => {
    const owner = await createActor(database, { role: 'parent', name: '原主人' });
    const fresh = uniqueEmail('fresh');
    const taken = await register({
      email: owner.user.email.toUpperCase(),
      password: 'someone else’s passphrase',
      display_name: '冒名者',
      role: 'venue_manager',
      organisation_name: '冒名机构',
    });
    const free = await register({
      email: fresh,
      password: 'someone else’s passphrase',
      display_name: '新人',
      role: 'venue_manager',
      organisation_name: '新机构',
    });
    expect(taken.statusCode).toBe(202);
    expect(free.statusCode).toBe(202);
    expect(taken.body).toBe(free.body);
    expect(taken.headers['set-cookie']).toBeUndefined();
    expect(free.headers['set-cookie']).toBeUndefined();
    const headersOf = (res: typeof taken) => Object.entries(res.headers).filter(([name]) => name !== 'date');
    expect(headersOf(taken)).toEqual(headersOf(free));

    // Nothing about the owner's account changed: same name, role, password, still signed in.
    const [stored] = await database.db.select().from(users).where(eq(users.id, owner.user.id));
    expect(stored).toMatchObject({ displayName: '原主人', role: 'parent' });
    expect((await login(owner.user.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await me(owner.headers.cookie)).statusCode).toBe(200);
    expect((await login(owner.user.email, 'someone else’s passphrase')).statusCode).toBe(401);
    // The owner is told; the new address is welcomed.
    const topicsTo = async (email: string) =>
      (await database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, email.toLowerCase()))).map(
        (m) => m.topic,
      );
    expect(await topicsTo(owner.user.email)).toEqual(['sign_up_existing_account']);
    expect(await topicsTo(fresh)).toEqual(['account_created']);
  });

  it('takes about as long to answer a sign-up with a taken address as with a free one', async () => {
    const timed = await buildTestApp(database);
    try {
      const owner = await createActor(database, { role: 'parent' });
      const signUp = async (email: string) => {
        const started = performance.now();
        const res = await timed.inject({
          method: 'POST',
          url: '/api/auth/register',
          payload: { email, password: TEST_PASSWORD, display_name: 'T', role: 'parent' },
        });
        expect(res.statusCode).toBe(202);
        return performance.now() - started;
      };
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const takenTimes: number[] = [];
      const freeTimes: number[] = [];
      // Interleaved, so load on the machine falls on both alike.
      for (let i = 0; i < 7; i++) {
        takenTimes.push(await signUp(owner.user.email));
        freeTimes.push(await signUp(uniqueEmail('timing')));
      }
      const ratio = median(takenTimes) / median(freeTimes);
      // argon2 runs in both and dominates; the writes differ by a row or two.
      expect(ratio, `taken ${median(takenTimes)} ms, free ${median(freeTimes)} ms`).toBeGreaterThan(0.5);
      expect(ratio, `taken ${median(takenTimes)} ms, free ${median(freeTimes)} ms`).toBeLessThan(2);
    } finally {
      await timed.close();
    }
  });

  it('answers a wrong password and an unknown email alike (no user enumeration on login)', async () => {
    const actor = await createActor(database, { role: 'parent' });
    const wrongPassword = await login(actor.user.email, 'wrong password!!');
    const unknown = await login(uniqueEmail('nobody'), 'wrong password!!');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrongPassword.body);
    expect(wrongPassword.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    const ok = await login(actor.user.email.toUpperCase(), TEST_PASSWORD);
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('rate-limits password guessing: the sixth try in 15 minutes answers 429 with Retry-After, even if right', async () => {
    const actor = await createActor(database, { role: 'parent' });
    const headers = {};
    for (let i = 0; i < 5; i++)
      expect((await login(actor.user.email, `guess number ${i}`, headers)).statusCode).toBe(401);
    const blocked = await login(actor.user.email, TEST_PASSWORD, headers);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('rate-limits sign-ups from one address: the 21st in an hour answers 429', async () => {
    // A fresh app, so the sign-ups of the other tests do not count.
    const fresh = await buildTestApp(database);
    try {
      const signUp = () =>
        fresh.inject({
          method: 'POST',
          url: '/api/auth/register',
          payload: { email: uniqueEmail('burst'), password: TEST_PASSWORD, display_name: 'B', role: 'parent' },
        });
      for (let i = 0; i < 20; i++) expect((await signUp()).statusCode).toBe(202);
      const blocked = await signUp();
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    } finally {
      await fresh.close();
    }
  });

  it('KAIMEN_RATE_LIMITS=off (load tests) lifts the sign-up and login limits; password resets stay limited', async () => {
    const unlimited = await buildTestApp(database, { KAIMEN_RATE_LIMITS: 'off' });
    try {
      const post = (url: string, payload: Record<string, unknown>) =>
        unlimited.inject({ method: 'POST', url, payload });
      for (let i = 0; i < 22; i++) {
        const signUp = await post('/api/auth/register', {
          email: uniqueEmail('load'),
          password: TEST_PASSWORD,
          display_name: 'L',
          role: 'parent',
        });
        expect(signUp.statusCode, signUp.body).toBe(202);
      }
      const actor = await createActor(database, { role: 'parent' });
      for (let i = 0; i < 7; i++) {
        const wrong = await post('/api/auth/login', { email: actor.user.email, password: `guess number ${i}` });
        expect(wrong.statusCode).toBe(401);
      }
      const right = await post('/api/auth/login', { email: actor.user.email, password: TEST_PASSWORD });
      expect(right.statusCode, right.body).toBe(200);
      const resets = [];
      for (let i = 0; i < 11; i++)
        resets.push((await post('/api/auth/password-reset', { email: uniqueEmail('r') })).statusCode);
      expect(resets.at(-1)).toBe(429);
    } finally {
      await unlimited.close();
    }
  });

  it('never keeps a session id presented before login (session fixation)', async () => {
    const attacker = await createActor(database, { role: 'parent' });
    const victim = await createActor(database, { role: 'parent' });
    const planted = attacker.headers.cookie;
    const res = await login(victim.user.email, TEST_PASSWORD, { cookie: planted });
    expect(res.statusCode, res.body).toBe(200);
    const issued = sessionCookieOf(res.headers['set-cookie']);
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect(res.json<Me>().email).toBe(victim.user.email);
    // The planted session is revoked, not upgraded: it names nobody any more.
    expect((await me(planted)).statusCode).toBe(401);
    expect((await me(issued)).json<Me>().email).toBe(victim.user.email);
  });

  it('refuses cookie-authenticated writes without the CSRF token, with a wrong one, or from another origin', async () => {
    const actor = await createActor(database, { role: 'parent' });
    const logout = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    const missing = await logout({ cookie: actor.headers.cookie });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ error: { code: 'CSRF_TOKEN_INVALID' } });
    const wrong = await logout({ cookie: actor.headers.cookie, 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.json()).toMatchObject({ error: { code: 'CSRF_TOKEN_INVALID' } });
    const otherSite = await logout({ ...actor.headers, origin: 'https://evil.example' });
    expect(otherSite.statusCode).toBe(403);
    expect(otherSite.json()).toMatchObject({ error: { code: 'CSRF_ORIGIN_MISMATCH' } });
    const crossSiteLogin = await login(actor.user.email, TEST_PASSWORD, { origin: 'https://evil.example' });
    expect(crossSiteLogin.json()).toMatchObject({ error: { code: 'CSRF_ORIGIN_MISMATCH' } });
    // Still signed in after all the refusals; the right token signs out and revokes the session.
    expect((await me(actor.headers.cookie)).statusCode).toBe(200);
    const ok = await logout({ ...actor.headers, origin: 'http://localhost:80' });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await me(actor.headers.cookie)).statusCode).toBe(401);
    const [row] = await database.db.select().from(sessions).where(eq(sessions.userId, actor.user.id));
    expect(row!.revokedAt).not.toBeNull();
  });

  it('refuses a write whose Origin has the same host but another scheme or port (CSRF_ORIGIN_MISMATCH)', async () => {
    // app.inject comes over plain http with Host localhost:80: the page's origin is http://localhost.
    const actor = await createActor(database, { role: 'parent' });
    const logout = (origin: string) =>
      app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...actor.headers, origin } });
    for (const origin of ['https://localhost', 'https://localhost:80', 'http://localhost:8080']) {
      const refused = await logout(origin);
      expect(refused.statusCode, origin).toBe(403);
      expect(refused.json(), origin).toMatchObject({ error: { code: 'CSRF_ORIGIN_MISMATCH' } });
    }
    const crossSchemeLogin = await login(actor.user.email, TEST_PASSWORD, { origin: 'https://localhost' });
    expect(crossSchemeLogin.json()).toMatchObject({ error: { code: 'CSRF_ORIGIN_MISMATCH' } });
    expect((await me(actor.headers.cookie)).statusCode).toBe(200);
    // The same origin, with or without its default port, still signs out.
    const ok = await logout('http://localhost');
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await me(actor.headers.cookie)).statusCode).toBe(401);
  });

  it('answers 401 AUTH_REQUIRED without a session, and for an expired one', async () => {
    const anonymous = await me(undefined);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
    const actor = await createActor(database, { role: 'parent' });
    await database.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 3 * 86_400_000), expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, actor.user.id));
    expect((await me(actor.headers.cookie)).statusCode).toBe(401);
  });

  it('resets a password by a one-time link from the outbox; same answer for unknown emails; all sessions end', async () => {
    const actor = await createActor(database, { role: 'teacher' });
    const unknownEmail = uniqueEmail('ghost').toLowerCase();
    const known = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: actor.user.email },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: unknownEmail },
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);

    const message = await eventually(async () => {
      const [row] = await database.db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.recipient, actor.user.email), eq(outboxMessages.topic, 'password_reset')));
      return row;
    });
    expect(await database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, unknownEmail))).toEqual(
      [],
    );
    const token = new URL((message.data as { link: string }).link).searchParams.get('token')!;
    expect(message.body).toContain(token);

    const newPassword = 'a brand new passphrase';
    const confirm = (password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });
    expect((await confirm(newPassword)).statusCode).toBe(204);
    expect((await me(actor.headers.cookie)).statusCode).toBe(401);
    expect((await login(actor.user.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(actor.user.email, newPassword)).statusCode).toBe(200);
    const again = await confirm('yet another passphrase');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ error: { code: 'INVALID_RESET_TOKEN' } });
  });

  it('a reset ends every other reset link of the account still outstanding', async () => {
    const actor = await createActor(database, { role: 'parent' });
    for (let i = 0; i < 2; i++) {
      const asked = await app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { email: actor.user.email },
      });
      expect(asked.statusCode).toBe(202);
    }
    const tokens = await eventually(async () => {
      const rows = await database.db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.recipient, actor.user.email), eq(outboxMessages.topic, 'password_reset')));
      return rows.length === 2
        ? rows.map((row) => new URL((row.data as { link: string }).link).searchParams.get('token')!)
        : undefined;
    });
    const confirm = (token: string, password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });
    expect((await confirm(tokens[0]!, 'the owner’s new passphrase')).statusCode).toBe(204);
    const stolen = await confirm(tokens[1]!, 'an attacker’s passphrase');
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json()).toMatchObject({ error: { code: 'INVALID_RESET_TOKEN' } });
    expect((await login(actor.user.email, 'the owner’s new passphrase')).statusCode).toBe(200);
  });

  async function buildApp(options: { trustProxy: boolean }): Promise<App> {
    return buildTestApp(database, { TRUST_PROXY: options.trustProxy ? '127.0.0.1' : 'off' });
  }
});

/** Polls until `read` answers something (work the API does after answering). */
async function eventually<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out waiting');
}
