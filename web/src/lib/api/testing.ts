/**
 * Test doubles for code that calls the API: a fetch that records each request and answers as told.
 * Only unit tests import this; the client itself is created with the double as its `fetch`.
 */

/** The origin tests give the client, which has no page to resolve paths against. */
export const TEST_ORIGIN = 'http://kaimen.test';

/** A JSON answer. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A 4xx or 5xx answer in the API's error shape. */
export function apiFailure(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, status);
}

/**
 * A fetch that records every request and answers with whatever `reply` returns for it.
 * `paths()` lists what was asked for as path and query, without the origin.
 */
export function fakeFetch(reply: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fn: typeof fetch = async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    requests.push(request);
    return reply(request);
  };
  const paths = () => requests.map(({ url }) => url.slice(new URL(url).origin.length));
  return { fn, requests, paths };
}
