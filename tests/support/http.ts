import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Database, Engine } from '../../db/client.ts';
import { loadConfig } from '../../server/config.ts';
import { buildApp, type App } from '../../server/app.ts';
import type { TestActor } from './accounts.ts';
import { openPrivateDb, openTestDb } from './engines.ts';
import { openForSuite } from './suite.ts';

/** Builds the API (without the web app) over a test database, for `app.inject`. */
export async function buildTestApp(database: Database, env: NodeJS.ProcessEnv = {}): Promise<App> {
  const app = await buildApp({ database, config: loadConfig(env), web: false });
  await app.ready();
  return app;
}

export interface TestAppOptions {
  /**
   * `seeded` (the default): the shared seeded test database, which tests must leave as they found it;
   * `private`: a seeded database of the app's own (see openPrivateDb), for tests whose writes commit;
   * `empty`: PGlite, migrated and holding no data.
   */
  database?: 'seeded' | 'private' | 'empty';
  /** Settings the app's config reads, as environment variables. */
  env?: NodeJS.ProcessEnv;
  /** Gives the app an uploads folder of its own (KAIMEN_UPLOADS_DIR), removed with the app. */
  uploads?: boolean;
}

export interface TestApp {
  app: App;
  database: Database;
  /** Closes the app, then its database (dropping a private one), then removes its uploads folder. */
  close: () => Promise<void>;
}

/** Opens a test database of `engine` and builds the API over it. */
export async function openTestApp(engine: Engine, options: TestAppOptions = {}): Promise<TestApp> {
  const { database, dispose } =
    options.database === 'private'
      ? await openPrivateDb(engine)
      : await openTestDb(engine, options.database ?? 'seeded').then((opened) => ({
          database: opened,
          dispose: () => opened.close(),
        }));
  const uploads = options.uploads ? mkdtempSync(join(tmpdir(), 'kaimen-uploads-')) : undefined;
  const env = uploads ? { ...options.env, KAIMEN_UPLOADS_DIR: uploads } : options.env;
  const app = await buildTestApp(database, env).catch(async (error: unknown) => {
    await dispose();
    throw error;
  });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await dispose();
      if (uploads) rmSync(uploads, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a test app (see openTestApp) before the suite's tests and closes it after them. `bind` gets it
 * once it is open, for the suite to keep: `withTestApp(engine, (opened) => ({ app, database } = opened))`.
 */
export function withTestApp(engine: Engine, bind: (opened: TestApp) => unknown, options: TestAppOptions = {}): void {
  openForSuite(
    () => openTestApp(engine, options),
    (opened) => opened.close(),
    bind,
  );
}

/** A request as a test user (anonymous without one), with a JSON body when `payload` is given. */
export function injectAs(
  app: App,
  actor: TestActor | undefined,
  method: NonNullable<InjectOptions['method']>,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: actor ? actor.headers : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** One page of a list the API answers: its items and the cursor of the next page (null on the last). */
export interface ListPage<T> {
  items: T[];
  next_cursor: string | null;
}

/**
 * Every page of a list, `limit` items at a time, following next_cursor to the end: `url` has the path
 * and the query but no limit or cursor. Each page must answer 200; a cursor that never ends fails
 * after `maxPages`.
 */
export async function everyPage<P extends ListPage<unknown>>(
  app: App,
  url: string,
  limit: number,
  options: { headers?: Record<string, string>; maxPages?: number } = {},
): Promise<P[]> {
  const pages: P[] = [];
  let cursor: string | null = null;
  do {
    const paged: string = `${url}${url.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await app.inject({ url: paged, headers: options.headers ?? {} });
    expect(res.statusCode, `${paged}\n${res.body}`).toBe(200);
    const page = res.json<P>();
    pages.push(page);
    cursor = page.next_cursor;
    if (pages.length >= (options.maxPages ?? 1000) && cursor)
      throw new Error(`${url}: more than ${pages.length} pages`);
  } while (cursor);
  return pages;
}

/** The items of every page of a list (see everyPage), in order. */
export async function everyItem<T>(app: App, url: string, limit: number): Promise<T[]> {
  return (await everyPage<ListPage<T>>(app, url, limit)).flatMap((page) => page.items);
}
