import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDb, queryRows, type Database } from '../../db/client.ts';
import { verifyPassword } from '../../server/auth/passwords.ts';
import { openPrivateDb, testEngines } from '../support/engines.ts';

const SCRIPT = join(import.meta.dirname, '../../scripts/admin-create.ts');
const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');
const PASSWORD = 'the first admin passphrase';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run admin:create`'s script with `env`, its standard input fed from `input` (or through a terminal). */
function run(env: NodeJS.ProcessEnv, input: string, args: string[] = [], terminal = false): Promise<Run> {
  // A terminal: util-linux `script` gives the command a pseudo-terminal and passes what we write to it.
  const [command, argv] = terminal
    ? ['script', ['-qec', [TSX, SCRIPT, ...args].map((a) => `'${a}'`).join(' '), '/dev/null']]
    : [TSX, [SCRIPT, ...args]];
  const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  if (terminal) {
    // One answer at a time, each once its question is on the screen.
    const answers = input.split('\n');
    let asked = 0;
    const questions = [/邮箱: $/, /显示名称 \[管理员\]: $/, /not shown\): $/, /再输入一次: $/];
    child.stdout.on('data', () => {
      while (asked < answers.length - 1 && questions[asked]?.test(stdout.trimEnd() + ' ')) {
        child.stdin.write(`${answers[asked++]}\r`);
      }
    });
  } else {
    child.stdin.end(input);
  }
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

async function adminsNamed(database: Database, email: string) {
  return queryRows<{ role: string; password_hash: string }>(
    database.db,
    sql`SELECT role, password_hash FROM users WHERE email = ${email}`,
  );
}

describe.each(testEngines())('npm run admin:create on %s', (engine) => {
  it('creates the admin from answers on standard input, says so idempotently the second time, refuses weak passwords and a --password argument', async () => {
    const { database, dispose, url } = await openPrivateDb(engine);
    const dataDir = engine === 'pglite' ? mkdtempSync(join(tmpdir(), 'kaimen-admin-create-')) : undefined;
    // The embedded engine: the script opens the data folder as the server would (the test's own
    // in-memory database is not that folder, so it is read back from the folder below).
    const env: NodeJS.ProcessEnv = url
      ? { DATABASE_URL: url, KAIMEN_DATA_DIR: '' }
      : { DATABASE_URL: '', KAIMEN_DATA_DIR: dataDir, KAIMEN_DEMO: 'off' };
    let folder: Database | undefined;
    try {
      const email = `root-${Date.now()}@test.kaimen`;
      const first = await run(env, `${email.toUpperCase()}\n\n${PASSWORD}\n${PASSWORD}\n`);
      expect(first.stderr + first.stdout).toContain('Created the administrator');
      expect(first.code).toBe(0);
      expect(first.stdout).not.toContain(PASSWORD);
      const second = await run(env, `${email}\n张三\n${PASSWORD}\n${PASSWORD}\n`);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('exists already; nothing was changed');

      const weak = await run(env, `weak-${email}\n\nweak-${email}\nweak-${email}\n`);
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain('must not be your email');
      const short = await run(env, `short-${email}\n\nshort\nshort\n`);
      expect(short.code).toBe(1);
      expect(short.stderr).toContain('10 to 200 characters');
      const differ = await run(env, `differ-${email}\n\n${PASSWORD}\n${PASSWORD}!\n`);
      expect(differ.stderr).toContain('differ');
      const argument = await run(env, '', ['--email', `arg-${email}`, '--password', PASSWORD]);
      expect(argument.code).toBe(1);
      expect(argument.stderr).toContain('never taken as an argument');

      const read = dataDir ? (folder = await createDb({ dataDir })) : database;
      const rows = await adminsNamed(read, email);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.role).toBe('admin');
      expect(await verifyPassword(rows[0]!.password_hash, PASSWORD)).toBe(true);
      for (const other of ['weak-', 'short-', 'differ-', 'arg-']) {
        expect(await adminsNamed(read, `${other}${email}`)).toEqual([]);
      }
    } finally {
      await folder?.close();
      await dispose();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  // The terminal is the same whatever the engine; once, on PostgreSQL (registered only there, so no run
  // reports a skipped test).
  if (engine === 'postgres')
    it('on a terminal the password is not echoed', async () => {
      const { database, dispose, url } = await openPrivateDb(engine);
      try {
        const email = `tty-${Date.now()}@test.kaimen`;
        const result = await run({ DATABASE_URL: url }, `${email}\n\n${PASSWORD}\n${PASSWORD}\n`, [], true);
        expect(result.stdout).toContain('Created the administrator');
        expect(result.stdout).toContain(email);
        expect(result.stdout).not.toContain(PASSWORD);
        expect(await adminsNamed(database, email)).toHaveLength(1);
      } finally {
        await dispose();
      }
    }, 120_000);
});
