import type { IncomingMessage } from 'node:http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { getImportJob, listImportDuplicates, listImportErrors } from '../../../db/queries/imports.ts';
import type { ImportFormat } from '../../../domain/vocab.ts';
import { regionOf, type CurrentUser } from '../../auth/access.ts';
import { runCommand } from '../../commands/actor.ts';
import { startImport } from '../../commands/start-import.ts';
import { decodeCursor, encodeCursor, queryFingerprint } from '../../cursor.ts';
import { Errors } from '../../errors.ts';
import { presentImportDuplicate, presentImportError, presentImportJob } from '../../presenters/import-job.ts';
import { errorResponses } from '../../schemas/common.ts';
import { prepareSchoolImport } from '../../services/import/import-schools.ts';
import { prepareImport } from '../../services/import/import-venues.ts';
import { ImportQueue } from '../../services/import/queue.ts';
import {
  DEFAULT_LIST_LIMIT,
  IMPORT_BODY_LIMIT,
  ImportBody,
  ImportDuplicateList,
  ImportErrorList,
  ImportHeaders,
  ImportJob,
  ImportListQuery,
  ImportParams,
  ImportQuery,
  SchoolImportQuery,
} from './schema.ts';
import { readTextBody } from './text-body.ts';

/** What each accepted Content-Type holds when `format` is not given. */
const FORMAT_OF_MEDIA_TYPE: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'text/plain': 'csv',
  'application/geo+json': 'geojson',
  'application/json': 'geojson',
};

/** Venue imports load venues anywhere in the country, so only administrators run them. */
const ADMIN_ONLY = { access: { roles: ['admin'] } } as const;
/** A bureau imports its region's official list of schools; administrators any list. */
const OVERSEERS = { access: { roles: ['bureau', 'admin'] } } as const;

/**
 * The file's format: `format` when given, else the Content-Type's; a `format` the Content-Type
 * contradicts (text/plain aside) is refused.
 */
function formatOf(query: { format?: ImportFormat | undefined }, contentType: string | undefined): ImportFormat {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  const implied = mediaType ? FORMAT_OF_MEDIA_TYPE[mediaType] : undefined;
  const format = query.format ?? implied;
  if (!format) {
    throw Errors.unsupportedFormat(
      'say format=csv or format=geojson, or send Content-Type text/csv or application/geo+json',
    );
  }
  if (query.format && implied && mediaType !== 'text/plain' && implied !== query.format) {
    throw Errors.unsupportedFormat(`format=${query.format} does not match Content-Type ${mediaType}`);
  }
  return format;
}

/** A job is followed by the one who started it and by administrators. */
function mayFollow(user: CurrentUser, job: { createdBy: string | null }): boolean {
  return user.role === 'admin' || job.createdBy === user.id;
}

