import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFrom, apiUrl, createApi } from './client';
import { apiFailure, fakeFetch, json, TEST_ORIGIN } from './testing';

const client = (reply: (request: Request) => Response | Promise<Response>, csrfToken: string | null = null) => {
  const fetch = fakeFetch(reply);
  return { ...fetch, api: createApi({ fetch: fetch.fn, baseUrl: TEST_ORIGIN, csrf: { csrfToken } }) };
};

describe('createApi', () => {
  it('fills in path parameters and the query, asks for JSON and answers the body', async () => {
    const { api, requests, paths } = client(() => json({ items: [], next_cursor: null }));
    const page = await api.GET('/api/imports/{id}/errors', {
      params: { path: { id: 'a b' }, query: { limit: 5, cursor: 'c/1' } },
    });
    expect(page).toEqual({ items: [], next_cursor: null });
    expect(paths()).toEqual(['/api/imports/a%20b/errors?limit=5&cursor=c%2F1']);
    expect(requests[0]!.headers.get('accept')).toBe('application/json');
    expect(requests[0]!.credentials).toBe('same-origin');
  });

  it('sends the session’s CSRF token with JSON writes and never with reads', async () => {
    const { api, requests } = client(() => json({ id: 'x' }, 201), 'csrf-123');
    await api.POST('/api/auth/login', { body: { email: 'a@example.test', password: 'secret' } });
    await api.GET('/api/me');
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.headers.get('x-csrf-token')).toBe('csrf-123');
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]!.text()).toBe('{"email":"a@example.test","password":"secret"}');
    expect(requests[1]!.headers.has('x-csrf-token')).toBe(false);
  });

  it('sends no token before sign-in, and answers undefined for 204', async () => {
    const { api, requests } = client(() => new Response(null, { status: 204 }));
    expect(await api.POST('/api/auth/logout')).toBeUndefined();
    expect(requests[0]!.headers.has('x-csrf-token')).toBe(false);
  });

  it('sends FormData as multipart, with the token and the browser’s boundary', async () => {
    const { api, requests } = client(() => json({ id: 'p' }, 201), 'csrf-123');
    const form = new FormData();
    form.append('caption', '入口');
    await api.POST('/api/venues/{id}/photos', { params: { path: { id: 'v1' } }, form });
    expect(requests[0]!.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(requests[0]!.headers.get('x-csrf-token')).toBe('csrf-123');
    expect((await requests[0]!.formData()).get('caption')).toBe('入口');
  });

  it('turns a 4xx into an ApiError with the server’s code and message', async () => {
    const { api } = client(() => apiFailure(429, 'RATE_LIMITED', 'too many attempts; try again in 30 s'));
    const failure = api.POST('/api/auth/login', { body: { email: 'a@example.test', password: 'x' } });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
      message: 'too many attempts; try again in 30 s',
    });
  });

  it('never shows a 5xx body: it is SERVER whatever it says', async () => {
    const { api } = client(() => apiFailure(500, 'X', 'stack trace'));
    const failure = api.GET('/api/me');
    await expect(failure).rejects.toMatchObject({ code: 'SERVER', status: 500 });
    await expect(failure).rejects.not.toMatchObject({ message: expect.stringContaining('stack') });
  });

  it('calls a request that got no answer NETWORK', async () => {
    const { api } = client(() => Promise.reject(new TypeError('fetch failed')));
    await expect(api.GET('/api/me')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('calls a success it cannot read SERVER', async () => {
    const { api } = client(() => new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    await expect(api.GET('/api/me')).rejects.toMatchObject({ code: 'SERVER', status: 200 });
  });

  it('rethrows an abort untouched, so a superseded request can be ignored', async () => {
    const controller = new AbortController();
    const { api } = client(
      (request) =>
        new Promise<Response>((_, reject) =>
          request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const pending = api.GET('/api/me', { signal: controller.signal });
    controller.abort();
    const error: unknown = await pending.catch((err: unknown) => err);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('apiErrorFrom', () => {
  it('keeps a 4xx code (the message falls back to it) and hides everything else', () => {
    expect(apiErrorFrom(409, { error: { code: 'SOLD_OUT' } })).toMatchObject({ code: 'SOLD_OUT', message: 'SOLD_OUT' });
    expect(apiErrorFrom(404, '<html>not found</html>')).toMatchObject({ code: 'SERVER', status: 404 });
    expect(apiErrorFrom(503, { error: { code: 'DOWN', message: 'db' } })).toMatchObject({ code: 'SERVER' });
    expect(apiErrorFrom(0, null)).toMatchObject({ code: 'NETWORK', status: 0 });
  });
});

describe('apiUrl', () => {
  it('writes a path’s URL as the client would request it', () => {
    expect(apiUrl('/api/venues/{id}/calendar.ics', { path: { id: 'v 1' } })).toBe('/api/venues/v%201/calendar.ics');
    expect(apiUrl('/api/tiles/venues.json', { query: {} })).toBe('/api/tiles/venues.json');
    expect(apiUrl('/api/imports/venues', { query: { crs: 'gcj02', source: 'bj', mapping: '{"a":"b"}' } })).toBe(
      '/api/imports/venues?crs=gcj02&source=bj&mapping=%7B%22a%22%3A%22b%22%7D',
    );
  });
});
