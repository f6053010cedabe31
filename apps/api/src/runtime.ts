import { createServer } from 'node:net';
import {
  createPrismaClient,
  migrate,
  MIGRATIONS_DIR,
  openDatabase,
  StartupError,
  type OpenDatabase,
  type PrismaClient,
} from '@rabta/db';
import type { AppContext } from './app.context';
import { loadConfig, type AppConfig } from './config/env';
import { DatabaseStatus, isConnectionFailure } from './common/database/database-status';
import { createLogger, type AppLogger } from './common/logging/logger';

export interface Runtime {
  ctx: AppContext;
  db: OpenDatabase;
  /** Closes the pool, then stops an embedded PostgreSQL. */
  close(): Promise<void>;
}

/** Urdu search needs pg_trgm to see Arabic-script letters as word characters, which a `C` LC_CTYPE does not. */
async function warnWithoutUrduTrigrams(prisma: PrismaClient, logger: AppLogger): Promise<void> {
  const [row] = await prisma.$queryRaw<{ ok: boolean; ctype: string }[]>`
    SELECT show_trgm('کراچی') <> '{}' AS ok, (SELECT datctype FROM pg_database WHERE datname = current_database()) AS ctype`;
  if (!row.ok) {
    logger.warn(
      { ctype: row.ctype },
      'This database has LC_CTYPE=' +
        row.ctype +
        ': trigram search cannot see Urdu letters, so misspelt Urdu names are not found. ' +
        "Create the database with LC_CTYPE 'C.UTF-8' (or another UTF-8 locale) for full Urdu search.",
    );
  }
}

/** Opens the database (external or embedded), applies pending migrations and builds the Prisma client. */
export async function openRuntime(config: AppConfig, logger: AppLogger): Promise<Runtime> {
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pgDir: config.pgDir,
    logger,
  });
  const databaseStatus = new DatabaseStatus(db.url, logger);
  let prisma;
  try {
    const result = await migrate(db.url, MIGRATIONS_DIR, logger);
    logger.info({ applied: result.applied.length, total: result.total }, 'Database schema is up to date');
    prisma = createPrismaClient(db.url, {
      onPoolError: (err) => {
        logger.warn({ err: err.message }, 'Database connection lost');
        if (isConnectionFailure(err)) databaseStatus.markDown(err.message);
      },
    });
    await warnWithoutUrduTrigrams(prisma, logger);
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
    databaseStatus,
  };
  return {
    ctx,
    db,
    async close() {
      databaseStatus.close();
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

/** The operator's problem behind a failed listen (port taken, foreign address), or undefined for anything else. */
export function listenProblem(err: unknown, config: Pick<AppConfig, 'port' | 'host'>): StartupError | undefined {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') {
    return new StartupError(
      `Port ${config.port} on ${config.host} is already in use (another Rabta, or another program). ` +
        `Stop it, or start Rabta on another port: PORT=${config.port + 1} npm start`,
    );
  }
  if (code === 'EADDRNOTAVAIL') {
    return new StartupError(
      `HOST=${config.host} is not an address of this machine. Use 127.0.0.1, or 0.0.0.0 to listen on every address.`,
    );
  }
  if (code === 'EACCES') {
    return new StartupError(
      `Port ${config.port} needs privileges this process does not have. Use a port above 1023, e.g. PORT=3000.`,
    );
  }
  return undefined;
}

/**
 * Checks that the HTTP port can be bound before the database is opened, migrated and seeded, so that a port in use
 * stops the start at once and touches no data. (The real listen still handles a port taken in between.)
 */
export async function assertPortFree(config: Pick<AppConfig, 'port' | 'host'>): Promise<void> {
  if (config.port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err) => reject(listenProblem(err, config) ?? err));
    probe.listen({ port: config.port, host: config.host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
