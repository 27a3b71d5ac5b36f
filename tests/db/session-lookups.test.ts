/**
 * findSessionUser coalesces the lookups of one turn of the event loop into one statement: each lookup
 * still gets its own answer, read after it was asked (a revoked session is never seen alive).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { findSessionUser, revokeSession } from '../../db/queries/sessions.ts';
import { hashToken } from '../../server/auth/tokens.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { openTestDb, testEngines } from '../support/engines.ts';

const tokenHashOf = (actor: TestActor) => hashToken(decodeURIComponent(actor.headers.cookie.split('=')[1]!));

describe.each(testEngines())('session lookups on %s', (engine) => {
  let database: Database;
  const actors: TestActor[] = [];

  beforeAll(async () => {
    database = await openTestDb(engine);
    for (let i = 0; i < 5; i++) actors.push(await createActor(database, { role: 'parent' }));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('many lookups at once each answer their own session; unknown and revoked ones none', async () => {
    const hashes = actors.map(tokenHashOf);
    const asked = [...hashes, hashToken('no-such-token'), ...hashes.slice().reverse(), hashes[0]!];
    const users = await Promise.all(asked.map((hash) => findSessionUser(database.db, hash)));
    expect(users.map((user) => user?.id)).toEqual([
      ...actors.map((a) => a.user.id),
      undefined,
      ...actors.map((a) => a.user.id).reverse(),
      actors[0]!.user.id,
    ]);

    await revokeSession(database.db, hashes[1]!);
    const after = await Promise.all(hashes.map((hash) => findSessionUser(database.db, hash)));
    expect(after.map((user) => user?.id)).toEqual(actors.map((a, i) => (i === 1 ? undefined : a.user.id)));
  });
});
