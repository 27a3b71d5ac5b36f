import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { createOrganisation } from '../../db/queries/organisations.ts';
import { addSchoolMember } from '../../db/queries/schools.ts';
import { insertSession } from '../../db/queries/sessions.ts';
import { insertUser, userColumns, type UserRow } from '../../db/queries/users.ts';
import type { Role, StaffRole } from '../../domain/vocab.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { hashToken, randomToken } from '../../server/auth/tokens.ts';
import { SESSION_COOKIE } from '../../server/plugins/app/auth.ts';

/** The password of every account these helpers make. */
export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export interface TestActor {
  user: UserRow;
  /** Headers that make a request as this user: the session cookie and the CSRF token. */
  headers: { cookie: string; 'x-csrf-token': string };
  organisationId?: string;
}

export interface ActorOptions {
  role: Role;
  regionPrefix?: string;
  /** Venue managers: an organisation of their own (the default) or this one. */
  organisationId?: string;
  /** Venue managers joining `organisationId`: their staff role there (manager by default). */
  staffRole?: StaffRole;
  /** Teachers and school admins: an approved membership of this school. */
  schoolId?: string;
  name?: string;
}

/**
 * Makes a user with a live session straight in the database, as a login would, so tests of other
 * routes neither wait for argon2 on every sign-in nor meet the login rate limit.
 */
export async function createActor(database: Database, options: ActorOptions): Promise<TestActor> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const tag = randomUUID().slice(0, 8);
  const user = await insertUser(database.db, {
    email: `${options.role}-${tag}@test.kaimen`,
    displayName: options.name ?? `Test ${options.role} ${tag}`,
    passwordHash: await passwordHash,
    role: options.role,
    regionPrefix: options.role === 'bureau' ? (options.regionPrefix ?? '11') : null,
  });
  if (!user) throw new Error('test user email collided');
  let organisationId = options.organisationId;
  if (options.role === 'venue_manager') {
    if (organisationId) {
      const { organisationMembers } = await import('../../db/schema/index.ts');
      await database.db
        .insert(organisationMembers)
        .values({ organisationId, userId: user.id, role: options.staffRole ?? 'manager' });
    } else {
      organisationId = await createOrganisation(database.db, `Test organisation ${tag}`, user.id);
    }
  }
  if (options.schoolId && (options.role === 'teacher' || options.role === 'school_admin')) {
    await addSchoolMember(database.db, {
      schoolId: options.schoolId,
      userId: user.id,
      role: options.role,
      status: 'approved',
    });
  }
  const token = randomToken();
  const csrfToken = randomToken();
  await insertSession(database.db, {
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return {
    user,
    headers: { cookie: `${SESSION_COOKIE}=${token}`, 'x-csrf-token': csrfToken },
    ...(organisationId ? { organisationId } : {}),
  };
}

/** The session cookie a response set, as a `cookie` request header. */
export function sessionCookieOf(setCookie: string | string[] | undefined): string | undefined {
  const all = [setCookie ?? []].flat();
  const found = all.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return found?.split(';')[0];
}

/**
 * Many signed-in parents (or teachers without a school) at once, in two statements: for race tests whose
 * crowd must be distinct accounts. Like createActor, without organisations or memberships.
 */
export async function createCrowd(database: Database, count: number, role: Role = 'parent'): Promise<TestActor[]> {
  const { sessions, users } = await import('../../db/schema/index.ts');
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const tag = randomUUID().slice(0, 8);
  const made = await database.db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        email: `${role}-${tag}-${i}@test.kaimen`,
        displayName: `Test ${role} ${tag}-${i}`,
        passwordHash: hash,
        role,
      })),
    )
    .returning(userColumns);
  const tokens = made.map(() => ({ token: randomToken(), csrfToken: randomToken() }));
  await database.db.insert(sessions).values(
    made.map((user, i) => ({
      tokenHash: hashToken(tokens[i]!.token),
      userId: user.id,
      csrfToken: tokens[i]!.csrfToken,
      expiresAt: new Date(Date.now() + 86_400_000),
    })),
  );
  return made.map((user, i) => ({
    user,
    headers: { cookie: `${SESSION_COOKIE}=${tokens[i]!.token}`, 'x-csrf-token': tokens[i]!.csrfToken },
  }));
}
