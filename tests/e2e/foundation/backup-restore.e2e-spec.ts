import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, startEmbeddedPostgres } from '@rabta/db';
import { Client } from 'pg';
import { dataDirFromTemplate } from '../../support/test-database';
import { built, cleanEnv, freePort, runNode, startNode, waitFor, type Running } from './processes';

// npm run backup while Rabta serves and writes go on, npm run restore into an empty data dir: the copy opens, is
// consistent (row counts and versions agree with the audit log), is identical table by table (per-table
// checksums, sequences) to the source at rest, and Rabta starts and signs in on it.

jest.setTimeout(180_000);

const ADMIN = { email: 'backup.admin@test.rabta', password: 'Backup-test-admin-pass-2026' };

/** md5 of every table's rows (in a stable order) and every sequence's position. */
async function checksums(url: string): Promise<Record<string, string>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const out: Record<string, string> = {};
    const tables = await c.query<{ s: string; t: string }>(
      `SELECT schemaname AS s, tablename AS t FROM pg_tables WHERE schemaname IN ('public', 'pgboss') ORDER BY 1, 2`,
    );
    for (const { s, t } of tables.rows) {
      const q = `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h FROM "${s}"."${t}" x`;
      const r = (await c.query<{ n: number; h: string }>(q)).rows[0];
      out[`${s}.${t}`] = `${r.n} ${r.h}`;
    }
    const seqs = await c.query<{ s: string; n: string; v: string | null }>(
      `SELECT schemaname AS s, sequencename AS n, last_value::text AS v FROM pg_sequences ORDER BY 1, 2`,
    );
    for (const r of seqs.rows) out[`seq ${r.s}.${r.n}`] = String(r.v);
    return out;
  } finally {
    await c.end();
  }
}

