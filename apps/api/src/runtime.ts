import { createPrismaClient, migrate, MIGRATIONS_DIR, openDatabase, type OpenDatabase } from '@rabta/db';
import type { AppContext } from './app.context';
import { loadConfig, type AppConfig } from './config/env';
import { createLogger, type AppLogger } from './common/logging/logger';

export interface Runtime {
  ctx: AppContext;
  db: OpenDatabase;
  /** Closes the pool, then stops an embedded PostgreSQL. */
  close(): Promise<void>;
}

/** Opens the database (external or embedded), applies pending migrations and builds the Prisma client. */
export async function openRuntime(config: AppConfig, logger: AppLogger): Promise<Runtime> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  let prisma;
  try {
    const result = await migrate(db.url, MIGRATIONS_DIR, logger);
    logger.info({ applied: result.applied.length, total: result.total }, 'Database schema is up to date');
    prisma = createPrismaClient(db.url, { onPoolError: (err) => logger.warn({ err: err.message }, 'Database connection lost') });
  } catch (err) {
    await db.stop();
    throw err;
  }
  const ctx: AppContext = {
    config,
    logger,
    prisma,
    database: { url: db.url, embedded: db.embedded, serverVersion: db.serverVersion },
    migrationsDir: MIGRATIONS_DIR,
  };
  return {
    ctx,
    db,
    async close() {
      await prisma.$disconnect().catch(() => undefined);
      await db.stop();
    },
  };
}

/** Reads the configuration and makes the logger; a bad configuration ends the process with every bad key listed. */
export function bootConfig(): { config: AppConfig; logger: AppLogger } {
  try {
    const config = loadConfig();
    return { config, logger: createLogger(config.logLevel) };
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
}

/** Prints a problem the operator must fix as one plain paragraph (and as a log line), then exits non-zero. */
export function failStartup(logger: AppLogger, err: unknown): never {
  const e = err as Error;
  const known = e?.name === 'StartupError' || e?.name === 'MigrationError' || e?.name === 'ConfigError';
  if (known) {
    logger.fatal(e.message);
    process.stderr.write(`\nRabta cannot start: ${e.message}\n\n`);
  } else {
    logger.fatal({ err }, 'Rabta failed to start');
  }
  logger.flush?.();
  process.exit(1);
}
