import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
import { StartupError } from './errors';
import type { DbLogger } from './logger';

/** prisma/migrations of this checkout (the same relative place from src/ and dist/). */
export const MIGRATIONS_DIR = join(__dirname, '..', '..', '..', 'prisma', 'migrations');

export const MIN_POSTGRES_MAJOR = 15;

export interface DatabaseOptions {
  /** An external PostgreSQL; when unset, an embedded server is started in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** $RABTA_PG_DIR: where a root-run embedded cluster lives when `postgres` cannot reach `dataDir`. */
  pgDir?: string;
  logger: DbLogger;
}

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** e.g. "18.1" */
  serverVersion: string;
  /** The embedded cluster's folder (PGDATA); undefined for an external database. */
  pgDir?: string;
  /** Stops the embedded server (a no-op for an external one). Close every pool first. */
  stop(): Promise<void>;
}

/** host:port/db of a URL, never its password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(an unparsable URL)';
  }
}

export async function serverVersion(url: string): Promise<{ version: string; major: number }> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const res = await client.query<{ server_version: string; server_version_num: string }>(
      "SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS server_version_num",
    );
    const { server_version, server_version_num } = res.rows[0];
    return { version: server_version.split(' ')[0], major: Math.floor(Number(server_version_num) / 10_000) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  let running: RunningPostgres | undefined;
  let url = options.databaseUrl;
  if (!url) {
    running = await startEmbeddedPostgres({
      dataDir: options.dataDir,
      pgDir: options.pgDir,
      database: 'rabta',
      logger: options.logger,
    });
    url = running.url;
  }
  let version: { version: string; major: number };
  try {
    version = await serverVersion(url);
  } catch (err) {
    await running?.stop();
    const e = err as { code?: string; message: string };
    const reason =
      e.code === '28P01' || e.code === '28000'
        ? 'it refused the user name or password'
        : e.code === '3D000'
          ? 'the database does not exist'
          : (e.code ?? e.message);
    throw new StartupError(
      `Cannot reach the PostgreSQL at ${describeUrl(url)} (${reason}). ` +
        'Check that it is running and that DATABASE_URL is right, or unset DATABASE_URL to use the embedded PostgreSQL.',
    );
  }
  if (version.major < MIN_POSTGRES_MAJOR) {
    await running?.stop();
    throw new StartupError(
      `PostgreSQL ${version.version} at ${describeUrl(url)} is too old: Rabta needs ${MIN_POSTGRES_MAJOR} or newer.`,
    );
  }
  return {
    url,
    embedded: Boolean(running),
    serverVersion: version.version,
    pgDir: running?.pgDir,
    stop: async () => running?.stop(),
  };
}
