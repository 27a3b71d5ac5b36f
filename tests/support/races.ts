/**
 * What the race tests over real HTTP share (tests/http/*-races.test.ts): a server of the real app on a port
 * of 127.0.0.1, over its own pool to the test's PostgreSQL database, with or without a protection
 * (the test-only switches of db/client.ts, refused when NODE_ENV=production); and requests built first and
 * sent together, each client on its own connection, answered as status and JSON body.
 */
import { createDb, type Database, type DbConfig } from '../../db/client.ts';
import { buildApp, type App } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { TestActor } from './accounts.ts';

export interface Served {
  app: App;
  database: Database;
  base: string;
}

/** The app listening on a port of its own; `switches` turns a protection off for a positive control. */
export async function serve(
  url: string,
  switches: Pick<DbConfig, 'slotGuard' | 'checkInLock'> & { maxConnections?: number } = {},
): Promise<Served> {
  const database = await createDb({ databaseUrl: url, maxConnections: 16, ...switches });
  const app = await buildApp({ database, config: loadConfig({}), web: false });
  // A thousand clients connect at once in the largest race: with Node's default backlog of 511, one of them
  // was reset (ECONNRESET) once on a machine busy with two other test runs. The kernel caps it at somaxconn.
  const base = await app.listen({ port: 0, host: '127.0.0.1', backlog: 4096 });
  return { app, database, base };
}

/** An answer: its status and JSON body. */
export interface Outcome {
  status: number;
  body: {
    id?: string;
    status?: string;
    booking?: { id: string };
    error?: { code: string };
  };
}

/** A request made ready to send: call it to send it. */
export type Request = () => Promise<Outcome>;

export function send(
  base: string,
  method: string,
  path: string,
  actor: TestActor,
  body: unknown = {},
  headers: Record<string, string> = {},
): Request {
  return async () => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...actor.headers, ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Outcome['body'] };
  };
}

export const post = (
  base: string,
  path: string,
  actor: TestActor,
  body: unknown = {},
  headers: Record<string, string> = {},
): Request => send(base, 'POST', path, actor, body, headers);

/** Sends every request at once (each client its own connection), and answers in order. */
export function all(requests: Request[]): Promise<Outcome[]> {
  return Promise.all(requests.map((request) => request()));
}
