import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureTemplate } from '../../seeds/template.ts';
import { CHROMIUM_PATH } from './browser.ts';
import { REQUIRE_ALL, TEST_DATABASE_URL } from './engines.ts';
import { preparePostgres } from './global-db.ts';

/**
 * Once per e2e run: the web app and the server built from the current sources (by the checks `npm start`
 * runs, so the journeys test what ships), a seeded template, a browser.
 */
export default async function setup(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    if (REQUIRE_ALL)
      throw new Error(`REQUIRE_ALL=1 but there is no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    console.warn(`[tests] no Chromium at ${CHROMIUM_PATH}: browser tests are skipped`);
  }
  for (const script of ['scripts/ensure-web-build.mjs', 'scripts/ensure-server-build.mjs']) {
    if (spawnSync(process.execPath, [script], { stdio: 'inherit' }).status !== 0) throw new Error(`${script} failed`);
  }
  await ensureTemplate('seeded');
  if (TEST_DATABASE_URL) await preparePostgres(TEST_DATABASE_URL);
}
