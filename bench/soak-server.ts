/**
 * The server of `npm run bench:soak` (bench/soak.ts), in a process of its own so that its memory is the
 * API's alone: the app over PostgreSQL at `SOAK_DATABASE_URL`, listening on 127.0.0.1 at a free port,
 * rate limits off (KAIMEN_RATE_LIMITS=off: every sign-in of the soak comes from one address). It answers
 * `{ type: 'memory' }` with its `process.memoryUsage()` after a full garbage collection.
 */
import { createDb } from '../db/client.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';

export type ToSoakServer = { type: 'memory' } | { type: 'stop' };
export type FromSoakServer =
  | { type: 'listening'; base: string }
  | { type: 'memory'; rss: number; heapUsed: number; heapTotal: number; external: number };

const url = process.env.SOAK_DATABASE_URL;
if (!url || !process.send) throw new Error('bench/soak-server.ts is started by bench/soak.ts');
const send = (message: FromSoakServer) => process.send!(message);

const database = await createDb({ databaseUrl: url, maxConnections: Number(process.env.SOAK_POOL ?? '10') });
const app = await buildApp({ database, config: loadConfig({ KAIMEN_RATE_LIMITS: 'off' }), web: false });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
send({ type: 'listening', base });

process.on('message', (message: ToSoakServer) => {
  if (message.type === 'memory') {
    // A full collection first (the soak starts this process with --expose-gc): what stays is what is
    // retained, not where the heap's sawtooth happens to be.
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    send({ type: 'memory', rss, heapUsed, heapTotal, external });
  } else {
    void app
      .close()
      .then(() => database.close())
      .finally(() => process.exit(0));
  }
});
