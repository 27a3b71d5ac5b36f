/**
 * Loads PostGIS's functions into the embedded engine before a request needs them. PGlite links each C
 * function of an extension the first time it is called (a dynamic symbol lookup in WebAssembly), on
 * the thread that serves requests: the first geography distance held it for 0.3 s, the first point
 * 0.17 s, the first boundary test 0.07 s. Calling the statements of imports and of nearest-first search once,
 * right after the server starts listening, takes that off the first person's request (and off
 * /api/health during a first import; docs/PERFORMANCE.md). PostgreSQL loads them in its own
 * processes, so only the embedded engine needs this.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.ts';
import { smallestDistrictsAt } from './districts.ts';
import { venuesNearPoints } from './imports.ts';

/** A point in Dongcheng, Beijing: where the shipped seed data has districts and venues. */
const SOMEWHERE = { lng: 116.4074, lat: 39.9042 };

/** Runs each statement once, with a turn of the event loop between them (each holds the thread). */
export async function warmUpSpatial(db: Db): Promise<void> {
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  await venuesNearPoints(db, [{ ...SOMEWHERE, ref: null }], '', 1);
  await turn();
  await smallestDistrictsAt(db, [SOMEWHERE]);
  await turn();
  const { lng, lat } = SOMEWHERE;
  await queryRows(
    db,
    sql`SELECT v.id, ST_Distance(v.location::geography, p.point::geography) AS metres
        FROM (SELECT ST_SetSRID(ST_MakePoint(${lng}::float8, ${lat}::float8), 4326) AS point) p
        JOIN venues v ON v.location && ST_MakeEnvelope(${lng - 0.01}, ${lat - 0.01}, ${lng + 0.01}, ${lat + 0.01}, 4326)
        ORDER BY v.location <-> p.point
        LIMIT 1`,
  );
}
