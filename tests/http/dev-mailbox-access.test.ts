import { describe, expect, it } from 'vitest';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { openTestApp, withTestApp } from '../support/http.ts';
import type { Database } from '../../db/client.ts';

/** Issue 13 row 2: in demo mode the dev mailbox (reset links) is read only on this machine or by an admin. */
describe.each(testEngines())('the dev mailbox in demo mode on %s', (engine) => {
  let app: App;
  let database: Database;
  let admin: TestActor;
  let parent: TestActor;

  withTestApp(engine, (opened) => ({ app, database } = opened), { env: { KAIMEN_DEMO: 'on' } });

  const read = (remoteAddress: string, headers: Record<string, string> = {}) =>
    app.inject({ url: '/api/dev/mailbox', remoteAddress, headers });

  it('answers a request from loopback (IPv4, IPv6 and mapped)', async () => {
    for (const address of ['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1']) {
      const res = await read(address);
      expect(res.statusCode, `${address}: ${res.body}`).toBe(200);
      expect(res.json()).toHaveProperty('items');
    }
  });

  it('refuses anyone else, signed in or not, with 403 DEV_MAILBOX_LOCAL_ONLY', async () => {
    parent = await createActor(database, { role: 'parent' });
    for (const address of ['203.0.113.5', '192.168.1.20', '10.0.0.2', '::ffff:192.168.1.20', '2001:db8::1']) {
      const res = await read(address);
      expect(res.statusCode, `${address}: ${res.body}`).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'DEV_MAILBOX_LOCAL_ONLY' } });
      expect(res.body).not.toContain('reset-password?token=');
    }
    const signedIn = await read('203.0.113.5', parent.headers);
    expect(signedIn.statusCode).toBe(403);
  });

  it('answers an admin from anywhere', async () => {
    admin = await createActor(database, { role: 'admin' });
    const res = await read('203.0.113.5', admin.headers);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('does not take a request relayed by a proxy on this machine for a local one while no proxy is trusted', async () => {
    for (const header of ['x-forwarded-for', 'x-real-ip']) {
      const res = await read('127.0.0.1', { [header]: '203.0.113.5' });
      expect(res.statusCode, header).toBe(403);
    }
    const forwarded = await read('127.0.0.1', { forwarded: 'for=203.0.113.5' });
    expect(forwarded.statusCode).toBe(403);
  });

  it('behind a trusted proxy, goes by the address the proxy saw', async () => {
    const opened = await openTestApp(engine, { env: { KAIMEN_DEMO: 'on', TRUST_PROXY: '127.0.0.1' } });
    try {
      const remote = await opened.app.inject({
        url: '/api/dev/mailbox',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': '203.0.113.5' },
      });
      expect(remote.statusCode).toBe(403);
      // A client cannot claim loopback through the header: the proxy appends the address it saw.
      const claimed = await opened.app.inject({
        url: '/api/dev/mailbox',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': '127.0.0.1, 203.0.113.5' },
      });
      expect(claimed.statusCode).toBe(403);
      const local = await opened.app.inject({ url: '/api/dev/mailbox', remoteAddress: '127.0.0.1' });
      expect(local.statusCode).toBe(200);
    } finally {
      await opened.close();
    }
  });
});
