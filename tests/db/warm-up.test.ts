import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDb, queryRows, type Database } from '../../db/client.ts';
import { warmUpSpatial } from '../../db/queries/warm-up.ts';
import { TEST_DATABASE_URL, testEngines, withTestDb } from '../support/engines.ts';

// Its effect (no first-use hold on the first spatial request) is measured by bench/import-health.ts.
describe.each(testEngines())('loading PostGIS before the first request on %s', (engine) => {
  let database: Database;
  withTestDb(engine, (opened) => {
    database = opened;
  });

  it("runs imports' and search's spatial statements without error", async () => {
    await expect(warmUpSpatial(database.db)).resolves.toBeUndefined();
  });
});

describe.runIf(testEngines().includes('postgres'))('opening the PostgreSQL pool before the first burst', () => {
  it('opens every connection of the pool at once', async () => {
    const application = `kaimen-pool-${process.pid}`;
    const url = new URL(TEST_DATABASE_URL!);
    url.searchParams.set('application_name', application);
    const database = await createDb({ databaseUrl: url.toString(), maxConnections: 5 });
    const count = async () => {
      const [row] = await queryRows<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${application}`,
      );
      return row!.n;
    };
    try {
      expect(await count()).toBe(1);
      await database.openConnections();
      expect(await count()).toBe(5);
    } finally {
      await database.close();
    }
  });
});
