import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { createDb, type Database, type Engine } from '../../db/client.ts';
import { readTemplate } from '../../seeds/template.ts';
import { openPrivateDb, TEST_DATABASE_URL } from './engines.ts';
import { openForSuite } from './suite.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when Debian's Chromium is installed (the global setup fails the run instead under REQUIRE_ALL). */
export const hasChromium = existsSync(CHROMIUM_PATH);

/** Headless Chromium with the flags this closed network needs and software WebGL for MapLibre. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      // The online base map is never reached from tests (they run offline, alike with or without
      // internet); tests that want it answer its requests through route interception.
      '--host-resolver-rules=MAP tiles.openfreemap.org ~NOTFOUND',
    ],
  });
}

export interface RunningServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** PostgreSQL: the database to serve instead of the shared test database (journeys that write use their own). */
  databaseUrl?: string;
  /**
   * Work on the server's database before the server opens it, e.g. accounts no one can sign up for (a
   * bureau). On PGlite the data folder is made from the seeded template first, as a first start would.
   * With `ownDatabase` on PostgreSQL the database stays open until the server stops, so a test may keep
   * it to read what the server wrote.
   */
  prepare?: (database: Database) => Promise<void>;
  /**
   * PostgreSQL: serve a private database (migrated, seeded, dropped at stop) rather than the shared test
   * database, for journeys that write. PGlite servers always get their own data folder.
   */
  ownDatabase?: boolean;
}

/**
 * Starts Kaimen as `npm start` does, from the JavaScript built into dist/ (the global setup builds it
 * from the current sources), on a free port: on PGlite with a fresh data folder (made from the prepared
 * template), or on the PostgreSQL test database (or `databaseUrl`).
 */
export async function startServer(engine: Engine, options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kaimen-e2e-'));
  let databaseUrl = engine === 'postgres' ? (options.databaseUrl ?? TEST_DATABASE_URL) : '';
  let disposeOwn: (() => Promise<void>) | undefined;
  if (engine === 'postgres' && options.ownDatabase) {
    const own = await openPrivateDb('postgres');
    disposeOwn = own.dispose;
    databaseUrl = own.url!;
    await options.prepare?.(own.database);
  } else if (options.prepare) {
    const template = engine === 'pglite' ? readTemplate('seeded') : undefined;
    if (engine === 'pglite' && !template) throw new Error('no seeded PGlite template: the global setup builds it');
    const database = await createDb(
      engine === 'postgres' ? { databaseUrl, maxConnections: 1 } : { dataDir, loadDataDir: template },
    );
    try {
      await options.prepare(database);
    } finally {
      await database.close();
    }
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    KAIMEN_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
  };
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', 'dist/server/server.js'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${tail(output)}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/[^\s/]+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${tail(output)}`));
    });
  });
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
      await disposeOwn?.();
    },
  };
}

/** The end of a server's output, with each line cut short (PGlite errors print whole minified bundles). */
function tail(output: string): string {
  return output
    .split('\n')
    .slice(-30)
    .map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line))
    .join('\n');
}

/** A desktop browser window, in Chinese. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' };
/** A taller desktop window, for the consoles' long forms. */
export const TALL_DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' };
/** A phone-sized window, in Chinese. */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, locale: 'zh-CN' };

export interface ServerAndBrowser {
  server: RunningServer;
  browser: Browser;
}

/**
 * Starts Kaimen (see startServer) and Chromium before the suite's tests and stops both after them. `bind`
 * gets them once started, for the suite to keep: `withServerAndBrowser(engine, (opened) => ({ server,
 * browser } = opened))`. With `page`, it also opens a page of those options for the suite's tests to share.
 */
export function withServerAndBrowser(
  engine: Engine,
  bind: (opened: ServerAndBrowser & { page: Page }) => unknown,
  options: ServerOptions & { page: BrowserContextOptions },
): void;
export function withServerAndBrowser(
  engine: Engine,
  bind: (opened: ServerAndBrowser) => unknown,
  options?: ServerOptions,
): void;
export function withServerAndBrowser(
  engine: Engine,
  bind: (opened: ServerAndBrowser & { page: Page }) => unknown,
  options: ServerOptions & { page?: BrowserContextOptions } = {},
): void {
  const { page: pageOptions, ...serverOptions } = options;
  openForSuite(
    async () => {
      const server = await startServer(engine, serverOptions);
      const browser = await launchChromium().catch(async (error: unknown) => {
        await server.stop();
        throw error;
      });
      return { server, browser };
    },
    async ({ server, browser }) => {
      await browser.close();
      await server.stop();
    },
    // The overloads promise `page` exactly when the options ask for one.
    async (opened) =>
      bind(pageOptions ? { ...opened, page: await opened.browser.newPage(pageOptions) } : (opened as never)),
  );
}
