import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/api/client';
import type { Me } from '$lib/manage/types';
import { sendWrite } from './api';
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

/** A fetch that answers one status and body, and remembers what it was asked. */
function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = (async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof fetch;
  return { fn, calls };
}

describe('Session', () => {
  it('knows the user from GET /api/me and answers role questions', async () => {
    const session = new Session();
    await session.load(fakeFetch(200, ME).fn);
    expect(session.status).toBe('ready');
    expect(session.me?.email).toBe(ME.email);
    expect(session.is('venue_manager', 'admin')).toBe(true);
    expect(session.is('bureau')).toBe(false);
    expect(session.csrfToken).toBe('csrf-123');
  });

  it('takes a 401 as nobody signed in, and other failures as unknown', async () => {
    const anonymous = new Session();
    await anonymous.load(fakeFetch(401, { error: { code: 'AUTH_REQUIRED', message: 'sign in first' } }).fn);
    expect(anonymous.status).toBe('ready');
    expect(anonymous.me).toBeNull();
    const broken = new Session();
    await broken.load(fakeFetch(500, {}).fn);
    expect(broken.status).toBe('failed');
  });
});

describe('sendWrite', () => {
  it('sends the session’s CSRF token with JSON writes', async () => {
    const { fn, calls } = fakeFetch(201, { id: 'x' });
    const answer = await sendWrite({ csrfToken: 'csrf-123' }, 'POST', '/api/venues', { name_zh: '馆' }, fn);
    expect(answer).toEqual({ id: 'x' });
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers['x-csrf-token']).toBe('csrf-123');
    expect(headers['content-type']).toBe('application/json');
    expect(calls[0]!.init.body).toBe('{"name_zh":"馆"}');
  });

  it('sends no token before sign-in and answers undefined for 204', async () => {
    const { fn, calls } = fakeFetch(204, null);
    expect(await sendWrite({ csrfToken: null }, 'POST', '/api/auth/logout', undefined, fn)).toBeUndefined();
    expect((calls[0]!.init.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });

  it('turns 4xx answers into ApiErrors with their code, and hides 5xx messages', async () => {
    const refused = sendWrite(
      { csrfToken: 'c' },
      'POST',
      '/api/auth/login',
      {},
      fakeFetch(429, { error: { code: 'RATE_LIMITED', message: 'too many attempts; try again in 30 s' } }).fn,
    );
    await expect(refused).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    const fault = sendWrite(
      { csrfToken: 'c' },
      'POST',
      '/x',
      {},
      fakeFetch(500, { error: { code: 'X', message: 'stack' } }).fn,
    );
    await expect(fault).rejects.toBeInstanceOf(ApiError);
    await expect(fault).rejects.toMatchObject({ code: 'SERVER' });
  });
});
