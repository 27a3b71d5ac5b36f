/**
 * Who is signed in, for one page view: a small runes class behind a typed context, loaded from
 * `GET /api/me`. It owns the API client the consoles use, whose writes carry this session's CSRF token.
 */
import { createContext } from 'svelte';
import { ApiError, createApi, type ApiClient, type ApiOptions, type CsrfSource } from '$lib/api/client';
import type { Me, Role } from '$lib/manage/types';

export class Session implements CsrfSource {
  /** The API as this user: reads send the session cookie, writes also the CSRF token. */
  readonly api: ApiClient;
  /** The signed-in user, or null when nobody is (or before the first load answered). */
  me = $state<Me | null>(null);
  /** `unknown` until `GET /api/me` has answered once. */
  status = $state<'unknown' | 'ready' | 'failed'>('unknown');

  /** @param options how the client reaches the API; tests inject a fetch and an origin */
  constructor(options: Omit<ApiOptions, 'csrf'> = {}) {
    this.api = createApi({ ...options, csrf: this });
  }

  get csrfToken(): string | null {
    return this.me?.csrf_token ?? null;
  }

  /** True when someone is signed in with one of these roles. */
  is(...roles: Role[]): boolean {
    return this.me !== null && roles.includes(this.me.role);
  }

  /** Ask the server who is signed in; a 401 means nobody. */
  async load(): Promise<void> {
    try {
      this.me = await this.api.GET('/api/me');
      this.status = 'ready';
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.me = null;
        this.status = 'ready';
      } else {
        this.status = 'failed';
      }
    }
  }

  /** Signed in (login or registration answered the user). */
  signedIn(me: Me): void {
    this.me = me;
    this.status = 'ready';
  }

  /** Sign out on the server, then forget the user here whatever it answered. */
  async signOut(): Promise<void> {
    try {
      await this.api.POST('/api/auth/logout');
    } finally {
      this.me = null;
    }
  }
}

/**
 * The session, shared through context: the console layout sets it (`setSessionContext(new Session())`),
 * its pages and components read it (`getSessionContext()`).
 */
export const [getSessionContext, setSessionContext] = createContext<Session>();
