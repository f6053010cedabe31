import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrismaClient, type PrismaClient } from '@rabta/db';
import { Client } from 'pg';
import { createLogger } from '../../../apps/api/src/common/logging/logger';
import { runSeed } from '../../../apps/api/src/seed/seed';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { built, cleanEnv, runNode } from './processes';

// `npm run db:seed` and the seed at start: reference data and the demo portfolio, idempotent.

jest.setTimeout(120_000);

/** Rows in every table of the database (except the migrations' bookkeeping). */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname <> '_prisma_migrations' ORDER BY 1",
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows)
      counts[name] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`)).rows[0].n;
    return counts;
  } finally {
    await client.end();
  }
}

describe('the seed', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  const logger = createLogger('silent');

  beforeAll(async () => {
    db = await createTestDatabase(); // migrated; reference data already there, as after a first start without the demo
    prisma = createPrismaClient(db.url, { max: 2 });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('should seed the demo portfolio once: a second run adds nothing, a third through `npm run db:seed` neither', async () => {
    const first = await runSeed(prisma, logger, { demo: true });
    expect(first).toEqual({ countries: 0, sectors: 0, demo: 'seeded' });
    const afterFirst = await rowCounts(db.url);
    // The portfolio is really there: the initiatives, milestones, engagements, people, sources.
    expect(afterFirst).toMatchObject({ countries: expect.any(Number), sectors: 6 });
    for (const table of [
      'initiatives',
      'milestones',
      'engagements',
      'engagement_participants',
      'people',
      'sources',
      'evidence',
      'status_updates',
    ]) {
      expect({ table, rows: afterFirst[table] > 0 }).toEqual({ table, rows: true });
    }
    expect(afterFirst.countries).toBeGreaterThanOrEqual(200);

    const marker = await prisma.setting.findUnique({ where: { key: 'seed.demo' } });
    expect(marker?.value).toMatchObject({ seededAt: expect.any(String), initiatives: afterFirst.initiatives });

    const second = await runSeed(prisma, logger, { demo: true });
    expect(second).toEqual({ countries: 0, sectors: 0, demo: 'already present' });
    expect(await rowCounts(db.url)).toEqual(afterFirst);

    const cli = await runNode(
      [built('apps/api/dist/cli/seed.js')],
      cleanEnv({ DATABASE_URL: db.url, LOG_LEVEL: 'silent', RABTA_DATA_DIR: join(tmpdir(), 'rabta-unused') }),
    );
    expect({ code: cli.code, stdout: cli.stdout }).toEqual({
      code: 0,
      stdout: 'Countries added: 0, sectors added: 0, demo portfolio: already present.\n',
    });
    expect(await rowCounts(db.url)).toEqual(afterFirst);
  });

  it('should add the reference data to an empty database, and only what is missing afterwards', async () => {
    const empty = await createTestDatabase({ empty: true });
    const dir = mkdtempSync(join(tmpdir(), 'rabta-seed-'));
    try {
      const env = cleanEnv({ DATABASE_URL: empty.url, LOG_LEVEL: 'silent', RABTA_DATA_DIR: dir });
      const first = await runNode([built('apps/api/dist/cli/seed.js')], env);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^Countries added: \d{3}, sectors added: 6, demo portfolio: seeded\.\n$/);
      const counts = await rowCounts(empty.url);
      const again = await runNode([built('apps/api/dist/cli/seed.js')], env);
      expect(again.stdout).toBe('Countries added: 0, sectors added: 0, demo portfolio: already present.\n');
      expect(await rowCounts(empty.url)).toEqual(counts);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await empty.drop();
    }
  });

  it('should not put the demo into a database that already holds initiatives', async () => {
    const other = await createTestDatabase();
    const client = createPrismaClient(other.url, { max: 1 });
    try {
      await client.initiative.create({ data: { code: 'REAL-1', titleEn: 'A real initiative' } });
      expect(await runSeed(client, logger, { demo: true })).toMatchObject({
        demo: 'skipped: the database already holds initiatives',
      });
      expect(await client.initiative.count()).toBe(1);
      expect(await client.setting.findUnique({ where: { key: 'seed.demo' } })).toBeNull();
    } finally {
      await client.$disconnect();
      await other.drop();
    }
  });
});
