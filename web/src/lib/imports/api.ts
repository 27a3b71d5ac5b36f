/**
 * The import API as the admin page calls it. The upload is the file itself as the body (not JSON, not
 * multipart), so it goes through XMLHttpRequest, which also reports how much of a large file has been
 * sent; the reads use the session's `readJson`.
 */
import { ApiError } from '$lib/api/client';
import { readJson, type CsrfSource } from '$lib/session/api';
import type { ImportDuplicatePage, ImportErrorPage, ImportJob, ImportQuery } from './types';

/** Query string of `POST /api/imports/venues`; the mapping travels as JSON in it. */
export function importUrl(query: Omit<ImportQuery, 'mapping'>, mapping: Record<string, unknown>): string {
  const params = new URLSearchParams();
  params.set('crs', query.crs);
  params.set('source', query.source);
  if (query.format) params.set('format', query.format);
  if (query.dry_run === 'true') params.set('dry_run', 'true');
  if (query.encoding && query.encoding !== 'utf-8') params.set('encoding', query.encoding);
  params.set('mapping', JSON.stringify(mapping));
  return `/api/imports/venues?${params.toString()}`;
}

/** The error a failed XHR answer carries, shaped like `sendWrite`'s: 4xx codes kept, 5xx hidden. */
function errorOf(status: number, text: string): ApiError {
  if (status === 0) return new ApiError('network request failed', 'NETWORK', 0);
  let error: { code?: unknown; message?: unknown } | undefined;
  try {
    error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
  } catch {
    error = undefined;
  }
  if (status < 500 && typeof error?.code === 'string') {
    return new ApiError(typeof error.message === 'string' ? error.message : error.code, error.code, status);
  }
  return new ApiError(`server answered ${status}`, 'SERVER', status);
}

/**
 * Uploads a file to start an import; answers the queued job. `onUpload` hears the fraction sent (0–1).
 */
export function uploadImport(
  csrf: CsrfSource,
  url: string,
  file: Blob,
  contentType: string,
  onUpload?: (fraction: number) => void,
): Promise<ImportJob> {
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
      if (xhr.status === 202 || xhr.status === 200) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportJob);
        } catch {
          reject(new ApiError('unreadable answer', 'SERVER', xhr.status));
        }
      } else reject(errorOf(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(errorOf(0, ''));
    xhr.send(file);
  });
}

/** The job and its progress. */
export function getImportJob(id: string): Promise<ImportJob> {
  return readJson<ImportJob>(`/api/imports/${encodeURIComponent(id)}`);
}

function listUrl(id: string, list: 'errors' | 'duplicates', cursor: string | null, limit: number): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return `/api/imports/${encodeURIComponent(id)}/${list}?${params.toString()}`;
}

/** One page of a job's bad rows, in line order. */
export function getImportErrors(id: string, cursor: string | null, limit = 50): Promise<ImportErrorPage> {
  return readJson<ImportErrorPage>(listUrl(id, 'errors', cursor, limit));
}

/** One page of a job's likely duplicates, in line order. */
export function getImportDuplicates(id: string, cursor: string | null, limit = 50): Promise<ImportDuplicatePage> {
  return readJson<ImportDuplicatePage>(listUrl(id, 'duplicates', cursor, limit));
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
