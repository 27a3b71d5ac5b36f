import type { Db } from '../../db/client.ts';
import { insertSession, revokeSession } from '../../db/queries/sessions.ts';
import { hashToken, randomToken } from '../auth/tokens.ts';
import type { Actor } from './actor.ts';

/** How long a session lasts. */
export const SESSION_DAYS = 14;

/** The longest User-Agent a session keeps. */
const USER_AGENT_LENGTH = 300;

/** What a request tells about the session it starts from. */
export interface SessionRequest {
  /** The hash of the live session the request presented, if any: it ends (a planted id is never kept). */
  replaces: string | null;
  /** The browser's User-Agent, kept with the session. */
  userAgent: string | undefined;
}

export interface SignInInput extends SessionRequest {
  /** Whose session starts: the credentials were verified before (argon2 runs outside the transaction). */
  userId: string;
}

/** A started session: the cookie's token, the CSRF token for writes, and when it ends. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Starts a fresh session for a user whose credentials were checked, from the actor's address. A session
 * id the request presented is revoked in the same transaction rather than kept (session fixation); the
 * database holds only the hash of the new token.
 */
export async function signIn(tx: Db, actor: Actor, input: SignInInput): Promise<NewSession> {
  if (input.replaces) await revokeSession(tx, input.replaces);
  const session = {
    token: randomToken(),
    csrfToken: randomToken(),
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  };
  await insertSession(tx, {
    tokenHash: hashToken(session.token),
    userId: input.userId,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    ip: actor.ip,
    ...(input.userAgent ? { userAgent: input.userAgent.slice(0, USER_AGENT_LENGTH) } : {}),
  });
  return session;
}
