/**
 * The one way the web app calls the API: an `openapi-fetch` client over the generated `paths`
 * (`schema.d.ts`, from the committed OpenAPI document), so a wrong path, parameter or body is a type
 * error, wrapped so that a call answers the success body itself and every failure is one
 * {@link ApiError}:
 *
 * ```ts
 * const venue = await api.GET('/api/venues/{id}', { params: { path: { id } }, signal });
 * ```
 *
 * Reads of public data use {@link api}; the console's reads and writes go through the session's
 * client (`Session.api`), which sends the CSRF token the server demands of cookie-authenticated writes.
 */
import createClient, {
  createFinalURL,
  createQuerySerializer,
  defaultPathSerializer,
  type MaybeOptionalInit,
} from 'openapi-fetch';
import type { paths } from './schema';

/**
 * An API failure. A 4xx message is safe to show; `NETWORK` and `SERVER` carry no user text, and the
 * interface words them in its own language (`apiErrorText`, `describeError`).
 */
export class ApiError extends Error {
  /**
   * @param message the server's 4xx message, or a developer-facing note for client-side classes
   * @param code the server's stable machine code, or `NETWORK` / `SERVER` for client-side classes
   * @param status HTTP status, 0 when the request never got an answer
   */
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The {@link ApiError} for a failed answer, from its status and parsed body (the schema's `Error`:
 * `{ error: { code, message } }`). 5xx messages are never meant for users (STYLE.md practice 5), so
 * they and anything unreadable become `SERVER`; status 0 (no answer at all) is `NETWORK`.
 */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  if (status === 0) return new ApiError('network request failed', 'NETWORK', 0);
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  if (status < 500 && typeof code === 'string') {
    return new ApiError(typeof message === 'string' ? message : code, code, status);
  }
  return new ApiError(`server answered ${status}`, 'SERVER', status);
}

/** Where writes find the session's CSRF token: the runes `Session`, which has none before sign-in. */
export interface CsrfSource {
  readonly csrfToken: string | null;
}

/** HTTP methods the API uses, as the generated `paths` name them. */
export type ApiMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** The API's paths that answer `M`, e.g. `ApiPath<'post'>` includes `'/api/auth/login'`. */
export type ApiPath<M extends ApiMethod = 'get'> = {
  [P in keyof paths]: paths[P] extends Record<M, unknown> ? P : never;
}[keyof paths];

/** The generated operation behind a path and method. */
export type ApiOperation<P extends ApiPath<M>, M extends ApiMethod = 'get'> = paths[P][M];

type SuccessStatus = 200 | 201 | 202 | 204;
type SuccessBody<Op> = Op extends { responses: infer R }
  ? {
      [S in keyof R & SuccessStatus]: R[S] extends { content: { 'application/json': infer B } } ? B : undefined;
    }[keyof R & SuccessStatus]
  : never;

/** The JSON body of a successful answer (`undefined` for 204), e.g. `ApiAnswer<'/api/venues/{id}'>`. */
export type ApiAnswer<P extends ApiPath<M>, M extends ApiMethod = 'get'> = SuccessBody<ApiOperation<P, M>>;

/** The JSON request body of an operation, e.g. `ApiBody<'/api/auth/register', 'post'>`. */
export type ApiBody<P extends ApiPath<M>, M extends ApiMethod> =
  ApiOperation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** The query parameters of an operation, e.g. `ApiQuery<'/api/venues'>`. */
export type ApiQuery<P extends ApiPath<M>, M extends ApiMethod = 'get'> =
  ApiOperation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** What a call may carry besides the typed `params` and `body` (and `signal`, `headers`). */
interface CallExtras {
  /** A multipart body (the photo upload, which the schema leaves untyped); the browser sets its boundary. */
  form?: FormData;
}

/**
 * One method of the client: the typed path and options of `openapi-fetch`, answering the success
 * body. The options argument is required exactly when the operation has required parameters or body.
 */
type CallMethod<M extends ApiMethod> = <P extends ApiPath<M>, I extends MaybeOptionalInit<paths[P], M>>(
  path: P,
  ...init: RequiredKeys<I> extends never ? [(I & CallExtras)?] : [I & CallExtras]
) => Promise<ApiAnswer<P, M>>;