/** Venue and school imports: upload a CSV or GeoJSON file, follow the job, read its bad rows and duplicates. */
const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(ImportJob);

  const queue = new ImportQueue(app.db, app.log);
  app.addHook('onReady', async () => {
    await queue.recoverStaleJobs().catch((err: unknown) => app.log.error({ err }, 'import job recovery failed'));
  });
  app.addHook('onClose', async () => queue.close());

  // The file is the raw body. These parsers live in this plugin only: JSON elsewhere is parsed as usual.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(
    Object.keys(FORMAT_OF_MEDIA_TYPE),
    { bodyLimit: IMPORT_BODY_LIMIT },
    (request: FastifyRequest, payload: IncomingMessage) => {
      const { encoding } = request.query as { encoding?: string };
      // Decoded as it arrives: collecting a 49 MB body and decoding it at the end held every other request.
      return readTextBody(payload, {
        limit: request.routeOptions.bodyLimit ?? IMPORT_BODY_LIMIT,
        contentLength: request.headers['content-length'],
        encoding: encoding === 'gb18030' ? 'gb18030' : 'utf-8',
      });
    },
  );

  app.post(
    '/api/imports/venues',
    {
      config: ADMIN_ONLY,
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['imports'],
        summary: 'Import venues from a CSV or GeoJSON file',
        description:
          'Send the file as the body (`text/csv`, or `application/geo+json` with Point features) and a field mapping. ' +
          'The import runs in the background, one job at a time: poll `GET /api/imports/{id}`. Bad rows are skipped and ' +
          'listed with their line; likely duplicates (same name within 100 m of a venue or an earlier row) are listed, not ' +
          'loaded; rows with a mapped source_ref update the venue an earlier import of the same source made. ' +
          'gcj02 and bd09 points are converted to WGS-84; the district (adcode) is the smallest one whose boundary covers the point.',
        operationId: 'importVenues',
        querystring: ImportQuery,
        headers: ImportHeaders,
        body: ImportBody,
        response: {
          202: Type.Ref('ImportJob', { description: 'The job, queued: follow it at the Location header' }),
          ...errorResponses(400, 401, 403, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const { query } = request;
      const format = formatOf(query, request.headers['content-type']);
      const text = typeof request.body === 'string' ? request.body : '';
      const mapping = query.mapping ?? request.headers['x-import-mapping'];
      const prepared = prepareImport({ format, text, mapping, source: query.source });
      const dryRun = query.dry_run === 'true';
      const job = await runCommand(app.db, startImport, request.actor, {
        format,
        crs: query.crs,
        source: query.source,
        dryRun,
        mapping: prepared.mapping,
      });
      queue.enqueue({
        jobId: job.id,
        file: prepared.file,
        options: { source: query.source, crs: query.crs, dryRun, mapping: prepared.mapping },
      });
      return reply.code(202).header('location', `/api/imports/${job.id}`).send(presentImportJob(job));
    },
  );

  app.post(
    '/api/imports/schools',
    {
      config: OVERSEERS,
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['imports'],
        summary: 'Import schools from an official list (CSV or GeoJSON)',
        description:
          'Send the file as the body (`text/csv`, or `application/geo+json` with Point features) and a field mapping, as for ' +
          'venue imports. The job runs in the background: poll `GET /api/imports/{id}`. Bad rows are skipped and listed with ' +
          'their line and code (NAME_REQUIRED, COORDINATES_REQUIRED, UNKNOWN_KIND, INVALID_GRADES, INVALID_VALUE for an ' +
          "unknown adcode or one the point contradicts, OUTSIDE_REGION for a bureau's row outside its region); likely " +
          'duplicates (same name within 100 m of a school or an earlier row) are listed, not loaded; rows with a mapped ' +
          "source_ref update the school an earlier import of the same source made. The district is the row's adcode, or " +
          'the smallest one whose boundary covers the point. With verify=true the loaded schools are verified. Imported ' +
          'schools have no admins: a school admin claims one.',
        operationId: 'importSchools',
        querystring: SchoolImportQuery,
        headers: ImportHeaders,
        body: ImportBody,
        response: {
          202: Type.Ref('ImportJob', { description: 'The job, queued: follow it at the Location header' }),
          ...errorResponses(400, 401, 403, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const { query } = request;
      const user = request.user!;
      const format = formatOf(query, request.headers['content-type']);
      const text = typeof request.body === 'string' ? request.body : '';
      const mapping = query.mapping ?? request.headers['x-import-mapping'];
      const prepared = prepareSchoolImport({ format, text, mapping, source: query.source });
      const dryRun = query.dry_run === 'true';
      const verify = query.verify === 'true';
      const job = await runCommand(app.db, startImport, request.actor, {
        entity: 'schools',
        verify,
        format,
        crs: query.crs,
        source: query.source,
        dryRun,
        mapping: prepared.mapping,
      });
      queue.enqueue({
        entity: 'schools',
        jobId: job.id,
        file: prepared.file,
        options: {
          source: query.source,
          crs: query.crs,
          dryRun,
          mapping: prepared.mapping,
          verify,
          region: regionOf(user),
          createdBy: user.id,
        },
      });
      return reply.code(202).header('location', `/api/imports/${job.id}`).send(presentImportJob(job));
    },
  );

  app.get(
    '/api/imports/:id',
    {
      config: OVERSEERS,
      schema: {
        tags: ['imports'],
        summary: 'An import job with its progress',
        description: 'For the account that started it (a bureau its own school imports) and administrators.',
        operationId: 'getImport',
        params: ImportParams,
        response: {
          200: Type.Ref('ImportJob', { description: 'The job and its progress' }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      return presentImportJob(await followedJob(request.user!, request.params.id));
    },
  );

  app.get(
    '/api/imports/:id/errors',
    {
      config: OVERSEERS,
      schema: {
        tags: ['imports'],
        summary: "An import's bad rows, in line order",
        description: 'Each row the job could not load, with its line, a reason to show a person and a stable code.',
        operationId: 'listImportErrors',
        params: ImportParams,
        querystring: ImportListQuery,
        response: { 200: ImportErrorList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      return pageOf(
        request.user!,
        id,
        'errors',
        request.query,
        (afterLine, limit) => listImportErrors(app.db, { jobId: id, afterLine, limit }),
        presentImportError,
      );
    },
  );

  app.get(
    '/api/imports/:id/duplicates',
    {
      config: OVERSEERS,
      schema: {
        tags: ['imports'],
        summary: "An import's likely duplicates, in line order",
        description:
          'Rows not loaded because a venue or school (or an earlier row of the file) with the same normalised name lies within 100 m.',
        operationId: 'listImportDuplicates',
        params: ImportParams,
        querystring: ImportListQuery,
        response: { 200: ImportDuplicateList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      return pageOf(
        request.user!,
        id,
        'duplicates',
        request.query,
        (afterLine, limit) => listImportDuplicates(app.db, { jobId: id, afterLine, limit }),
        presentImportDuplicate,
      );
    },
  );

  /** The job, when it exists (404) and the user may follow it (403). */
  async function followedJob(user: CurrentUser, id: string) {
    const job = await getImportJob(app.db, { id });
    if (!job) throw Errors.importNotFound();
    if (!mayFollow(user, job)) throw Errors.forbidden('this import was started by another account');
    return job;
  }

  /** One page of a job's list, keyed by line; a cursor only works for the list and job that issued it. */
  async function pageOf<Row extends { line: number }, Item>(
    user: CurrentUser,
    jobId: string,
    list: 'errors' | 'duplicates',
    query: { limit?: number | undefined; cursor?: string | undefined },
    fetch: (afterLine: number | undefined, limit: number) => Promise<Row[]>,
    present: (row: Row) => Item,
  ): Promise<{ items: Item[]; next_cursor: string | null }> {
    await followedJob(user, jobId);
    const fingerprint = queryFingerprint({ jobId, list });
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, fingerprint);
    const afterLine = after === undefined ? undefined : Number(after.key[0]);
    const limit = query.limit ?? DEFAULT_LIST_LIMIT;
    const rows = await fetch(afterLine, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const next_cursor = rows.length > limit && last ? encodeCursor({ key: [last.line], id: jobId }, fingerprint) : null;
    return { items: page.map(present), next_cursor };
  }
};

export default importRoutes;
