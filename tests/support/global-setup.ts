import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrismaClient, migrate, MIGRATIONS_DIR, silentLogger, startEmbeddedPostgres } from '@rabta/db';
import { Client } from 'pg';
import { runSeed } from '../../apps/api/src/seed/seed';
import { createLogger } from '../../apps/api/src/common/logging/logger';
import { TEST_SERVER_ENV, urlFor, type TestServerInfo } from './test-database';
import { installJobQueue } from '../../apps/api/src/modules/reports/reports.queue';

declare global {
  var __RABTA_TEST__: { stop?: () => Promise<void>; dataDir?: string; info: TestServerInfo } | undefined;
}

/** A URL pattern on TEST_DATABASE_URL's server, or on a new embedded cluster in a temp dir (never the developer's data). */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const prefix = `rabta_test_${process.pid}_`;
  let urlPattern: string;
  let stop: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const u = new URL(external);
    u.pathname = '/{db}';
    urlPattern = u.toString().replace('%7Bdb%7D', '{db}');
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'rabta-test-'));
    const pg = await startEmbeddedPostgres({
      dataDir,
      database: 'postgres',
      logger: silentLogger,
      // A throw-away cluster: durability buys nothing here.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
    });
    urlPattern = pg.serverUrl('{db}').replace('%7Bdb%7D', '{db}');
    stop = pg.stop;
  }
  const info: TestServerInfo = { urlPattern, template: `${prefix}template`, prefix };
  const admin = new Client({ connectionString: urlFor(info, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${info.template}"`);
  await admin.end();

  const templateUrl = urlFor(info, info.template);
  await migrate(templateUrl, MIGRATIONS_DIR, silentLogger);
  const prisma = createPrismaClient(templateUrl, { max: 2 });
  await runSeed(prisma, createLogger('silent'), { demo: false });
  await prisma.$disconnect();
  // The report queue's tables (pg-boss, schema pgboss) are made once here: every suite's copy starts with them.
  await installJobQueue(templateUrl);

  process.env[TEST_SERVER_ENV] = JSON.stringify(info);
  globalThis.__RABTA_TEST__ = { stop, dataDir, info };
  if (process.env.RABTA_TEST_VERBOSE) process.stderr.write(`\ntest database ready in ${Date.now() - started} ms\n`);
}
