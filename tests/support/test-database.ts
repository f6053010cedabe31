import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

// Every e2e suite gets its own database, copied from a template that global-setup migrated and seeded with
// reference data once. On the embedded server that is a throw-away cluster; with TEST_DATABASE_URL, databases
// named rabta_test_* on that server, dropped afterwards.

export interface TestServerInfo {
  /** A URL on the test server with the database name replaced by `{db}`. */
  urlPattern: string;
  template: string;
  /** The template with the demo portfolio seeded into it. */
  demoTemplate: string;
  /** Prefix of every database this run creates. */
  prefix: string;
  /** A Rabta data dir (credentials.json, postgres/) made once per run: its database `rabta` migrated and seeded. */
  clusterTemplate: string;
}

/** PostgreSQL settings of throw-away clusters: durability against a crash of the machine buys nothing there. */
export const THROWAWAY_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

/** Copies a data dir (owners and modes kept: as root its cluster belongs to the `postgres` user). */
export function copyDataDir(from: string, to: string): void {
  const cp = spawnSync('cp', ['-a', `${from}/.`, to]);
  if (cp.status !== 0) cpSync(from, to, { recursive: true });
}

/**
 * A new Rabta data dir (in a temp folder, for RABTA_DATA_DIR) holding a copy of this run's cluster template: a
 * stopped PostgreSQL cluster whose database `rabta` is migrated and seeded with reference data, and its
 * credentials. Instead of an initdb of its own (seconds), a copy (a fraction of one). The caller removes it.
 */
export function dataDirFromTemplate(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `rabta-${name}-`));
  copyDataDir(testServer().clusterTemplate, dir);
  return dir;
}

export const TEST_SERVER_ENV = 'RABTA_TEST_SERVER';

export function testServer(): TestServerInfo {
  const raw = process.env[TEST_SERVER_ENV];
  if (!raw) throw new Error('The e2e global setup did not run (RABTA_TEST_SERVER is unset)');
  return JSON.parse(raw) as TestServerInfo;
}

export function urlFor(info: TestServerInfo, db: string): string {
  return info.urlPattern.replace('{db}', encodeURIComponent(db));
}

export async function withAdminClient<T>(info: TestServerInfo, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: urlFor(info, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of the suite's own: a copy of the migrated template (reference data seeded), of the same with the demo
 * portfolio (`demo`), or an empty one (`empty`).
 */
export async function createTestDatabase(options: { empty?: boolean; demo?: boolean } = {}): Promise<TestDatabase> {
  const info = testServer();
  const name = `${info.prefix}${randomBytes(5).toString('hex')}`;
  const template = options.demo ? info.demoTemplate : info.template;
  await withAdminClient(info, (c) =>
    c.query(`CREATE DATABASE "${name}"${options.empty ? '' : ` TEMPLATE "${template}"`}`),
  );
  return {
    name,
    url: urlFor(info, name),
    drop: () =>
      withAdminClient(info, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
