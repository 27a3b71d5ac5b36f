import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { warmUpSpatial } from '../../db/queries/warm-up.ts';
import { testEngines, withTestDb } from '../support/engines.ts';

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
