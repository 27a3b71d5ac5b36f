/**
 * Requests made as the signed-in user. Reads go through `getJson`; every write carries the session's
 * CSRF token in `X-CSRF-Token`, which the server demands of any cookie-authenticated write.
 */
import { ApiError } from '$lib/api/client';

type Method = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Where a write finds the current CSRF token (the session, or nothing before sign-in). */
export interface CsrfSource {
  readonly csrfToken: string | null;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  // 5xx messages are never meant for users; 4xx ones carry a stable code the interface words itself.
  if (response.status < 500 && typeof error?.code === 'string') {
    return new ApiError(typeof error.message === 'string' ? error.message : error.code, error.code, response.status);
  }
  return new ApiError(`server answered ${response.status}`, 'SERVER', response.status);
}

/**
 * Send a write: JSON for plain objects, multipart for `FormData`. Answers the parsed body, or
 * `undefined` for 204. Every failure is an {@link ApiError}.
 */
export async function sendWrite<T = unknown>(
  csrf: CsrfSource,
  method: Method,
  path: string,
  body?: unknown,
  fetchFn: typeof fetch = fetch,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrf.csrfToken) headers['x-csrf-token'] = csrf.csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetchFn(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError('network request failed', 'NETWORK', 0);
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json().catch(() => undefined)) as T;
}

/** GET as the signed-in user (the cookie goes along); failures are {@link ApiError}s. */
export async function readJson<T>(path: string, fetchFn: typeof fetch = fetch): Promise<T> {
  let response: Response;
  try {
    response = await fetchFn(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError('network request failed', 'NETWORK', 0);
  }
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}
