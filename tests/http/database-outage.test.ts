/**
 * Issue 13 row 11: while PostgreSQL cannot be reached (a restart, a failover), every request answers
 * 503 DATABASE_UNAVAILABLE with Retry-After, /api/health says so, and failures of ours do not cost a
 * client its rate limit. The app reaches its database through a TCP proxy this test stops and starts:
 * stopping it refuses new connections and cuts the open ones, as a restarting server does.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../db/client.ts';
import { DATABASE_RETRY_AFTER_SECONDS } from '../../server/errors.ts';
import { createActor, TEST_PASSWORD, type TestActor } from '../support/accounts.ts';
import { openPrivateDb, TEST_DATABASE_URL } from '../support/engines.ts';
import { buildTestApp } from '../support/http.ts';

/** A TCP proxy to `target` on a port of its own, which can be stopped (connections cut) and started again. */
class Proxy {
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        socket.on('close', () => this.#sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

describe.runIf(TEST_DATABASE_URL)('while PostgreSQL cannot be reached', () => {
  let dispose: () => Promise<void>;
  let proxy: Proxy;
  let database: Database;
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let parent: TestActor;

  beforeAll(async () => {
    const privateDb = await openPrivateDb('postgres');
    dispose = privateDb.dispose;
    parent = await createActor(privateDb.database, { role: 'parent' });
    const direct = new URL(privateDb.url!);
    proxy = new Proxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    await proxy.start();
    const viaProxy = new URL(privateDb.url!);
    viaProxy.port = String(proxy.port);
    database = await createDb({ databaseUrl: viaProxy.toString(), maxConnections: 2 });
    app = await buildTestApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await proxy?.stop();
    await dispose?.();
  });

  const signUp = (i: number) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/register',
      remoteAddress: '198.51.100.7',
      payload: {
        email: `outage-${i}@example.org`,
        password: TEST_PASSWORD,
        display_name: '断网测试',
        role: 'parent',
      },
    });

  it('answers health 200 with the database, then 503 DATABASE_UNAVAILABLE with Retry-After without it', async () => {
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    await proxy.stop();

    const health = await app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.headers['retry-after']).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    expect(health.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
  });

  it('answers reads, a signed-in request and writes 503 with Retry-After, never 500', async () => {
    const requests = [
      app.inject({ url: '/api/venues?near=116.3975,39.9087&limit=5' }),
      app.inject({ url: '/api/me', headers: parent.headers }),
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: parent.user.email, password: TEST_PASSWORD },
      }),
    ];
    for (const res of await Promise.all(requests)) {
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers['retry-after']).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      expect(res.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
    }
  });

  it('does not count failed sign-ups against the limit: 25 refused by the outage, then the next ones go through', async () => {
    // 20 sign-ups an hour per address: 25 failures of ours would have used them all up.
    for (let i = 0; i < 25; i++) expect((await signUp(i)).statusCode).toBe(503);

    await proxy.start();
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    const afterwards: number[] = [];
    for (let i = 100; i < 120; i++) afterwards.push((await signUp(i)).statusCode);
    expect(afterwards).toEqual(Array(20).fill(202));
    // The limit itself still holds.
    expect((await signUp(200)).statusCode).toBe(429);
  });
});
