import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  markRolledBack,
  migrate,
  MigrationError,
  migrationStatus,
  MIGRATIONS_DIR,
  PRISMA_ADVISORY_LOCK_KEY,
  readMigrations,
  silentLogger,
} from '@rabta/db';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { built, cleanEnv, runNode } from './processes';

// The project's migrator against real PostgreSQL, with migration folders made for each case.

interface Row {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const sha256File = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function sql<T extends object = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

const rowsOf = (url: string) => sql<Row>(url, 'SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name');
const exists = async (url: string, table: string) =>
  (await sql<{ t: string | null }>(url, 'SELECT to_regclass($1)::text AS t', [table]))[0].t !== null;

const tempDirs: string[] = [];
function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rabta-migrations-'));
  tempDirs.push(dir);
  writeMigrations(dir, files);
  return dir;
}
function writeMigrations(dir: string, files: Record<string, string>): void {
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'migration.sql'), body);
  }
}

const FIRST = '20250101000000_first';
const SECOND = '20250102000000_second';
const THIRD = '20250103000000_third';

describe('the migrator', () => {
  const dbs: TestDatabase[] = [];
  async function emptyDb(): Promise<TestDatabase> {
    const db = await createTestDatabase({ empty: true });
    dbs.push(db);
    return db;
  }
  afterAll(async () => {
    for (const db of dbs) await db.drop();
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('should record each migration in _prisma_migrations exactly as Prisma does', async () => {
    const db = await emptyDb();
    const dir = migrationsDir({
      [FIRST]: 'CREATE TABLE a (id int PRIMARY KEY);\n',
      [SECOND]: '-- a comment, and Urdu: رابطہ\nCREATE TABLE b (id int PRIMARY KEY);\n',
    });
    const result = await migrate(db.url, dir, silentLogger);
    expect(result).toEqual({ applied: [FIRST, SECOND], total: 2 });

    const rows = await rowsOf(db.url);
    expect(rows.map((r) => r.migration_name)).toEqual([FIRST, SECOND]);
    for (const r of rows) {
      expect(r.id).toMatch(UUID);
      expect(r.checksum).toBe(sha256File(join(dir, r.migration_name, 'migration.sql')));
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.finished_at!.getTime()).toBeGreaterThanOrEqual(r.started_at.getTime());
      expect(r.applied_steps_count).toBe(1);
      expect(r.logs).toBeNull();
      expect(r.rolled_back_at).toBeNull();
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);

    // The table itself as Prisma's schema engine creates it, so that `prisma migrate status` reads it.
    const columns = await sql(
      db.url,
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', len: 36, is_nullable: 'NO', column_default: null },
      { column_name: 'checksum', data_type: 'character varying', len: 64, is_nullable: 'NO', column_default: null },
      {
        column_name: 'finished_at',
        data_type: 'timestamp with time zone',
        len: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'migration_name',
        data_type: 'character varying',
        len: 255,
        is_nullable: 'NO',
        column_default: null,
      },
      { column_name: 'logs', data_type: 'text', len: null, is_nullable: 'YES', column_default: null },
      {
        column_name: 'rolled_back_at',
        data_type: 'timestamp with time zone',
        len: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'started_at',
        data_type: 'timestamp with time zone',
        len: null,
        is_nullable: 'NO',
        column_default: 'now()',
      },
      { column_name: 'applied_steps_count', data_type: 'integer', len: null, is_nullable: 'NO', column_default: '0' },
    ]);

    // A second run applies nothing.
    expect(await migrate(db.url, dir, silentLogger)).toEqual({ applied: [], total: 2 });
    expect(await rowsOf(db.url)).toHaveLength(2);
  });

  it("should record the project's own migrations with the sha256 of their files", async () => {
    const db = await emptyDb();
    const result = await migrate(db.url, MIGRATIONS_DIR, silentLogger);
    expect(result.applied.length).toBeGreaterThan(0);
    const rows = await rowsOf(db.url);
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      result.applied.map((name) => [name, sha256File(join(MIGRATIONS_DIR, name, 'migration.sql')), 1]),
    );
    expect(await migrationStatus(db.url, MIGRATIONS_DIR)).toEqual({
      applied: result.applied.length,
      pending: 0,
      pendingNames: [],
    });
  });

  it('should count applied and pending migrations', async () => {
    const db = await emptyDb();
    const dir = migrationsDir({ [FIRST]: 'CREATE TABLE a (id int);', [SECOND]: 'CREATE TABLE b (id int);' });
    expect(await migrationStatus(db.url, dir)).toEqual({ applied: 0, pending: 2, pendingNames: [FIRST, SECOND] });
    await migrate(db.url, dir, silentLogger);
    expect(await migrationStatus(db.url, dir)).toEqual({ applied: 2, pending: 0, pendingNames: [] });
    writeMigrations(dir, { [THIRD]: 'CREATE TABLE c (id int);' });
    expect(await migrationStatus(db.url, dir)).toEqual({ applied: 2, pending: 1, pendingNames: [THIRD] });
  });

  it('should apply each migration exactly once when several migrators start at once', async () => {
    const db = await emptyDb();
    const dir = migrationsDir({
      [FIRST]: "CREATE TABLE runs (migration text NOT NULL);\nINSERT INTO runs VALUES ('first');\n",
      // Slow enough that the others are waiting on the lock, not finished already.
      [SECOND]: "SELECT pg_sleep(0.5);\nINSERT INTO runs VALUES ('second');\n",
      [THIRD]: "INSERT INTO runs VALUES ('third');\n",
    });
    const results = await Promise.all([1, 2, 3].map(() => migrate(db.url, dir, silentLogger)));
    expect(results.flatMap((r) => r.applied).sort()).toEqual([FIRST, SECOND, THIRD]);
    expect(results.filter((r) => r.applied.length === 3)).toHaveLength(1);
    expect(
      (await sql<{ migration: string }>(db.url, 'SELECT migration FROM runs ORDER BY 1')).map((r) => r.migration),
    ).toEqual(['first', 'second', 'third']);
    expect((await rowsOf(db.url)).map((r) => r.migration_name)).toEqual([FIRST, SECOND, THIRD]);
    // The lock is Prisma's, and it is released.
    expect(
      await sql(
        db.url,
        "SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      ),
    ).toEqual([]);
    expect(PRISMA_ADVISORY_LOCK_KEY).toBe(72707369);
  });

  it('should apply the migrations exactly once when two processes run `db:migrate` at the same moment', async () => {
    const db = await emptyDb();
    const cli = built('apps/api/dist/cli/migrate.js');
    const env = cleanEnv({ DATABASE_URL: db.url, LOG_LEVEL: 'warn', RABTA_DATA_DIR: join(tmpdir(), 'rabta-unused') });
    const [a, b] = await Promise.all([runNode([cli], env), runNode([cli], env)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const total = (await rowsOf(db.url)).length;
    expect(total).toBeGreaterThan(0);
    expect([a.stdout, b.stdout].sort()).toEqual([
      `0 applied now, ${total} in all.\n`,
      `${total} applied now, ${total} in all.\n`,
    ]);
    const names = (await rowsOf(db.url)).map((r) => r.migration_name);
    expect(new Set(names).size).toBe(names.length);
  });

  describe('when a migration fails', () => {
    let db: TestDatabase;
    let dir: string;

    beforeAll(async () => {
      db = await emptyDb();
      dir = migrationsDir({
        [FIRST]: 'CREATE TABLE a (id int PRIMARY KEY);\n',
        // Its own table, a row in the first one's, then an error: none of it may stay.
        [SECOND]: 'CREATE TABLE b (id int);\nINSERT INTO a VALUES (1);\nSELECT 1 / 0;\n',
        [THIRD]: 'CREATE TABLE c (id int);\n',
      });
    });

    it('should keep the ones before it, leave nothing of it behind, record it as failed and stop', async () => {
      const err = await migrate(db.url, dir, silentLogger).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(MigrationError);
      expect((err as MigrationError).migration).toBe(SECOND);
      expect((err as Error).message).toContain(`Migration ${SECOND} failed and was rolled back: division by zero`);
      expect((err as Error).message).toContain(`npm run db:migrate -- --rolled-back ${SECOND}`);

      expect(await exists(db.url, 'a')).toBe(true);
      expect(await exists(db.url, 'b')).toBe(false);
      expect(await exists(db.url, 'c')).toBe(false);
      expect(await sql(db.url, 'SELECT * FROM a')).toEqual([]);

      const rows = await rowsOf(db.url);
      expect(rows.map((r) => [r.migration_name, r.finished_at !== null, r.applied_steps_count])).toEqual([
        [FIRST, true, 1],
        [SECOND, false, 0],
      ]);
      expect(rows[1].logs).toContain('division by zero');
      expect(rows[1].checksum).toBe(sha256File(join(dir, SECOND, 'migration.sql')));
      expect(rows[1].id).toMatch(UUID);
      expect(await migrationStatus(db.url, dir)).toEqual({ applied: 1, pending: 2, pendingNames: [SECOND, THIRD] });
    });

    it('should refuse the next start, naming the failed migration, even once its file is fixed', async () => {
      writeMigrations(dir, { [SECOND]: 'CREATE TABLE b (id int);\nINSERT INTO a VALUES (1);\n' });
      await expect(migrate(db.url, dir, silentLogger)).rejects.toThrow(
        new RegExp(`Migration ${SECOND} failed when it was last applied.*--rolled-back ${SECOND}`, 's'),
      );
      expect(await exists(db.url, 'c')).toBe(false);
    });

    it('should apply it again once it is marked rolled back (npm run db:migrate -- --rolled-back <name>)', async () => {
      expect(await markRolledBack(db.url, FIRST)).toBe(false); // not failed: nothing to mark
      expect(await markRolledBack(db.url, SECOND)).toBe(true);
      expect(await markRolledBack(db.url, SECOND)).toBe(false);
      expect(await migrate(db.url, dir, silentLogger)).toEqual({ applied: [SECOND, THIRD], total: 3 });
      expect(await sql(db.url, 'SELECT id FROM a')).toEqual([{ id: 1 }]);
      const rows = await rowsOf(db.url);
      expect(rows.map((r) => [r.migration_name, r.finished_at !== null, r.rolled_back_at !== null])).toEqual([
        [FIRST, true, false],
        [SECOND, false, true],
        [SECOND, true, false],
        [THIRD, true, false],
      ]);
      expect(await migrationStatus(db.url, dir)).toEqual({ applied: 3, pending: 0, pendingNames: [] });
    });
  });

  it('should refuse to run, naming the migration, when an applied file has changed; converted line endings are fine', async () => {
    const db = await emptyDb();
    const body = 'CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n';
    const dir = migrationsDir({ [FIRST]: body, [SECOND]: 'CREATE TABLE c (id int);\n' });
    await migrate(db.url, dir, silentLogger);

    writeMigrations(dir, { [FIRST]: body.replace(/\n/g, '\r\n') });
    expect(await migrate(db.url, dir, silentLogger)).toEqual({ applied: [], total: 2 });

    writeMigrations(dir, { [FIRST]: `${body}CREATE TABLE d (id int);\n`, [THIRD]: 'CREATE TABLE e (id int);\n' });
    const err = await migrate(db.url, dir, silentLogger).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as MigrationError).migration).toBe(FIRST);
    expect((err as Error).message).toMatch(
      new RegExp(`^Migration ${FIRST} was changed after it was applied to this database`),
    );
    expect((err as Error).message).toContain('put the change in a new migration');
    // Refused before anything ran: the new migration is not applied either.
    expect(await exists(db.url, 'd')).toBe(false);
    expect(await exists(db.url, 'e')).toBe(false);
  });

  it('should refuse through `npm run db:migrate` after a failure, and go on with --rolled-back <name>', async () => {
    const db = await emptyDb();
    await migrate(db.url, migrationsDir({}), silentLogger); // only creates the bookkeeping table
    const init = readMigrations(MIGRATIONS_DIR)[0].name;
    // As a failed attempt leaves it: a row that never finished, with the error in its logs.
    await sql(
      db.url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs) VALUES (gen_random_uuid(), repeat('0', 64), $1, 'boom')`,
      [init],
    );
    const cli = built('apps/api/dist/cli/migrate.js');
    const env = cleanEnv({ DATABASE_URL: db.url, LOG_LEVEL: 'silent', RABTA_DATA_DIR: join(tmpdir(), 'rabta-unused') });

    const refused = await runNode([cli], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Migration ${init} failed when it was last applied`);
    expect(refused.stderr).toContain(`--rolled-back ${init}`);
    expect(refused.stderr).toContain('Its error was: boom');

    const resumed = await runNode([cli, '--rolled-back', init], env);
    expect({ code: resumed.code, stderr: resumed.stderr }).toEqual({ code: 0, stderr: '' });
    const total = (await migrationStatus(db.url, MIGRATIONS_DIR)).applied;
    expect(resumed.stdout).toBe(`Marked ${init} rolled back.\n${total} applied now, ${total} in all.\n`);
    expect(await migrationStatus(db.url, MIGRATIONS_DIR)).toMatchObject({ pending: 0 });

    const status = await runNode([cli, '--status'], env);
    expect(status.stdout).toBe(`${total} applied, 0 pending\n`);
  });
});
