import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureTemplate } from '../../seeds/template.ts';
import { CHROMIUM_PATH } from './browser.ts';
import { REQUIRE_ALL, TEST_DATABASE_URL } from './engines.ts';
import { preparePostgres } from './global-db.ts';

/** Once per e2e run: the web app built from the current sources, a seeded template, a browser. */
export default async function setup(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    if (REQUIRE_ALL)
      throw new Error(`REQUIRE_ALL=1 but there is no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
    console.warn(`[tests] no Chromium at ${CHROMIUM_PATH}: browser tests are skipped`);
  }
  const build = spawnSync(process.execPath, ['scripts/ensure-web-build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the web build failed');
  await ensureTemplate('seeded');
  if (TEST_DATABASE_URL) await preparePostgres(TEST_DATABASE_URL);
}
