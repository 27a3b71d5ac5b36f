/** Names for the import API's types, from the generated client types (`npm run api:generate`). */
import type { components, operations } from '$lib/api/schema';

/** An import job with its progress (`GET /api/imports/{id}`). */
export type ImportJob = components['schemas']['ImportJob'];

/** Query parameters of `POST /api/imports/venues`. */
export type ImportQuery = operations['importVenues']['parameters']['query'];

/** Coordinate systems an import reads. */
export type Crs = ImportJob['crs'];

/** A page of `GET /api/imports/{id}/errors`. */
export type ImportErrorPage = operations['listImportErrors']['responses'][200]['content']['application/json'];

/** One bad row. */
export type ImportRowError = ImportErrorPage['items'][number];

/** A page of `GET /api/imports/{id}/duplicates`. */
export type ImportDuplicatePage = operations['listImportDuplicates']['responses'][200]['content']['application/json'];

/** One likely duplicate. */
export type ImportDuplicate = ImportDuplicatePage['items'][number];
