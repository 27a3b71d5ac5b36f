/**
 * The only file that listens. Reads the configuration, opens the database (creating and seeding the
 * embedded one on a first start), builds the app, listens, and shuts down gracefully on SIGINT/SIGTERM.
 */
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './database.ts';
import { startWarnings } from './start-warnings.ts';
import { keepOpeningDataCurrent } from '../seeds/upkeep.ts';
import { invalidateVenueTiles } from './services/tile-cache.ts';
import { startBookingUpkeep } from './services/booking-upkeep.ts';
import { startWaitlistSweep } from './services/waitlist-sweep.ts';

const say = (line: string) => process.stdout.write(`[kaimen] ${line}\n`);

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`[kaimen] configuration error: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}

// Unsafe settings (rate limits off, demo mode on a reachable address) are said loudly before anything else.
for (const warning of startWarnings(config)) say(warning);

const database = await openDatabase(config, say).catch((error: unknown) => {
  // Another process has the embedded database's folder: say so plainly, without a stack trace.
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`[kaimen] ${error.message}\n`);
    process.exit(1);
  }
  throw error;
});
const app = await buildApp({
  database,
  config,
  logger: { level: config.logLevel },
});
app.server.requestTimeout = 30_000;
app.server.headersTimeout = 35_000;

// Opening days and the sample schedule roll forward with the calendar; twice a day is plenty.
const upkeep = setInterval(
  () => {
    keepOpeningDataCurrent(database.db)
      // Open-now and date filters of cached tiles depend on the recomputed intervals.
      .then(() => invalidateVenueTiles(database))
      .catch((error: unknown) => app.log.error({ err: error }, 'opening-data upkeep failed'));
  },
  12 * 60 * 60 * 1000,
);
upkeep.unref();

// Day-before reminders and the purge of old idempotency keys, every 5 minutes (safe in several processes).
const bookingUpkeep = startBookingUpkeep(database.db, { log: app.log, publicUrl: config.publicUrl });
// Lapsed waitlist offers and requests expire and their places move on to the next entry, every minute.
const waitlistSweep = startWaitlistSweep(database.db, {
  onError: (error: unknown) => app.log.error({ err: error }, 'waitlist sweep failed'),
});

// Messages (password resets, cancelled slots) wait in the outbox. In demo mode they stay there, shown on
// the dev mailbox page; a deployment plugs a MessageSender (server/services/outbox.ts) in here.
if (!config.demo) {
  say('No message sender is configured: password-reset and cancellation messages stay in the outbox table.');
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  say(`${signal}: closing…`);
  // A hung close must not keep the process alive forever.
  const timer = setTimeout(() => process.exit(1), 10_000);
  timer.unref();
  clearInterval(upkeep);
  await waitlistSweep.stop();
  try {
    await bookingUpkeep.stop();
    await app.close();
    await database.close();
  } finally {
    process.exit(0);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    process.stderr.write(
      `[kaimen] cannot listen on ${config.host}:${config.port} (${code === 'EADDRINUSE' ? 'the port is in use' : 'permission denied'}): set PORT to another port\n`,
    );
    await database.close();
    process.exit(1);
  }
  throw error;
}
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
say(
  `Kaimen is running on ${database.engine === 'pglite' ? 'the embedded database (PGlite + PostGIS)' : 'PostgreSQL + PostGIS'}.`,
);
say(`Open http://${shownHost}:${port}/  (API docs: http://${shownHost}:${port}/api/docs)`);
