import { describe, expect, it } from 'vitest';
import { apiFailure, fakeFetch, json, TEST_ORIGIN } from '$lib/api/testing';
import type { Me } from '$lib/manage/types';
import { Session } from './session.svelte';

const ME: Me = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'manager@example.test',
  display_name: '测试',
  role: 'venue_manager',
  region_prefix: null,
  organisations: [],
  schools: [],
  csrf_token: 'csrf-123',
};

/** A session whose client answers every request with `reply`. */
function sessionAnswering(reply: () => Response) {
  const fetch = fakeFetch(reply);
  return { ...fetch, session: new Session({ fetch: fetch.fn, baseUrl: TEST_ORIGIN }) };
}

describe('Session', () => {
  it('knows the user from GET /api/me and answers role questions', async () => {
    const { session } = sessionAnswering(() => json(ME));
    await session.load();
    expect(session.status).toBe('ready');
    expect(session.me?.email).toBe(ME.email);
    expect(session.is('venue_manager', 'admin')).toBe(true);
    expect(session.is('bureau')).toBe(false);
    expect(session.csrfToken).toBe('csrf-123');
  });

  it('takes a 401 as nobody signed in, and other failures as unknown', async () => {
    const anonymous = sessionAnswering(() => apiFailure(401, 'AUTH_REQUIRED', 'sign in first')).session;
    await anonymous.load();
    expect(anonymous.status).toBe('ready');
    expect(anonymous.me).toBeNull();
    const broken = sessionAnswering(() => json({}, 500)).session;
    await broken.load();
    expect(broken.status).toBe('failed');
  });

  it('writes with its own CSRF token once signed in, and forgets the user on sign-out', async () => {
    const { session, requests } = sessionAnswering(() => new Response(null, { status: 204 }));
    session.signedIn(ME);
    await session.signOut();
    expect(requests[0]!.headers.get('x-csrf-token')).toBe('csrf-123');
    expect(session.me).toBeNull();
  });
});
