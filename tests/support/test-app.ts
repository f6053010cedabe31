import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createPrismaClient, MIGRATIONS_DIR, type PrismaClient } from '@rabta/db';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app';
import type { AppContext } from '../../apps/api/src/app.context';
import { loadConfig } from '../../apps/api/src/config/env';
import { createLogger } from '../../apps/api/src/common/logging/logger';
import { runSeed } from '../../apps/api/src/seed/seed';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  ctx: AppContext;
  prisma: PrismaClient;
  db: TestDatabase;
  /** supertest against the running app */
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** The demo portfolio in this suite's database (seeded into `db` when one is given). */
  demo?: boolean;
  /** Extra environment for the app's configuration. */
  env?: Record<string, string>;
  /** Use this database instead of a fresh copy of the template. */
  db?: TestDatabase;
}

/** The real AppModule over HTTP on a fresh database of its own. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // A fresh database comes with the demo already in it (a copy of the run's demo template).
  const db = options.db ?? (await createTestDatabase({ demo: options.demo }));
  // The app never uses it with an external database, but the configuration names one.
  const dataDir = mkdtempSync(join(tmpdir(), 'rabta-app-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.RABTA_TEST_LOG ?? 'silent',
    DATABASE_URL: db.url,
    RABTA_DATA_DIR: dataDir,
    RABTA_SEED_DEMO: options.demo ? 'true' : 'false',
    ...options.env,
  });
  const logger = createLogger(config.logLevel);
  const prisma = createPrismaClient(db.url, { max: 5 });
  const ctx: AppContext = {
    config,
    logger,
    prisma,
    database: { url: db.url, embedded: false, serverVersion: 'test' },
    migrationsDir: MIGRATIONS_DIR,
  };
  if (options.demo && options.db) await runSeed(prisma, logger, { demo: true });
  const app = await createApp(ctx);
  return {
    app,
    ctx,
    prisma,
    db,
    http: request(app.getHttpServer()),
    async close() {
      await app.close();
      await prisma.$disconnect();
      if (!options.db) await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
