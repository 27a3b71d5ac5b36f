import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema/index.ts';
import { createActor, TEST_PASSWORD } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { openTestApp } from '../support/http.ts';

/**
 * Issue 13 row 1: the rate-limit key is the address the nearest trusted proxy saw, never an address a
 * client writes into X-Forwarded-For itself.
 */
describe.each(testEngines())('proxy trust on %s', (engine) => {
  /** Wrong logins for one account, each claiming a new address in X-Forwarded-For; the statuses answered. */
  async function spoofedWrongLogins(trustProxy: string, remoteAddress: string, realClient?: string) {
    const opened = await openTestApp(engine, { env: { TRUST_PROXY: trustProxy } });
    try {
      const { user } = await createActor(opened.database, { role: 'parent' });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const spoofed = `10.0.${i}.${i + 1}`;
        const res = await opened.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          // A proxy appends the address it saw to what the client sent.
          headers: { 'x-forwarded-for': realClient ? `${spoofed}, ${realClient}` : spoofed },
          payload: { email: user.email, password: 'not the password at all' },
        });
        statuses.push(res.statusCode);
      }
      return statuses;
    } finally {
      await opened.close();
    }
  }

  it('without a proxy setting, a spoofed X-Forwarded-For changes nothing: 12 wrong logins meet a 429', async () => {
    const statuses = await spoofedWrongLogins('off', '203.0.113.5');
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(7).fill(429));
  });

  it('behind a trusted proxy, the address the proxy saw is the key, not what the client wrote', async () => {
    const statuses = await spoofedWrongLogins('127.0.0.1', '127.0.0.1', '198.51.100.7');
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(7).fill(429));
  });

  it('behind a trusted proxy, two clients the proxy saw apart have limits of their own', async () => {
    const opened = await openTestApp(engine, { env: { TRUST_PROXY: 'loopback' } });
    try {
      const { user } = await createActor(opened.database, { role: 'parent' });
      const attempt = (client: string) =>
        opened.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': client },
          payload: { email: user.email, password: 'not the password at all' },
        });
      for (let i = 0; i < 5; i++) expect((await attempt('198.51.100.7')).statusCode).toBe(401);
      expect((await attempt('198.51.100.7')).statusCode).toBe(429);
      expect((await attempt('198.51.100.8')).statusCode).toBe(401);
    } finally {
      await opened.close();
    }
  });

  it('with a list of trusted proxies, a header from a client outside it is ignored', async () => {
    // The client talks to Kaimen directly (not from 127.0.0.1): its X-Forwarded-For counts for nothing.
    const statuses = await spoofedWrongLogins('127.0.0.1, 10.9.0.0/16', '203.0.113.9');
    expect(statuses.slice(5)).toEqual(Array(7).fill(429));
  });

  it('with a list of trusted proxies, the real client address is the one the trusted proxy saw, and https brings HSTS', async () => {
    const opened = await openTestApp(engine, { env: { TRUST_PROXY: '127.0.0.1,10.9.0.0/16' } });
    try {
      const { user } = await createActor(opened.database, { role: 'parent' });
      // Client → proxy 10.9.0.4 → proxy 127.0.0.1 → Kaimen; the client claims to be 10.9.9.9 and 192.0.2.1.
      const res = await opened.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': '192.0.2.1, 10.9.9.9, 198.51.100.23, 10.9.0.4' },
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      expect(res.statusCode, res.body).toBe(200);
      const rows = await opened.database.db
        .select({ ip: sessions.ip })
        .from(sessions)
        .where(eq(sessions.userId, user.id));
      expect(rows.map((row) => row.ip)).toContain('198.51.100.23');
      expect(rows.map((row) => row.ip)).not.toContain('192.0.2.1');

      // HSTS only for a request a trusted proxy says came over https.
      const viaHttps = await opened.app.inject({
        url: '/api/health',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(viaHttps.headers['strict-transport-security']).toBe('max-age=31536000');
      const claimed = await opened.app.inject({
        url: '/api/health',
        remoteAddress: '203.0.113.9',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(claimed.headers['strict-transport-security']).toBeUndefined();
      const plain = await opened.app.inject({ url: '/api/health', remoteAddress: '127.0.0.1' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await opened.close();
    }
  });
});