/** The typed API client: `GET`, `POST`, `PATCH`, `PUT` and `DELETE` by path. */
export interface ApiClient {
  GET: CallMethod<'get'>;
  POST: CallMethod<'post'>;
  PATCH: CallMethod<'patch'>;
  PUT: CallMethod<'put'>;
  DELETE: CallMethod<'delete'>;
}

/** How a client reaches the API. */
export interface ApiOptions {
  /**
   * The fetch to use: SvelteKit load functions pass theirs (on the server it reaches the API
   * in-process, see hooks.server.ts), unit tests a double. Defaults to the global fetch, looked up at
   * each call.
   */
  fetch?: typeof fetch;
  /** Where writes read the CSRF token from (the session); without it no token is sent. */
  csrf?: CsrfSource;
  /**
   * The origin requests go to. Defaults to the page's own; outside a browser (server-side loads,
   * unit tests) there is none, so pass one.
   */
  baseUrl?: string;
}

const isAbort = (err: unknown, signal: unknown): boolean =>
  (signal instanceof AbortSignal && signal.aborted) || (err instanceof Error && err.name === 'AbortError');

/** Create a client; most code uses {@link api} or the session's `api` instead. */
export function createApi(options: ApiOptions = {}): ApiClient {
  const client = createClient<paths>({ credentials: 'same-origin', headers: { accept: 'application/json' } });

  async function call(method: ApiMethod, path: string, init: Record<string, unknown> = {}): Promise<unknown> {
    const { form, headers, ...rest } = init;
    const token = method === 'get' ? null : (options.csrf?.csrfToken ?? null);
    let answered = 0;
    const request = {
      ...rest,
      ...(form instanceof FormData ? { body: form } : {}),
      baseUrl: options.baseUrl ?? globalThis.location?.origin,
      headers: { ...(headers as Record<string, string> | undefined), ...(token ? { 'x-csrf-token': token } : {}) },
      // No answer at all is NETWORK; an abort passes untouched, so superseded requests can be ignored.
      fetch: async (r: Request) => {
        try {
          const response = await (options.fetch ?? globalThis.fetch)(r);
          answered = response.status;
          return response;
        } catch (err) {
          throw isAbort(err, r.signal) ? err : apiErrorFrom(0, null);
        }
      },
    };
    let result: { data?: unknown; error?: unknown; response: Response };
    try {
      // The typed signatures of ApiClient checked path and options already; here they are plain values.
      result = await client.request(method, path as never, request as never);
    } catch (err) {
      if (err instanceof ApiError || isAbort(err, rest.signal)) throw err;
      // The answer came but could not be read (e.g. a success body that is not JSON).
      throw new ApiError('unreadable answer', 'SERVER', answered);
    }
    if (!result.response.ok) throw apiErrorFrom(result.response.status, result.error);
    return result.data;
  }

  const method =
    (name: ApiMethod) =>
    (path: string, init?: Record<string, unknown>): Promise<unknown> =>
      call(name, path, init);
  return {
    GET: method('get'),
    POST: method('post'),
    PATCH: method('patch'),
    PUT: method('put'),
    DELETE: method('delete'),
  } as ApiClient;
}

/**
 * The client for public reads in the browser (the map, the venue page, the place search). It sends
 * no CSRF token, so it offers reads only; writes go through the session's client.
 */
export const api: Pick<ApiClient, 'GET'> = createApi();

/** The parameters in a URL of a path, whichever of its operations it is for. */
type UrlParams<P extends keyof paths> = Pick<NonNullable<paths[P][ApiMethod]>['parameters'], 'path' | 'query'>;

/**
 * The URL of an operation, for what is not fetched here but linked or handed on: the iCalendar
 * file, the TileJSON MapLibre reads, the import upload (XHR, for its progress events). Relative to the
 * page's origin; serialised exactly as the client serialises a request's parameters.
 */
export function apiUrl<P extends keyof paths>(path: P, params: UrlParams<P>): string {
  return createFinalURL(path, {
    baseUrl: '',
    params: params as { path?: Record<string, unknown>; query?: Record<string, unknown> },
    querySerializer: createQuerySerializer(),
    pathSerializer: defaultPathSerializer,
  });
}
