import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { timingSafeEqual } from 'node:crypto';
import { findSessionUser } from '../../../db/queries/sessions.ts';
import { refundFailedAttempts } from '../../auth/rate-limit.ts';
import { checkAccess, describeAccess, type Access, type CurrentUser } from '../../auth/access.ts';
import { hashToken } from '../../auth/tokens.ts';
import type { Actor } from '../../commands/actor.ts';
import { Errors } from '../../errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (server/auth/access.ts); required on every write route. */
    access?: Access;
  }
  interface FastifyRequest {
    /** The signed-in user, or null. */
    user: CurrentUser | null;
    /** The hash of the presented session token, when it named a live session. */
    sessionTokenHash: string | null;
    /** Who acts in this request's commands: the signed-in user (or none) and the client address. */
    readonly actor: Actor;
  }
  interface FastifyInstance {
    /** Every API route with its access rule, as registered: the authorisation matrix test reads it. */
    accessTable: { method: string; url: string; access: Access }[];
    /** Sets or clears the session cookie. */
    setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string | null, expiresAt?: Date): void;
  }
}

export const SESSION_COOKIE = 'kaimen_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sessions, CSRF and access rules.
 *
 * - The session is a random token in an httpOnly, SameSite=Lax cookie (Secure when the request came over
 *   https); the database holds its hash. Every API request with the cookie looks it up.
 * - A write authenticated by that cookie must carry the session's CSRF token in `X-CSRF-Token`, which a
 *   page of another site cannot read; any write whose Origin names another origin (scheme, host or port)
 *   is refused as well.
 * - Each route declares `config.access`; write routes without one make the app refuse to start, and the
 *   rule is checked before the body is parsed.
 */
export default fp(
  async (app) => {
    await app.register(cookie);
    app.decorateRequest('user', null);
    app.decorateRequest('sessionTokenHash', null);
    app.decorateRequest('actor', {
      getter(this: FastifyRequest): Actor {
        return actorOf(this);
      },
    });
    app.decorate('accessTable', []);
    app.decorate(
      'setSessionCookie',
      (reply: FastifyReply, request: FastifyRequest, token: string | null, expiresAt?: Date) => {
        const options = {
          path: '/',
          httpOnly: true,
          sameSite: 'lax' as const,
          secure: request.protocol === 'https',
        };
        if (token === null) void reply.clearCookie(SESSION_COOKIE, options);
        else void reply.setCookie(SESSION_COOKIE, token, { ...options, ...(expiresAt ? { expires: expiresAt } : {}) });
      },
    );

    app.addHook('onRequest', async (request) => {
      if (!request.url.startsWith('/api/')) return;
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const tokenHash = hashToken(token);
      const user = await findSessionUser(app.db, tokenHash);
      if (user) {
        request.user = user;
        request.sessionTokenHash = tokenHash;
      }
    });

    // Attempts a request counted against a rate limit are given back when it fails on our side.
    app.addHook('onResponse', (request, reply, done) => {
      if (reply.statusCode >= 500) refundFailedAttempts(request);
      done();
    });

    app.addHook('onRoute', (route: RouteOptions) => {
      if (!route.url.startsWith('/api/')) return;
      const methods = [route.method].flat();
      const writes = methods.some((m) => !SAFE_METHODS.has(m));
      const declared = route.config?.access;
      if (writes && declared === undefined) {
        throw new Error(`${methods.join(',')} ${route.url} declares no access rule (config.access)`);
      }
      const access: Access = declared ?? 'public';
      for (const method of methods) if (method !== 'HEAD') app.accessTable.push({ method, url: route.url, access });
      if (route.schema && declared !== undefined && access !== 'public') {
        const description = route.schema.description ? `${route.schema.description}\n\n` : '';
        route.schema = { ...route.schema, description: `${description}${describeAccess(access)}` };
      }
      // A callback hook, not an async one: it runs on every API request (docs/PERFORMANCE.md, "Bookings").
      const guard = (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
        try {
          // Public writes (sign-up, login) act for no session, so only the Origin is checked: a planted
          // session cookie must not stop its victim from signing in as themselves.
          if (!SAFE_METHODS.has(request.method)) checkCsrf(request, access !== 'public');
        } catch (error) {
          return done(error as Error);
        }
        const denial = checkAccess(access, request.user);
        if (denial === 'AUTH_REQUIRED') return done(Errors.authRequired());
        if (denial === 'FORBIDDEN') return done(Errors.forbidden());
        done();
      };
      route.onRequest = [...[route.onRequest ?? []].flat(), guard];
    });
  },
  { name: 'auth', dependencies: ['db'] },
);

/**
 * The request's actor. Its address is read when a command records it: the first read on a connection
 * asks the kernel (getpeername), which the thousands of refusals of a release rush need not do.
 */
function actorOf(request: FastifyRequest): Actor {
  return {
    user: request.user,
    get ip() {
      return request.ip;
    },
  };
}

/**
 * Refuses cross-site writes, and cookie-authenticated writes without the session's CSRF token. An Origin
 * must match the request's own origin in scheme, host and port: https://kaimen.example does not pass for
 * a request that came over http.
 */
function checkCsrf(request: FastifyRequest, actsForSession: boolean): void {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let sent: string;
    try {
      sent = new URL(origin).origin;
    } catch {
      throw Errors.csrfOriginMismatch();
    }
    const own = ownOrigin(request);
    if (own === undefined || sent !== own) throw Errors.csrfOriginMismatch();
  } else if (origin === 'null' || request.headers['sec-fetch-site'] === 'cross-site') {
    throw Errors.csrfOriginMismatch();
  }
  if (request.user && actsForSession) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, request.user.csrfToken)) throw Errors.csrfTokenInvalid();
  }
}

/**
 * The request's own origin as URL.origin writes it (scheme, host and a port only when not the default),
 * to compare with an Origin's. Behind a TLS proxy the scheme is https only when TRUST_PROXY names it.
 */
function ownOrigin(request: FastifyRequest): string | undefined {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return undefined;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
