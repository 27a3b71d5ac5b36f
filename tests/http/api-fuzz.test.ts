import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import { createActor, type TestActor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { withTestApp } from '../support/http.ts';
import {
  OpenApiArbitraries,
  type FuzzRequest,
  type OpenApiDocument,
  type Schema,
} from '../support/openapi-arbitraries.ts';

/**
 * Bad input across the whole API, by a generator that is not tuned to any route: every operation of the
 * app's own OpenAPI document (GET /api/openapi.json) gets requests generated from its schemas by
 * fast-check (tests/support/openapi-arbitraries.ts) — some that follow the document, some that break it
 * — as an anonymous caller and as each role. Every answer must be:
 *
 * - never a 5xx;
 * - a 4xx with a stable `error.code`;
 * - a 2xx whose status the document lists and whose JSON body matches the document's schema for it (ajv).
 *
 * The run reports how many requests it sent and how many operations it covered. FUZZ_SEED repeats a
 * run (a failure lists each offending request with the seed); FUZZ_RUNS sets the requests per
 * operation, caller and kind (default 1: about 1,350 requests per engine; 5 for a deeper run).
 *
 * Left out: POST /api/auth/logout (it would end the fuzzer's own sessions; the authorisation matrix and
 * tests/http/auth.test.ts cover it).
 */

// ajv-formats is CommonJS with an ES default in its types; at run time the import is the function itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2_147_483_647;
const RUNS = Number(process.env.FUZZ_RUNS ?? '1');
const SKIPPED = new Set(['post /api/auth/logout']);
const CALLERS = ['anonymous', 'parent', 'teacher', 'school_admin', 'venue_manager', 'bureau', 'admin'] as const;
type Caller = (typeof CALLERS)[number];

interface Problem {
  route: string;
  caller: Caller;
  request: string;
  status: number;
  why: string;
}

describe.each(testEngines())('API fuzz from the OpenAPI document on %s', (engine) => {
  let app: App;
  let database: Database;
  // A database of its own: generated writes commit (bookings, venues, invitations, …).
  withTestApp(engine, (opened) => ({ app, database } = opened), {
    database: 'private',
    env: { KAIMEN_RATE_LIMITS: 'off' },
    uploads: true,
  });

  it('answers every generated request without a 5xx, every 4xx with a code, every 2xx as documented', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json<OpenApiDocument>();
    const school = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM schools LIMIT 1`);
    const actors: Record<Exclude<Caller, 'anonymous'>, TestActor> = {
      parent: await createActor(database, { role: 'parent' }),
      teacher: await createActor(database, { role: 'teacher', ...(school[0] ? { schoolId: school[0].id } : {}) }),
      school_admin: await createActor(database, {
        role: 'school_admin',
        ...(school[0] ? { schoolId: school[0].id } : {}),
      }),
      venue_manager: await createActor(database, { role: 'venue_manager' }),
      bureau: await createActor(database, { role: 'bureau', regionPrefix: '11' }),
      admin: await createActor(database, { role: 'admin' }),
    };
    // Ids that exist, so generated uuids also reach past "not found" (never the fuzzer's own accounts:
    // an admin route would deactivate them).
    const ids = await queryRows<{ id: string }>(
      database.db,
      sql`(SELECT id::text FROM venues ORDER BY id LIMIT 8) UNION ALL (SELECT id::text FROM slots ORDER BY id LIMIT 8)
            UNION ALL (SELECT id::text FROM programmes ORDER BY id LIMIT 4) UNION ALL (SELECT id::text FROM schools ORDER BY id LIMIT 4)
            UNION ALL (SELECT id::text FROM bookings ORDER BY id LIMIT 4) UNION ALL (SELECT id::text FROM organisations ORDER BY id LIMIT 4)
            UNION ALL (SELECT id::text FROM designations ORDER BY id LIMIT 2)`,
    );
    const arbitraries = new OpenApiArbitraries(doc, { ids: ids.map((r) => r.id) });

    // The document's response schemas, compiled once each with the components they refer to.
    const ajv = addFormats(new Ajv({ strict: false, allErrors: false }));
    ajv.addSchema({ components: doc.components ?? {} }, 'openapi');
    const validators = new Map<Schema, ValidateFunction>();
    const validatorOf = (schema: Schema) => {
      let validate = validators.get(schema);
      if (!validate) {
        const rewritten = JSON.parse(
          JSON.stringify(schema).replaceAll('"#/components/schemas/', '"openapi#/components/schemas/'),
        ) as Schema;
        validate = ajv.compile(rewritten);
        validators.set(schema, validate);
      }
      return validate;
    };

    const problems: Problem[] = [];
    const statuses: Record<string, number> = {};
    let requests = 0;
    const covered = new Set<string>();
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ path, method })),
    );

    for (const { path, method } of operations) {
      const route = `${method} ${path}`;
      if (SKIPPED.has(route)) continue;
      const operation = doc.paths[path]![method]!;
      const routeStarted = performance.now();
      for (const caller of CALLERS) {
        for (const valid of [true, false]) {
          await fc
            .assert(
              fc.asyncProperty(arbitraries.requests(path, method, valid), async (request: FuzzRequest) => {
                const headers: Record<string, string> = {
                  ...(caller === 'anonymous' ? {} : actors[caller].headers),
                  ...request.headers,
                };
                let payload: string | undefined = request.raw;
                if (payload === undefined && request.payload !== undefined) {
                  payload = JSON.stringify(request.payload);
                  headers['content-type'] = 'application/json';
                }
                const res = await app.inject({
                  method: method.toUpperCase() as 'GET',
                  url: request.url,
                  headers,
                  ...(payload === undefined ? {} : { payload }),
                });
                requests++;
                covered.add(route);
                const kind = `${Math.floor(res.statusCode / 100)}xx`;
                statuses[kind] = (statuses[kind] ?? 0) + 1;
                const why = judge(
                  res.statusCode,
                  res.headers['content-type'],
                  res.body,
                  operation.responses,
                  validatorOf,
                );
                if (why) {
                  problems.push({
                    route,
                    caller,
                    request: JSON.stringify(request).slice(0, 400),
                    status: res.statusCode,
                    why: `${why}: ${res.body.slice(0, 200)}`,
                  });
                  return false;
                }
                return true;
              }),
              { numRuns: RUNS, seed: SEED, endOnFailure: true },
            )
            .catch(() => undefined); // gathered in `problems`, reported together below
        }
      }
      if (process.env.FUZZ_VERBOSE) console.log(`${route}: ${(performance.now() - routeStarted).toFixed(0)} ms`);
    }

    const summary = `API fuzz on ${engine}: ${requests} requests over ${covered.size} of ${operations.length} operations (${SKIPPED.size} left out), as ${CALLERS.length} callers; answers ${JSON.stringify(statuses)}; seed ${SEED}`;
    console.log(summary);
    expect(covered.size).toBe(operations.length - SKIPPED.size);
    expect(
      problems.map((p) => `${p.route} as ${p.caller} → ${p.status} (${p.why})\n    ${p.request}`),
      summary,
    ).toEqual([]);
  }, 600_000);
});

/** What is wrong with an answer, or undefined when it is as the document promises. */
function judge(
  status: number,
  contentType: string | number | string[] | undefined,
  body: string,
  responses: OpenApiDocument['paths'][string][string]['responses'],
  validatorOf: (schema: Schema) => ValidateFunction,
): string | undefined {
  if (status >= 500) return 'a 5xx';
  const json = String(contentType ?? '').startsWith('application/json');
  if (status >= 400) {
    if (!json) return 'a 4xx that is not JSON';
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code) ? undefined : 'a 4xx without an error code';
  }
  if (status >= 200 && status < 300) {
    const documented = responses[String(status)];
    if (!documented) return `a ${status} the document does not list`;
    if (!json || status === 204) return undefined;
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) return 'a JSON answer the document gives no schema';
    const validate = validatorOf(schema);
    if (!validate(JSON.parse(body)))
      return `a body that does not match the document: ${JSON.stringify(validate.errors?.slice(0, 2))}`;
  }
  return undefined;
}
