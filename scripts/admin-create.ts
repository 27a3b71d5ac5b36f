/**
 * `npm run admin:create`: makes an administrator account, for the first admin of a deployment (on
 * PostgreSQL there are no demo accounts) or another one later. It works on the database the server
 * uses: PostgreSQL when DATABASE_URL is set (migrated: `npm run db:migrate`), else the embedded one in
 * KAIMEN_DATA_DIR (stop the server first: one process opens a data folder at a time).
 *
 * It asks on the terminal, in this order: the email (unless `--email` gives it), the name shown to
 * others (unless `--name` gives it; empty for "管理员"), the password, and the password again. The
 * password is never an argument and is read with the echo off. When standard input is not a terminal
 * (a pipe, a provisioning tool) the same four answers are read as lines from it, in the same order:
 *
 *     printf '%s\n' admin@example.org '' "$PASSWORD" "$PASSWORD" | npm run admin:create
 *
 * The password follows the sign-up rules (10 to 200 characters, not the email or its name part). When
 * the email already has an admin account nothing changes and it says so (exit 0); an account of another
 * role is refused (exit 1): change its role on /admin/users. Audited (`user.create_admin`).
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  hashPassword,
  refuseWeakPassword,
} from '../server/auth/passwords.ts';
import { createAdmin } from '../server/commands/account-admin.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/database.ts';
import { ApiError } from '../server/errors.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  strict: true,
});
if (values.password !== undefined) {
  fail(
    'the password is never taken as an argument (it would stay in the shell history and the process list): leave out --password and type it when asked',
  );
}

/** The same email rule as sign-up (ajv's `email` format, 254 characters at most). */
const ajv = new Ajv();
(addFormats as unknown as (ajv: Ajv) => void)(ajv);
const validEmail = ajv.compile({ type: 'string', format: 'email', maxLength: 254 });

// ---- Questions on the terminal, or lines from a pipe.
const interactive = process.stdin.isTTY === true;
let muted = false;
const output = new Writable({
  write(chunk, _encoding, callback) {
    if (!muted) process.stdout.write(chunk as Buffer);
    callback();
  },
});
const rl = createInterface({ input: process.stdin, output, terminal: interactive });
const lines: string[] = [];
const waiting: ((line: string | undefined) => void)[] = [];
let ended = false;
rl.on('line', (line) => {
  const next = waiting.shift();
  if (next) next(line);
  else lines.push(line);
});
rl.on('close', () => {
  ended = true;
  for (const next of waiting.splice(0)) next(undefined);
});
rl.on('SIGINT', () => {
  process.stdout.write('\n');
  process.exit(130);
});

async function ask(question: string, hidden = false): Promise<string> {
  process.stdout.write(question);
  muted = hidden;
  const line = lines.length
    ? lines.shift()
    : ended
      ? undefined
      : await new Promise<string | undefined>((r) => waiting.push(r));
  muted = false;
  if (hidden || !interactive) process.stdout.write('\n');
  if (line === undefined) fail('standard input ended before every answer was given');
  return line;
}

function fail(message: string): never {
  console.error(`admin:create: ${message}`);
  process.exit(1);
}

const email = (values.email ?? (await ask('Email of the administrator / 管理员邮箱: '))).trim().toLowerCase();
if (!validEmail(email)) fail(`"${email}" is not an email address`);
const name = (values.name ?? (await ask('Name shown to others / 显示名称 [管理员]: '))).trim() || '管理员';
if (name.length > 80) fail('the name is longer than 80 characters');
const password = await ask('Password / 密码 (not shown): ', true);
const again = await ask('Password again / 再输入一次: ', true);
rl.close();
if (password !== again) fail('the two passwords differ; nothing was changed');
if ([...password].length < PASSWORD_MIN_LENGTH || [...password].length > PASSWORD_MAX_LENGTH) {
  fail(`the password must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`);
}
try {
  refuseWeakPassword(password, email);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

// ---- The account.
const config = loadConfig();
const database = await openDatabase(config, (line) => console.error(line));
try {
  const passwordHash = await hashPassword(password);
  const { created, user } = await database.db.transaction((tx) =>
    createAdmin(tx, { email, displayName: name, passwordHash }),
  );
  console.log(
    created
      ? `Created the administrator ${user.email} (${database.engine}). Sign in at /login, then add people at /admin/users.`
      : `An administrator ${user.email} exists already; nothing was changed (reset its password from the sign-in page if it is lost).`,
  );
} catch (error) {
  if (error instanceof ApiError) fail(error.message);
  throw error;
} finally {
  await database.close();
}