/** The URL of the running embedded cluster of a Rabta data dir (its credentials, the port in postmaster.pid). */
function clusterUrl(dataDir: string): string {
  const { user, password } = JSON.parse(readFileSync(join(dataDir, 'credentials.json'), 'utf8'));
  const port = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3]);
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/rabta`;
}

async function auditAgreement(
  url: string,
): Promise<{ orgs: number; creates: number; versionSum: number; updates: number }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (
      await c.query(`
        SELECT (SELECT count(*) FROM organizations)::int AS orgs,
               (SELECT count(*) FROM audit_events WHERE entity = 'organizations' AND action = 'create')::int AS creates,
               (SELECT coalesce(sum(version), 0) FROM organizations)::int AS "versionSum",
               (SELECT count(*) FROM audit_events WHERE entity = 'organizations' AND action = 'update')::int AS updates`)
    ).rows[0];
  } finally {
    await c.end();
  }
}

describe('npm run backup / npm run restore', () => {
  const dirs: string[] = [];
  const tempDir = (name: string) => {
    const d = mkdtempSync(join(tmpdir(), `rabta-${name}-`));
    dirs.push(d);
    return d;
  };
  let server: Running | undefined;
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function startServer(dataDir: string, port: number, extra: Record<string, string> = {}): Promise<Running> {
    const run = startNode(
      [built('apps/api/dist/main.js')],
      cleanEnv({
        ...extra,
        PORT: String(port),
        RABTA_DATA_DIR: dataDir,
        RABTA_SEED_DEMO: 'false',
        RABTA_ADMIN_EMAIL: ADMIN.email,
        RABTA_ADMIN_PASSWORD: ADMIN.password,
        REPORT_WORKERS: '0',
      }),
    );
    await waitFor(
      '/api/health to answer 200',
      async () => {
        if (run.child.exitCode !== null) throw new Error(`the server exited:\n${run.output().stderr}`);
        const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
        return res?.status === 200 ? true : undefined;
      },
      150_000,
      100,
    );
    return run;
  }

  async function signIn(port: number): Promise<string> {
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(res.status).toBe(200);
    return res.headers
      .getSetCookie()
      .find((c) => c.startsWith('rabta_session='))!
      .split(';')[0];
  }

  const cli = (script: string, args: string[], dataDir: string) =>
    runNode([built(`apps/api/dist/cli/${script}.js`), ...args], cleanEnv({ RABTA_DATA_DIR: dataDir }), 180_000);

  it('should take a consistent online backup during writes and restore an identical copy Rabta starts on', async () => {
    // Where the time goes, printed at the end.
    const steps: string[] = [];
    let last = Date.now();
    const step = (name: string) => {
      steps.push(`${name} ${((Date.now() - last) / 1000).toFixed(1)} s`);
      last = Date.now();
    };
    // A copy of this run's migrated cluster: no initdb of its own.
    const source = dataDirFromTemplate('source');
    dirs.push(source);
    const scheduled = tempDir('scheduled');
    const port = await freePort();
    // Scheduled backups every 2 s, keeping 1: they run beside the writes and the manual backup below.
    server = await startServer(source, port, {
      RABTA_BACKUP_CRON: '*/2 * * * * *',
      RABTA_BACKUP_DIR: scheduled,
      RABTA_BACKUP_KEEP: '1',
    });
    step('start');
    const cookie = await signIn(port);
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${port}/api${path}`, {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const ids: number[] = [];
    for (let i = 0; i < 3; i += 1)
      ids.push(
        (
          (await (await call('POST', '/organizations', { nameEn: `Backup Org ${i}`, kind: 'company' })).json()) as {
            id: number;
          }
        ).id,
      );

    let writing = true;
    let writes = 0;
    const writer = async (w: number) => {
      for (let n = 0; writing; n += 1) {
        if (n % 3 === 0) {
          if ((await call('POST', '/organizations', { nameEn: `Backup W${w} N${n}`, kind: 'company' })).status === 201)
            writes += 1;
          continue;
        }
        const id = ids[(w + n) % ids.length];
        const { version } = (await (await call('GET', `/organizations/${id}`)).json()) as { version: number };
        if ((await call('PUT', `/organizations/${id}`, { nameEn: `Backup ${id} ${w}/${n}`, version })).status === 200)
          writes += 1;
      }
    };
    const writers = [0, 1, 2].map(writer);
    await waitFor('writes to be under way', () => (writes >= 10 ? true : undefined), 60_000, 20);
    step('writes under way');
    const duringFile = join(tempDir('backups'), 'during.tar.gz');
    const started = Date.now();
    const during = await cli('backup', ['--out', duringFile], source);
    const backupMs = Date.now() - started;
    const writesDuring = writes;
    expect(during.stderr).toBe('');
    expect(during.code).toBe(0);
    expect(during.stdout).toContain(`Backed up ${source} to ${duringFile}`);
    step('backup during writes');
    writing = false;
    await Promise.all(writers);
    await waitFor(
      'a second scheduled backup, with the first pruned',
      () => ((server!.output().stdout.match(/Scheduled backup written/g)?.length ?? 0) >= 2 ? true : undefined),
      60_000,
      100,
    );
    step('scheduled backups');
    expect(readdirSync(scheduled).filter((f) => /^rabta-backup-\d{8}T\d{6}Z\.tar\.gz$/.test(f))).toHaveLength(1);
    expect(statSync(duringFile).mode & 0o777).toBe(0o600);

    // At rest (Rabta stopped, so the backup starts the cluster itself), a second backup must give a copy identical
    // to the source.
    server.child.kill('SIGTERM');
    await server.exited;
    const restFile = join(dirs[dirs.length - 1], 'rest.tar.gz');
    expect((await cli('backup', ['--out', restFile], source)).code).toBe(0);
    step('stop, backup at rest');
    const pgSource = await startEmbeddedPostgres({
      dataDir: source,
      database: 'rabta',
      logger: silentLogger,
      supervise: false,
    });
    const sourceSums = await checksums(pgSource.url);
    await pgSource.stop();

    step('source checksums');
    // The backup at rest restores identically: every table's rows, the sequences, the audit log.
    const fromRest = tempDir('restored-rest');
    const roundTrip = Date.now();
    const restoredRest = await cli('restore', [restFile], fromRest);
    expect(restoredRest.code).toBe(0);
    const restoreMs = Date.now() - roundTrip;
    step('restore');
    const pgB = await startEmbeddedPostgres({
      dataDir: fromRest,
      database: 'rabta',
      logger: silentLogger,
      supervise: false,
    });
    const restoredSums = await checksums(pgB.url);
    await pgB.stop();
    expect(restoredSums).toEqual(sourceSums);
    expect(Object.keys(restoredSums)).toEqual(expect.arrayContaining(['public.audit_events', 'public.organizations']));

    step('restored checksums');
    // Restoring over data is refused.
    const again = await cli('restore', [restFile], fromRest);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is not empty');

    step('refused restore');
    // The backup taken during writes restores to a consistent state, and Rabta starts and signs in on it.
    const fromDuring = tempDir('restored-during');
    expect((await cli('restore', [duringFile], fromDuring)).code).toBe(0);
    step('restore of the backup during writes');
    const port2 = await freePort();
    server = await startServer(fromDuring, port2);
    await signIn(port2);
    const agreement = await auditAgreement(clusterUrl(fromDuring));
    expect(agreement.orgs).toBe(agreement.creates);
    expect(agreement.versionSum).toBe(agreement.creates + agreement.updates);
    expect(agreement.creates).toBeGreaterThanOrEqual(3);
    step('start and sign in on it, consistency');
    process.stdout.write(
      `backup during ${writesDuring}+ writes: ${statSync(duringFile).size} bytes in ${backupMs} ms; ` +
        `at rest: ${statSync(restFile).size} bytes; restore ${restoreMs} ms; ${Object.keys(sourceSums).length} tables and sequences identical\n` +
        `steps: ${steps.join(', ')}\n`,
    );
  });
});
