import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError, apiErrorBody, Errors } from '../../errors.ts';
import { sqlState } from '../../services/import/db-errors.ts';

/** Stable codes for schema-validation failures of particular fields, so clients can switch on them. */
const FIELD_CODES: Record<string, string> = {
  near: 'INVALID_NEAR',
  bbox: 'INVALID_BBOX',
  radius_m: 'INVALID_RADIUS',
  limit: 'INVALID_LIMIT',
  q: 'INVALID_QUERY',
  free: 'INVALID_FREE',
  cursor: 'INVALID_CURSOR',
  id: 'INVALID_ID',
  kinds: 'UNKNOWN_KIND',
  themes: 'UNKNOWN_THEME',
  green_channel: 'INVALID_GREEN_CHANNEL',
  accessible: 'UNKNOWN_ACCESSIBILITY_NEED',
  designation: 'INVALID_DESIGNATION',
  sort: 'INVALID_SORT',
  age: 'INVALID_AGE',
  group_size: 'INVALID_GROUP_SIZE',
  at: 'INVALID_DATE',
  open_on: 'INVALID_DATE',
  open_at: 'INVALID_DATE',
  weekend: 'INVALID_WEEKEND',
  include_unknown_hours: 'INVALID_INCLUDE_UNKNOWN_HOURS',
  grade: 'INVALID_GRADE',
  from: 'INVALID_DATE_RANGE',
  to: 'INVALID_DATE_RANGE',
  kind: 'INVALID_SLOT_KIND',
  crs: 'INVALID_CRS',
  format: 'UNSUPPORTED_FORMAT',
  source: 'INVALID_SOURCE',
  mapping: 'INVALID_MAPPING',
  'x-import-mapping': 'INVALID_MAPPING',
  dry_run: 'INVALID_DRY_RUN',
  encoding: 'INVALID_ENCODING',
  email: 'INVALID_EMAIL',
  password: 'INVALID_PASSWORD',
  display_name: 'INVALID_DISPLAY_NAME',
  role: 'INVALID_ROLE',
  school_id: 'INVALID_SCHOOL',
  organisation_name: 'INVALID_ORGANISATION_NAME',
  token: 'INVALID_RESET_TOKEN',
  reason: 'INVALID_REASON',
  note: 'INVALID_NOTE',
  title: 'INVALID_TITLE',
  issuer: 'INVALID_ISSUER',
  level: 'INVALID_LEVEL',
  year: 'INVALID_YEAR',
  entity_type: 'INVALID_ENTITY_TYPE',
  entity_id: 'INVALID_ENTITY_ID',
  userId: 'INVALID_ID',
  opening_hours: 'INVALID_OPENING_HOURS',
  days: 'INVALID_DAYS',
  name_zh: 'INVALID_NAME',
  name_en: 'INVALID_NAME',
  lng: 'INVALID_COORDINATES',
  lat: 'INVALID_COORDINATES',
  adcode: 'UNKNOWN_ADCODE',
  evidence: 'INVALID_EVIDENCE',
  capacity: 'INVALID_CAPACITY',
  school_allocation: 'INVALID_ALLOCATION',
  allocation_release_hours: 'INVALID_ALLOCATION',
  single: 'INVALID_SLOT_TIMES',
  recurring: 'INVALID_RECURRENCE',
  programme_id: 'INVALID_PROGRAMME',
  title_zh: 'INVALID_TITLE',
  file: 'INVALID_PHOTO',
  name: 'INVALID_NAME',
  grades: 'INVALID_GRADES',
  pupil_count: 'INVALID_PUPIL_COUNT',
  contact_name: 'INVALID_CONTACT',
  contact_phone: 'INVALID_CONTACT',
  contact_email: 'INVALID_CONTACT',
  // PATCH /api/slots/{id}
  allocation_release_at: 'INVALID_ALLOCATION',
  booking_opens_at: 'INVALID_BOOKING_WINDOW',
  booking_closes_at: 'INVALID_BOOKING_WINDOW',
  cancel_hours_before: 'INVALID_CANCELLATION_DEADLINE',
  over_capacity: 'INVALID_OVER_CAPACITY',
};

/** Fields whose code differs on the schools routes (a school's kind is not a slot's). */
const SCHOOL_FIELD_CODES: Record<string, string> = { kind: 'INVALID_SCHOOL_KIND' };

