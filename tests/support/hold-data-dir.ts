/**
 * A process that opens an embedded data folder the way the server does (db/client.ts createDb, which
 * takes the folder's lock), says `open <pid>` and keeps it until stdin closes or it is killed. A refusal
 * is reported as server/server.ts reports it: the message on stderr, exit code 1.
 * Usage: tsx tests/support/hold-data-dir.ts <folder>
 */
import { createDb } from '../../db/client.ts';
import { DataDirLockedError } from '../../db/data-dir-lock.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hold-data-dir.ts <folder>');
try {
  const database = await createDb({ dataDir });
  await database.db.execute('SELECT 1');
  process.stdout.write(`open ${process.pid}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void database.close().then(() => process.exit(0));
  });
} catch (error) {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`[kaimen] ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
