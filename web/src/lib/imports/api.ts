/**
 * The import API as the import page calls it (venues and schools). The upload is the file itself as the body (not JSON, not
 * multipart) and fetch cannot tell how much of a large file has been sent, so it goes through
 * XMLHttpRequest for its progress events; its URL and answer still come from the schema, and its
 * failures from the client's one error parser. The reads go through the session's client.
 */
import { ApiError, apiErrorFrom, apiUrl, type ApiAnswer, type ApiQuery, type CsrfSource } from '$lib/api/client';

/** An import job with its progress (`GET /api/imports/{id}`). */
export type ImportJob = ApiAnswer<'/api/imports/{id}'>;

/** Query parameters of `POST /api/imports/venues`. */
export type ImportQuery = ApiQuery<'/api/imports/venues', 'post'>;

/** Query parameters of `POST /api/imports/schools`: a venue import's and `verify`. */
export type SchoolImportQuery = ApiQuery<'/api/imports/schools', 'post'>;

/** Query of `POST /api/imports/schools`, defaults left out. */
export function schoolImportQuery(
  query: Omit<SchoolImportQuery, 'mapping'>,
  mapping: Record<string, unknown>,
): SchoolImportQuery {
  return {
    ...importQuery(query, mapping),
    ...(query.verify === 'true' ? { verify: 'true' as const } : {}),
  };
}

/** Query of `POST /api/imports/venues`, defaults left out; the mapping travels as JSON in it. */
export function importQuery(query: Omit<ImportQuery, 'mapping'>, mapping: Record<string, unknown>): ImportQuery {
  return {
    crs: query.crs,
    source: query.source,
    ...(query.format ? { format: query.format } : {}),
    ...(query.dry_run === 'true' ? { dry_run: 'true' as const } : {}),
    ...(query.encoding && query.encoding !== 'utf-8' ? { encoding: query.encoding } : {}),
    mapping: JSON.stringify(mapping),
  };
}

/** The parsed body of an XHR answer, or null when it is not JSON. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Where an upload goes and with what query: a venue or a school import. */
export type ImportTarget =
  { path: '/api/imports/venues'; query: ImportQuery } | { path: '/api/imports/schools'; query: SchoolImportQuery };

function uploadUrl(target: ImportTarget): string {
  return target.path === '/api/imports/schools'
    ? apiUrl(target.path, { query: target.query })
    : apiUrl(target.path, { query: target.query });
}

/**
 * Uploads a file to start an import; answers the queued job. `onUpload` hears the fraction sent (0–1).
 * `target` is the venue import's query, or a school import's path and query.
 */
export function uploadImport(
  csrf: CsrfSource,
  target: ImportQuery | ImportTarget,
  file: Blob,
  contentType: string,
  onUpload?: (fraction: number) => void,
): Promise<ImportJob> {
  const url = uploadUrl('path' in target ? target : { path: '/api/imports/venues', query: target });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', contentType);
    if (csrf.csrfToken) xhr.setRequestHeader('x-csrf-token', csrf.csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onUpload?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parsed(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) reject(apiErrorFrom(xhr.status, body));
      else if (body === null) reject(new ApiError('unreadable answer', 'SERVER', xhr.status));
      else resolve(body as ImportJob);
    };
    xhr.onerror = () => reject(apiErrorFrom(0, null));
    xhr.send(file);
  });
}

const RECENT_KEY = 'kaimen.imports.recent';

/** Ids of the jobs started in this browser session, newest first (sessionStorage; empty when unavailable). */
export function recentJobIds(): string[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, 20) : [];
  } catch {
    return [];
  }
}

/** Remembers a job started in this browser session. */
export function rememberJob(id: string): void {
  try {
    sessionStorage.setItem(RECENT_KEY, JSON.stringify([id, ...recentJobIds().filter((j) => j !== id)].slice(0, 20)));
  } catch {
    // Private modes may refuse storage; the list is a convenience.
  }
}
