import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createPrismaClient,
  initialiseDataDir,
  migrate,
  MIGRATIONS_DIR,
  silentLogger,
  startEmbeddedPostgres,
} from '@rabta/db';
import { Client } from 'pg';
import { runSeed } from '../../apps/api/src/seed/seed';
import { createLogger } from '../../apps/api/src/common/logging/logger';
import { copyDataDir, THROWAWAY_SETTINGS, TEST_SERVER_ENV, urlFor, type TestServerInfo } from './test-database';
import { installJobQueue } from '../../apps/api/src/modules/reports/reports.queue';

declare global {
  var __RABTA_TEST__: { stop?: () => Promise<void>; dirs: string[]; info: TestServerInfo } | undefined;
}

/** Migrates and seeds (reference data, no demo) the database at `url`, and makes the report queue's tables. */
async function prepareDatabase(url: string): Promise<void> {
  await migrate(url, MIGRATIONS_DIR, silentLogger);
  const prisma = createPrismaClient(url, { max: 2 });
  await runSeed(prisma, createLogger('silent'), { demo: false });
  await prisma.$disconnect();
  // The report queue's tables (pg-boss, schema pgboss) are made once here: every copy starts with them.
  await installJobQueue(url);
}

/**
 * Once per run: one initdb, into a cluster template (a Rabta data dir: credentials.json and postgres/, whose
 * database `rabta` is migrated and seeded with reference data). Suites that need a cluster of their own (faults,
 * crashes, backups, several processes) copy it instead of running initdb; and the e2e server is a copy of it too,
 * on which each suite gets a database of its own, copied from a template database — or, with TEST_DATABASE_URL,
 * databases named rabta_test_* on that server (never the developer's data).
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const prefix = `rabta_test_${process.pid}_`;
  const dirs: string[] = [];
  const clusterTemplate = mkdtempSync(join(tmpdir(), 'rabta-cluster-template-'));
  dirs.push(clusterTemplate);
  await initialiseDataDir({ dataDir: clusterTemplate, logger: silentLogger, initdbSync: false });
  const tpl = await startEmbeddedPostgres({
    dataDir: clusterTemplate,
    database: 'rabta',
    logger: silentLogger,
    supervise: false,
    settings: THROWAWAY_SETTINGS,
  });
  try {
    await prepareDatabase(tpl.url);
  } finally {
    await tpl.stop();
  }

  let urlPattern: string;
  let stop: (() => Promise<void>) | undefined;
  const template = `${prefix}template`;
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const u = new URL(external);
    u.pathname = '/{db}';
    urlPattern = u.toString().replace('%7Bdb%7D', '{db}');
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'rabta-test-'));
    dirs.push(dataDir);
    copyDataDir(clusterTemplate, dataDir);
    const pg = await startEmbeddedPostgres({
      dataDir,
      database: 'postgres',
      logger: silentLogger,
      settings: { ...THROWAWAY_SETTINGS, max_connections: '300' },
    });
    urlPattern = pg.serverUrl('{db}').replace('%7Bdb%7D', '{db}');
    stop = pg.stop;
  }
  const demoTemplate = `${prefix}demo`;
  const info: TestServerInfo = { urlPattern, template, demoTemplate, prefix, clusterTemplate };
  const admin = new Client({ connectionString: urlFor(info, 'postgres') });
  await admin.connect();
  try {
    // On the copy of the cluster template, the template database is a file copy of its prepared `rabta`.
    await admin.query(`CREATE DATABASE "${template}"${external ? '' : ' TEMPLATE rabta'}`);
    if (external) await prepareDatabase(urlFor(info, template));
    // The demo portfolio, seeded once: a suite that wants it gets a copy rather than seeding it again.
    await admin.query(`CREATE DATABASE "${demoTemplate}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const demo = createPrismaClient(urlFor(info, demoTemplate), { max: 2 });
  try {
    await runSeed(demo, createLogger('silent'), { demo: true });
  } finally {
    await demo.$disconnect();
  }

  process.env[TEST_SERVER_ENV] = JSON.stringify(info);
  globalThis.__RABTA_TEST__ = { stop, dirs, info };
  if (process.env.RABTA_TEST_VERBOSE) process.stderr.write(`\ntest database ready in ${Date.now() - started} ms\n`);
}
