import { isIP } from 'node:net';
import { resolve } from 'node:path';

/** Everything Kaimen reads from the environment, read and validated once at start. */
export interface Config {
  /** `PORT`: the port the API and the web app share. Default 3000; 0 picks a free one (tests). */
  port: number;
  /** `HOST`: the interface to listen on. Default 127.0.0.1; set 0.0.0.0 to reach it from a phone. */
  host: string;
  /** `DATABASE_URL`: a PostgreSQL + PostGIS server. Unset means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** `KAIMEN_DATA_DIR`: where the embedded database persists. Default ./data/pglite. */
  dataDir: string;
  /** `KAIMEN_SEED`: `auto` loads the seed data into an empty embedded database at start; `never` does not. */
  seed: 'auto' | 'never';
  /** `BASEMAP_STYLE_URL`: a MapLibre style URL (e.g. Tianditu with a key). Unset: the offline base map. */
  basemapStyleUrl: string | undefined;
  /** `LOG_LEVEL`: pino level. Default info. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `KAIMEN_WEB_BUILD`: folder of the built SvelteKit app. Default ./web/build. */
  webBuildDir: string;
  /**
   * `KAIMEN_DEMO`: `on` creates the demo accounts of every role (README) and shows outgoing messages on
   * the dev mailbox page instead of sending them. Default on for the embedded database, off with
   * DATABASE_URL; it cannot be turned on with DATABASE_URL.
   */
  demo: boolean;
  /** `PUBLIC_URL`: the address people reach Kaimen at, for links in messages. Default http://localhost:PORT. */
  publicUrl: string;
  /**
   * `TRUST_PROXY`: the reverse proxies in front of Kaimen whose X-Forwarded-For/-Proto/-Host are believed
   * about the client (its address for rate limits and the dev mailbox's loopback check; https for Secure
   * cookies and HSTS). `off` (default): none, the socket's address is the client. Otherwise a
   * comma-separated list of the proxies' addresses, CIDR ranges or proxy-addr's names (`loopback`,
   * `linklocal`, `uniquelocal`): the client is the nearest address outside the list, i.e. the one the
   * nearest trusted proxy saw. Refused: `on` (believed any client about its own address) and hop counts
   * (a count cannot tell a proxy from a client that reaches Kaimen directly; Fastify 5 ignores them).
   */
  trustProxy: TrustProxy;
  /** `KAIMEN_UPLOADS_DIR`: where venue photos are stored on disk. Default ./data/uploads. */
  uploadsDir: string;
  /**
   * `KAIMEN_RATE_LIMITS`: `off` lifts the login and sign-up limits (per address and per account), for load
   * tests whose thousands of accounts all come from one address; start-up then prints a warning. Refused
   * with NODE_ENV=production. Default on.
   */
  rateLimits: boolean;
}

/** Fastify's `trustProxy` in its safe forms: off, or the proxies' addresses. */
export type TrustProxy = false | string[];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads the configuration from `env` (default: process.env); throws ConfigError on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parsePort(env.PORT);
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!isOneOf(logLevel, LOG_LEVELS)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const seed = env.KAIMEN_SEED ?? 'auto';
  if (seed !== 'auto' && seed !== 'never') throw new ConfigError('KAIMEN_SEED must be auto or never');
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const basemapStyleUrl = nonEmpty(env.BASEMAP_STYLE_URL);
  if (basemapStyleUrl && !/^https?:\/\//.test(basemapStyleUrl) && !basemapStyleUrl.startsWith('/')) {
    throw new ConfigError('BASEMAP_STYLE_URL must be an http(s) URL or a path on this server');
  }
  const demoSetting = env.KAIMEN_DEMO ?? (databaseUrl ? 'off' : 'on');
  if (demoSetting !== 'on' && demoSetting !== 'off') throw new ConfigError('KAIMEN_DEMO must be on or off');
  if (demoSetting === 'on' && databaseUrl) {
    throw new ConfigError('KAIMEN_DEMO=on is only for the embedded database: unset DATABASE_URL or KAIMEN_DEMO');
  }
  const publicUrl = (nonEmpty(env.PUBLIC_URL) ?? `http://localhost:${port || 3000}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(publicUrl)) throw new ConfigError('PUBLIC_URL must be an http(s) URL');
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const rateLimits = env.KAIMEN_RATE_LIMITS ?? 'on';
  if (rateLimits !== 'on' && rateLimits !== 'off') throw new ConfigError('KAIMEN_RATE_LIMITS must be on or off');
  if (rateLimits === 'off' && env.NODE_ENV === 'production') {
    throw new ConfigError('KAIMEN_RATE_LIMITS=off is for load tests only and is refused with NODE_ENV=production');
  }
  return {
    port,
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    databaseUrl,
    dataDir: resolve(nonEmpty(env.KAIMEN_DATA_DIR) ?? 'data/pglite'),
    seed,
    basemapStyleUrl,
    logLevel,
    webBuildDir: resolve(nonEmpty(env.KAIMEN_WEB_BUILD) ?? 'web/build'),
    demo: demoSetting === 'on',
    trustProxy,
    publicUrl,
    uploadsDir: resolve(nonEmpty(env.KAIMEN_UPLOADS_DIR) ?? 'data/uploads'),
    rateLimits: rateLimits === 'on',
  };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be 0–65535, got "${value}"`);
  return port;
}

/** proxy-addr's names for address ranges, accepted in a TRUST_PROXY list. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function parseTrustProxy(value: string | undefined): TrustProxy {
  const setting = nonEmpty(value)?.toLowerCase() ?? 'off';
  if (setting === 'off' || setting === 'false' || setting === '0') return false;
  if (setting === 'on' || setting === 'true') {
    throw new ConfigError(
      `TRUST_PROXY=${setting} believed X-Forwarded-For from anyone, so any client could choose its own address. ` +
        'Set it to the addresses of the reverse proxies in front of Kaimen, comma-separated ' +
        '(e.g. 127.0.0.1 for a proxy on this machine, or 10.0.0.0/8); see README',
    );
  }
  if (/^\d+$/.test(setting)) {
    throw new ConfigError(
      `TRUST_PROXY=${setting}: a hop count cannot tell a proxy from a client that reaches Kaimen directly. ` +
        'Set it to the addresses of the reverse proxies instead (e.g. 127.0.0.1 or 10.0.0.0/8, comma-separated)',
    );
  }
  const entries = setting.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!isAddressOrRange(entry)) {
      throw new ConfigError(
        `TRUST_PROXY must be off or a comma-separated list of proxy addresses or CIDR ranges; "${entry}" is neither`,
      );
    }
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address = '', bits, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (bits === undefined) return true;
  if (!/^\d+$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function isOneOf<T extends string>(value: string, options: readonly T[]): value is T {
  return (options as readonly string[]).includes(value);
}