/** PostgreSQL data exceptions and constraint violations as client errors (message without SQL). */
function refusal(state: string | undefined): { status: number; code: string; message: string } | undefined {
  if (!state) return undefined;
  // Migration 0008's slot guard: a booking or a capacity cut the booking commands should have refused.
  if (state === 'KM001') return { status: 409, code: 'SOLD_OUT', message: 'the slot has not enough places left' };
  if (state === 'KM002')
    return { status: 409, code: 'CAPACITY_BELOW_TAKEN', message: 'bookings already take more places than that' };
  if (state === '23505') return { status: 409, code: 'CONFLICT', message: 'this would duplicate an existing record' };
  if (state === '23503')
    return { status: 400, code: 'REFERENCE_NOT_FOUND', message: 'a referenced record does not exist' };
  if (state.startsWith('23'))
    return { status: 400, code: 'CONSTRAINT_VIOLATION', message: 'a value breaks a rule of the data' };
  if (state.startsWith('22'))
    return { status: 400, code: 'INVALID_VALUE', message: 'a value cannot be stored as given' };
  return undefined;
}

/** Node's and postgres.js's codes for a connection that could not be made or was lost. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * True when the failure is the database being out of reach rather than a fault of the request or of
 * ours: a connection refused, lost or timed out (a PostgreSQL restart, a failover), or the server
 * saying it is shutting down or starting (SQLSTATE class 08, 57P01–57P03). Walks the error's causes
 * (drizzle wraps the driver's error).
 */
export function databaseUnreachable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (CONNECTION_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)) return true;
  }
  return false;
}

/**
 * The path of the first string holding a NUL character, which PostgreSQL text cannot store. Walks the
 * body with a stack of its own, not by recursion (the JSON parser bounds the depth as well).
 */
function nulPath(body: unknown): string | undefined {
  const stack: { value: unknown; path: string }[] = [{ value: body, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path || '(body)';
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      // Last pushed, first looked at: the first field's NUL is the one named.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        stack.push({ value: item, path: `${path}/${key}` });
      }
    }
  }
  return undefined;
}

/** Stable codes for Fastify's own request errors (malformed bodies and the like). */
function requestErrorCode(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'BODY_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'INVALID_JSON';
    default:
      return error.code?.startsWith('FST_ERR_CTP') ? 'INVALID_BODY' : 'BAD_REQUEST';
  }
}

/**
 * Turns every failure into `{"error":{"code","message"}}`: ApiErrors as they are, schema-validation
 * failures as 400 with a field-specific code, malformed requests as their 4xx, and anything else as a
 * 500 whose message is logged, never shown.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((caught: FastifyError | ApiError, request, reply) => {
      let error = caught;
      // A PostgreSQL restart or failover: the client may try again shortly; nothing was written.
      if (!(error instanceof ApiError) && databaseUnreachable(error)) {
        request.log.warn({ err: error }, 'the database is out of reach');
        error = Errors.databaseUnavailable();
      }
      if (error instanceof ApiError) {
        if (error.headers) void reply.headers(error.headers);
        return reply.code(error.statusCode).send(apiErrorBody(error));
      }
      if (error.validation) {
        const first = error.validation[0];
        const field =
          (first?.instancePath ?? '').split('/').filter(Boolean)[0] ??
          (typeof first?.params?.missingProperty === 'string' ? first.params.missingProperty : '');
        const onSchools = request.routeOptions.url?.startsWith('/api/schools') ?? false;
        const code = (onSchools ? SCHOOL_FIELD_CODES[field] : undefined) ?? FIELD_CODES[field] ?? 'VALIDATION_FAILED';
        return reply.code(400).send({ error: { code, message: error.message } });
      }
      // A value the database refuses that validation let through: the client's mistake, so a 4xx; the
      // write's transaction has rolled back. Logged, since validation should have caught it first.
      const databaseRefusal = refusal(sqlState(error));
      if (databaseRefusal) {
        request.log.warn({ err: error }, 'the database refused a value validation let through');
        return reply.code(databaseRefusal.status).send({ error: databaseRefusal });
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        return reply.code(status).send({ error: { code: requestErrorCode(error), message: error.message } });
      }
      request.log.error({ err: error }, 'unhandled error');
      return reply.code(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } });
    });

    // JSON bodies: refuse NUL characters up front with a clear answer instead of a database error.
    // A callback hook, not an async one: it runs on every request, and a promise each is measurable in a
    // release rush (docs/PERFORMANCE.md, "Bookings").
    app.addHook('preValidation', (request, _reply, done) => {
      if (request.body === null || typeof request.body !== 'object' || Buffer.isBuffer(request.body)) return done();
      const path = nulPath(request.body);
      done(path ? Errors.nulInText(path) : undefined);
    });

    app.setNotFoundHandler((request, reply) => {
      const error = Errors.routeNotFound();
      return reply.code(404).send({
        error: { code: error.code, message: `${error.message}: ${request.method} ${request.url.split('?')[0]}` },
      });
    });
  },
  { name: 'errors' },
);
