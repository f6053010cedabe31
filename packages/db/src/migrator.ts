import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { StartupError } from './errors';
import type { DbLogger } from './logger';

// Applies prisma/migrations the way `prisma migrate deploy` does, without Prisma's schema-engine binary (which
// cannot be downloaded here): same folder layout, same `_prisma_migrations` table and checksums, same advisory
// lock, so `prisma migrate status` agrees wherever the engine is available. Unlike Prisma, each migration runs in
// its own transaction: a failing migration leaves nothing half-applied.

/** The advisory lock key Prisma's schema engine takes, so this migrator and `prisma migrate deploy` exclude each other. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  applied: number;
  pending: number;
  pendingNames: string[];
}

export class MigrationError extends StartupError {
  constructor(
    message: string,
    readonly migration: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** sha256 (hex) of a migration file's bytes, as Prisma records it in `_prisma_migrations.checksum`. */
export function checksumOf(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Prisma accepts a file whose line endings were converted; so do we. */
function matchesChecksum(file: MigrationFile, checksum: string): boolean {
  return file.checksum === checksum || checksumOf(file.sql.replace(/\r\n/g, '\n')) === checksum;
}

export function readMigrations(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) throw new StartupError(`The migrations folder ${migrationsDir} does not exist.`);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(migrationsDir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(migrationsDir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: checksumOf(bytes) };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

async function readApplied(client: Client): Promise<AppliedRow[]> {
  const table = await client.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
  if (!table.rows[0].t) return [];
  const res = await client.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at, migration_name',
  );
  return res.rows;
}

/** Refuses, naming the migration, when history and files disagree in a way that must not be papered over. */
function checkHistory(applied: AppliedRow[], files: MigrationFile[]): Set<string> {
  const done = new Set<string>();
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${row.migration_name} failed when it was last applied, so no further migrations run. ` +
          `Fix the database or the migration, then mark it rolled back: npm run db:migrate -- --rolled-back ${row.migration_name}` +
          (row.logs ? `\nIts error was: ${row.logs.split('\n')[0]}` : ''),
        row.migration_name,
      );
    }
    const file = byName.get(row.migration_name);
    if (file && !matchesChecksum(file, row.checksum)) {
      throw new MigrationError(
        `Migration ${row.migration_name} was changed after it was applied to this database ` +
          `(checksum ${row.checksum.slice(0, 12)}… recorded, ${file.checksum.slice(0, 12)}… on disk). ` +
          'Restore the original migration.sql and put the change in a new migration.',
        row.migration_name,
      );
    }
    done.add(row.migration_name);
  }
  return done;
}

export async function migrationStatus(url: string, migrationsDir: string): Promise<MigrationStatus> {
  const files = readMigrations(migrationsDir);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const done = new Set(
      (await readApplied(client)).filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name),
    );
    const pendingNames = files.filter((f) => !done.has(f.name)).map((f) => f.name);
    return { applied: files.length - pendingNames.length, pending: pendingNames.length, pendingNames };
  } finally {
    await client.end();
  }
}

export interface MigrateResult {
  applied: string[];
  total: number;
}

export async function migrate(url: string, migrationsDir: string, logger: DbLogger): Promise<MigrateResult> {
  const files = readMigrations(migrationsDir);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    // Read the history only once we hold the lock: another process may have just applied what we were about to.
    const done = checkHistory(await readApplied(client), files);
    const pending = files.filter((f) => !done.has(f.name));
    for (const file of pending) {
      const started = Date.now();
      const id = randomUUID();
      try {
        await client.query('BEGIN');
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
          [id, file.checksum, file.name],
        );
        await client.query(file.sql);
        await client.query(
          'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
          [id],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        const reason = (err as Error).message;
        await client
          .query(
            'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count, logs) VALUES ($1, $2, $3, now(), 0, $4)',
            [id, file.checksum, file.name, reason],
          )
          .catch(() => undefined);
        throw new MigrationError(
          `Migration ${file.name} failed and was rolled back: ${reason}. Fix it, then run: npm run db:migrate -- --rolled-back ${file.name}`,
          file.name,
        );
      }
      logger.info({ migration: file.name, ms: Date.now() - started }, 'Applied migration');
    }
    return { applied: pending.map((f) => f.name), total: files.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** `prisma migrate resolve --rolled-back`: lets a fixed migration be applied again. */
export async function markRolledBack(url: string, name: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query(
      'UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL',
      [name],
    );
    return (res.rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}
