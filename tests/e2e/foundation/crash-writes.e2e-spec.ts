import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { dataDirFromTemplate } from '../../support/test-database';
import { built, cleanEnv, freePort, startNode, waitFor, type Running } from './processes';

// `kill -9` of Rabta in the middle of writes: the next start must be clean (the orphaned embedded PostgreSQL is
// taken over, its crash recovery replays the WAL) and no write may be half done: every change and its audit event
// commit together or not at all, and every write that was answered 200/201 is there.

jest.setTimeout(120_000);

const ADMIN = { email: 'crash.admin@test.rabta', password: 'Crash-test-admin-pass-2026' };

interface Totals {
  orgs: number;
  versionSum: number;
  creates: number;
  updates: number;
}

describe('kill -9 of Rabta during writes', () => {
  let dataDir: string;
  let port: number;
  let server: Running | undefined;
  const env = () =>
    cleanEnv({
      PORT: String(port),
      RABTA_DATA_DIR: dataDir,
      RABTA_SEED_DEMO: 'false',
      RABTA_ADMIN_EMAIL: ADMIN.email,
      RABTA_ADMIN_PASSWORD: ADMIN.password,
      REPORT_WORKERS: '0',
      LOG_LEVEL: 'info',
    });
  const base = () => `http://127.0.0.1:${port}/api`;

  async function start(): Promise<Running> {
    const run = startNode([built('apps/api/dist/main.js')], env());
    await waitFor(
      '/api/health to answer 200',
      async () => {
        if (run.child.exitCode !== null) throw new Error(`the server exited:\n${run.output().stderr}`);
        const res = await fetch(`${base()}/health`).catch(() => undefined);
        return res?.status === 200 ? true : undefined;
      },
      150_000,
      100,
    );
    return run;
  }

  async function database<T>(fn: (c: Client) => Promise<T>): Promise<T> {
    const { user, password } = JSON.parse(readFileSync(join(dataDir, 'credentials.json'), 'utf8'));
    const location = join(dataDir, 'postgres', 'postmaster.pid');
    const pgPort = Number(readFileSync(location, 'utf8').split('\n')[3]);
    const client = new Client({ host: '127.0.0.1', port: pgPort, user, password, database: 'rabta' });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  async function totals(sinceAuditId: string): Promise<Totals> {
    return database(async (c) => {
      const [row] = (
        await c.query(
          `
          SELECT (SELECT count(*) FROM organizations)::int AS orgs,
                 (SELECT coalesce(sum(version), 0) FROM organizations)::int AS "versionSum",
                 (SELECT count(*) FROM audit_events WHERE entity = 'organizations' AND action = 'create' AND id > $1)::int AS creates,
                 (SELECT count(*) FROM audit_events WHERE entity = 'organizations' AND action = 'update' AND id > $1)::int AS updates`,
          [sinceAuditId],
        )
      ).rows;
      return row as Totals;
    });
  }

  beforeAll(async () => {
    // A copy of this run's migrated cluster: no initdb of its own.
    dataDir = dataDirFromTemplate('crash');
    port = await freePort();
  });
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should start clean afterwards, with every answered write there and none half done', async () => {
    server = await start();
    const login = await fetch(`${base()}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('rabta_session='))!
      .split(';')[0];
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${base()}${path}`, {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const ids: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await call('POST', '/organizations', { nameEn: `Crash Org ${i}`, kind: 'company' });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: number }).id);
    }
    const marker = await database(async (c) => {
      const r = await c.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM audit_events');
      return r.rows[0].id;
    });
    const before = await totals(marker);

    // The write storm: updates with versions (409s expected between workers) and creates.
    const acked = { updates: [] as { id: number; version: number; nameEn: string }[], creates: [] as number[] };
    let stop = false;
    const worker = async (w: number) => {
      for (let n = 0; !stop; n += 1) {
        try {
          if (n % 4 === 3) {
            const res = await call('POST', '/organizations', { nameEn: `Crash W${w} N${n}`, kind: 'company' });
            if (res.status === 201) acked.creates.push(((await res.json()) as { id: number }).id);
            continue;
          }
          const id = ids[(w + n) % ids.length];
          const current = await call('GET', `/organizations/${id}`);
          if (current.status !== 200) continue;
          const { version } = (await current.json()) as { version: number };
          const nameEn = `Crash Org ${id} w${w} n${n}`;
          const res = await call('PUT', `/organizations/${id}`, { nameEn, version });
          if (res.status === 200) acked.updates.push({ id, version: version + 1, nameEn });
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = [0, 1, 2, 3, 4, 5].map(worker);
    await waitFor(
      'some writes to be answered',
      () => (acked.updates.length + acked.creates.length >= 24 ? true : undefined),
      60_000,
      20,
    );
    server.child.kill('SIGKILL');
    const killed = await server.exited;
    stop = true;
    await Promise.all(workers);
    expect(killed.signal).toBe('SIGKILL');

    server = await start();
    expect(server.output().stdout).toMatch(/Recovered from an unclean shutdown/);

    const after = await totals(marker);
    // Row counts and version sums move exactly as the audit log says (a new record starts at version 1, each update
    // adds one): a change and its audit event are one.
    expect(after.orgs - before.orgs).toBe(after.creates);
    expect(after.versionSum - before.versionSum).toBe(after.creates + after.updates);
    // Every answered write is there.
    expect(after.creates).toBeGreaterThanOrEqual(acked.creates.length);
    expect(after.updates).toBeGreaterThanOrEqual(acked.updates.length);
    await database(async (c) => {
      const rows = (
        await c.query<{ id: number; version: number; name_en: string }>(
          'SELECT id, version, name_en FROM organizations',
        )
      ).rows;
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const id of acked.creates) expect(byId.has(id)).toBe(true);
      for (const u of acked.updates) expect(byId.get(u.id)!.version).toBeGreaterThanOrEqual(u.version);
      // Each record reads as its last audit event says it was left.
      const last = (
        await c.query<{ entity_id: string; name: string }>(`
        SELECT DISTINCT ON (entity_id) entity_id, after->>'nameEn' AS name FROM audit_events
         WHERE entity = 'organizations' AND action IN ('create', 'update') ORDER BY entity_id, id DESC`)
      ).rows;
      for (const l of last) expect(byId.get(Number(l.entity_id))?.name_en).toBe(l.name);
    });
    process.stdout.write(
      `kill -9 during writes: ${acked.updates.length} updates and ${acked.creates.length} creates answered before the kill; ` +
        `${after.updates} updates and ${after.creates} creates committed; restart clean\n`,
    );
  });
});
