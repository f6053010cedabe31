#!/usr/bin/env node
// What an operator times: a cold start, the embedded database killed under Rabta, and a backup's round trip.
// Measures, never asserts; each figure beside its goal and a baseline measured in the same run.
//
//   npm run bench:ops                      # all three (the backup on the bench data set: npm run bench:generate)
//   npm run bench:ops -- --only start,faults --starts 3
//   npm run bench:ops -- --only clone       # what a user of a fresh clone waits for (see below)
//
// - start: `node apps/api/dist/main.js` on an empty RABTA_DATA_DIR (what `npm start` runs once built) until
//   /api/health answers 200, with where the time went (read from its log); then again on the same data dir (a
//   warm start). Baseline: the embedded PostgreSQL alone, initialised and started in a fresh folder. Goal < 10 s.
// - clone: what the README's `npm ci && npm start` costs on a fresh clone, builds included: the repository's HEAD
//   cloned into a temp folder, with this checkout's installed dependencies linked in (what `npm ci` installs; no
//   network) and an empty Nx cache. Timed: `npm start` to /api/health 200 when nothing is built (the build inside
//   it, as before `npm ci` built), `npm run prepare` (the build `npm ci` now ends with) and `npm start` after it.
// - faults: Rabta serving 8 clients on the embedded cluster, whose postmaster gets SIGKILL. Figures: the slowest
//   answer meanwhile (goal < 2 s), when the first 503 came, when PostgreSQL accepted connections again (the
//   supervisor's restart and PostgreSQL's crash recovery: the baseline), when the first 2xx came after it (goal
//   within 5 s of the database being back).
// - backup: `backupEmbedded` (what `npm run backup` runs) of the bench cluster while it runs, `restoreEmbedded`
//   into an empty folder (what `npm run restore` runs, PostgreSQL's recovery included), and every table's row count
//   compared. Baseline: a plain copy (`cp -a`) of the same cluster folder.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  BenchError,
  CpuMeter,
  PGDATA,
  ROOT,
  describeMachine,
  loadBuilt,
  machine,
  markdownTable,
  mintApiToken,
  openBenchDatabase,
  othersCpuPercent,
  out,
  percentile,
  quietLogger,
  sleep,
  table,
  updateDocsSection,
} from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string', default: 'start,clone,faults,backup' },
    starts: { type: 'string', default: '3' },
    'no-docs': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write('Options: --only start,clone,faults,backup --starts <n cold starts> --no-docs\n');
  process.exit(0);
}
const ONLY = new Set(args.only.split(',').map((s) => s.trim()));
const STARTS = Math.max(1, Number(args.starts));
const log = (msg) => process.stdout.write(`${msg}\n`);
const sec = (v) => (Number.isFinite(v) ? `${(v / 1000).toFixed(2)} s` : 'n/a');
const median = (xs) => percentile(xs, 50);
const temps = [];
const tempDir = (name) => {
  const d = mkdtempSync(join(tmpdir(), `rabta-bench-${name}-`));
  temps.push(d);
  return d;
};

/** Polls `base`/api/health until 200; fails when `child` exits first or `limitMs` after `t0` pass. */
async function untilHealthy(base, child, t0, limitMs, output) {
  for (;;) {
    if (child.exitCode !== null) throw new BenchError(`exited while starting:\n${output().slice(-3000)}`);
    const res = await fetch(`${base}/api/health`).catch(() => undefined);
    if (res?.status === 200) return;
    if (performance.now() - t0 > limitMs) {
      throw new BenchError(`no /api/health 200 within ${limitMs / 1000} s:\n${output().slice(-3000)}`);
    }
    await sleep(25);
  }
}

/** Starts the built server on `dataDir` (embedded PostgreSQL) and waits for /api/health 200. */
async function startRabta(built, dataDir) {
  const port = await built.db.findFreePort();
  const spawnedAt = Date.now();
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      RABTA_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c) => (stderr += c.toString('utf8')));
  const base = `http://127.0.0.1:${port}`;
  try {
    await untilHealthy(base, child, t0, 180_000, () => stderr);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const ms = performance.now() - t0;
  /** Milliseconds from the spawn to the first log line whose message matches. */
  const at = (re) => {
    for (const line of stdout.split('\n')) {
      try {
        const e = JSON.parse(line);
        if (re.test(e.msg ?? '')) return Date.parse(e.time) - spawnedAt;
      } catch {
        // not a log line
      }
    }
    return undefined;
  };
  return {
    base,
    ms,
    at,
    child,
    output: () => stdout,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}

// ------------------------------------------------------------------------------------------------ cold start

async function benchStart(built) {
  const cold = [];
  const warm = [];
  const bare = [];
  const phases = [];
  for (let i = 0; i < STARTS; i++) {
    // Baseline: the embedded PostgreSQL alone, initdb and start, in a fresh folder.
    const pgOnly = tempDir('pg');
    const b0 = performance.now();
    const pg = await built.db.startEmbeddedPostgres({ dataDir: pgOnly, database: 'rabta', logger: quietLogger });
    bare.push(performance.now() - b0);
    await pg.stop();

    const dataDir = tempDir('start');
    const first = await startRabta(built, dataDir);
    cold.push(first.ms);
    phases.push({
      cluster: first.at(/Initialised a new embedded PostgreSQL cluster/),
      migrated: first.at(/Database schema is up to date/),
      seeded: first.at(/Seeded the demo portfolio/),
      ready: first.at(/Rabta is ready/),
    });
    await first.stop();
    const again = await startRabta(built, dataDir);
    warm.push(again.ms);
    await again.stop();
    log(
      `  start ${i + 1}: cold ${sec(first.ms)}, warm ${sec(again.ms)}, PostgreSQL alone ${sec(bare[bare.length - 1])}`,
    );
  }
  const mid = (k) => median(phases.map((p) => p[k]).filter(Number.isFinite));
  return {
    runs: STARTS,
    coldMs: median(cold),
    warmMs: median(warm),
    bareMs: median(bare),
    coldAll: cold.map(Math.round),
    ratio: Number((median(cold) / median(bare)).toFixed(2)),
    phasesMs: {
      cluster: Math.round(mid('cluster')),
      migrated: Math.round(mid('migrated')),
      seeded: Math.round(mid('seeded')),
      ready: Math.round(mid('ready')),
    },
  };
}

// ------------------------------------------------------------------------------------------- a fresh clone

/** Links (hard links, else a symlink) this checkout's node_modules folders into `dir`, as `npm ci` would install. */
function linkDependencies(dir) {
  const folders = ['', 'apps/api', 'apps/admin', 'packages/db', 'packages/domain', 'packages/intake']
    .map((p) => join(p, 'node_modules'))
    .filter((p) => existsSync(join(ROOT, p)));
  for (const p of folders) {
    const linked = spawnSync('cp', ['-al', join(ROOT, p), join(dir, p)]);
    if (linked.status !== 0) symlinkSync(join(ROOT, p), join(dir, p));
  }
}

/** `npm <args>` in `dir`, until it exits (or, with `healthyAt`, until its server answers /api/health 200). */
async function timeNpm(dir, args, env, healthyAt) {
  const t0 = performance.now();
  const child = spawn('npm', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (c) => (output += c.toString('utf8')));
  child.stderr.on('data', (c) => (output += c.toString('utf8')));
  const exited = new Promise((done) => child.once('exit', done));
  try {
    if (!healthyAt) {
      if ((await exited) !== 0) throw new BenchError(`npm ${args.join(' ')} failed:\n${output.slice(-3000)}`);
      return performance.now() - t0;
    }
    await untilHealthy(healthyAt, child, t0, 300_000, () => output);
    return performance.now() - t0;
  } finally {
    if (child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
  }
}

async function benchClone(built) {
  const parent = tempDir('clone');
  // Enterable by the `postgres` user a root start runs PostgreSQL as, so the cluster stays in the clone's .data.
  chmodSync(parent, 0o755);
  const dir = join(parent, 'rabta');
  const cloned = spawnSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, dir], { encoding: 'utf8' });
  if (cloned.status !== 0) throw new BenchError(`git clone failed: ${cloned.stderr}`);
  linkDependencies(dir);
  const port = await built.db.findFreePort();
  const env = {
    ...process.env,
    NX_CACHE_DIRECTORY: tempDir('nx-cache'),
    NX_DAEMON: 'false',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    RABTA_DATA_DIR: join(dir, '.data'),
    LOG_LEVEL: 'warn',
  };
  const url = `http://127.0.0.1:${port}`;
  // What `npm ci` leaves before its build: no build output, no generated client, no data, an empty Nx cache.
  const outputs = ['apps/api/dist', 'apps/admin/dist', 'packages/db/src/generated', '.data', '.nx']
    .concat(['db', 'domain', 'intake'].map((p) => `packages/${p}/dist`))
    .map((p) => join(dir, p))
    .concat(env.NX_CACHE_DIRECTORY);
  const unbuilt = () => outputs.forEach((p) => rmSync(p, { recursive: true, force: true }));
  unbuilt();
  const startBuilding = await timeNpm(dir, ['start'], env, url);
  unbuilt();
  const prepare = await timeNpm(dir, ['run', 'prepare'], env);
  const startPrepared = await timeNpm(dir, ['start'], env, url);
  log(
    `  npm start building: ${sec(startBuilding)}; npm run prepare (in npm ci): ${sec(prepare)}; ` +
      `npm start after it: ${sec(startPrepared)}`,
  );
  return { startBuildingMs: startBuilding, prepareMs: prepare, startPreparedMs: startPrepared };
}

// ---------------------------------------------------------------------------------------------------- faults

async function benchFaults(built) {
  const dataDir = tempDir('faults');
  const rabta = await startRabta(built, dataDir);
  try {
    const running = built.db.runningEmbedded(dataDir);
    if (!running)
      throw new BenchError(
        `No running embedded PostgreSQL found for ${dataDir} (${built.db.clusterDirFor(dataDir)}): ${spawnSync('ls', ['-la', dataDir], { encoding: 'utf8' }).stdout}`,
      );
    const dbUrl = running.url.replace(/\/postgres$/, '/rabta');
    const client = new built.pg.Client({ connectionString: dbUrl });
    await client.connect();
    const admin = (await client.query(`SELECT email FROM users WHERE role = 'admin' ORDER BY id LIMIT 1`)).rows[0];
    const token = await mintApiToken(client, admin.email, 'bench:ops');
    await client.end();
    const headers = { authorization: `Bearer ${token}` };
    const results = [];
    let stop = false;
    const t0 = performance.now();
    const workers = Array.from({ length: 8 }, async (_, w) => {
      while (!stop) {
        const start = performance.now() - t0;
        const path = w % 2 ? '/api/initiatives?range=%5B0%2C9%5D' : '/api/me';
        let status = 0;
        try {
          const res = await fetch(`${rabta.base}${path}`, { headers, signal: AbortSignal.timeout(30_000) });
          status = res.status;
          await res.arrayBuffer();
        } catch {
          status = 0;
        }
        results.push({ start, end: performance.now() - t0, status });
        if (status === 503) await sleep(100);
      }
    });
    await sleep(2_000);
    const pid = Number(readFileSync(join(running.pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const killAt = performance.now() - t0;
    process.kill(pid, 'SIGKILL');
    // When PostgreSQL accepts connections again (restarted by Rabta's supervisor, after its crash recovery).
    let backAt;
    while (backAt === undefined && performance.now() - t0 - killAt < 60_000) {
      const probe = new built.pg.Client({ connectionString: dbUrl, connectionTimeoutMillis: 1_000 });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        await probe.query('SELECT 1');
        backAt = performance.now() - t0;
      } catch {
        await sleep(50);
      } finally {
        await probe.end().catch(() => undefined);
      }
    }
    // Served again: the first 2xx that started after the database was back.
    let resumedAt;
    while (resumedAt === undefined && performance.now() - t0 - killAt < 60_000) {
      const ok = results.find((r) => r.start >= backAt && r.status >= 200 && r.status < 300);
      resumedAt = ok?.end;
      if (resumedAt === undefined) await sleep(20);
    }
    await sleep(1_000);
    stop = true;
    await Promise.all(workers);
    const during = results.filter((r) => r.end >= killAt && r.start <= (resumedAt ?? Infinity));
    const first503 = results.find((r) => r.end >= killAt && r.status === 503);
    const other = during.filter((r) => r.status !== 503 && (r.status < 200 || r.status >= 300));
    return {
      requests: results.length,
      duringOutage: during.length,
      slowestMs: Math.max(...during.map((r) => r.end - r.start)),
      first503Ms: first503 ? first503.end - killAt : undefined,
      databaseBackMs: backAt - killAt,
      resumedAfterKillMs: resumedAt - killAt,
      resumedAfterBackMs: resumedAt - backAt,
      s503: during.filter((r) => r.status === 503).length,
      otherFailures: other.length,
      supervisorLogged: /Embedded PostgreSQL restarted/.test(rabta.output()),
    };
  } finally {
    await rabta.stop();
  }
}

// ---------------------------------------------------------------------------------------------------- backup

async function tableCounts(pg, url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_%' ORDER BY 1`,
      )
    ).rows.map((r) => r.tablename);
    const counts = {};
    for (const t of tables) counts[t] = Number((await client.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
    return counts;
  } finally {
    await client.end();
  }
}

async function benchBackup(built) {
  const database = await openBenchDatabase(built);
  let restored;
  try {
    const sizeClient = new built.pg.Client({ connectionString: database.url });
    await sizeClient.connect();
    const size = Number((await sizeClient.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b);
    await sizeClient.end();
    const before = await tableCounts(built.pg, database.url);
    if (!before.initiatives)
      throw new BenchError('The bench database holds no initiatives: run `npm run bench:generate` first.');
    const clusterDir = join(PGDATA, 'postgres');
    const clusterBytes = Number(spawnSync('du', ['-sb', clusterDir], { encoding: 'utf8' }).stdout.split('\t')[0]);

    // Baseline: every byte of the cluster folder copied once.
    const copyTo = join(tempDir('copy'), 'postgres');
    const c0 = performance.now();
    const cp = spawnSync('cp', ['-a', clusterDir, copyTo]);
    const copyMs = performance.now() - c0;
    if (cp.status !== 0) throw new BenchError(`cp -a failed: ${cp.stderr}`);
    rmSync(copyTo, { recursive: true, force: true });

    const file = join(tempDir('backup'), 'rabta-bench.tar.gz');
    const b0 = performance.now();
    const backup = await built.db.backupEmbedded({ dataDir: PGDATA, outFile: file, logger: quietLogger });
    const backupMs = performance.now() - b0;
    const bytes = statSync(file).size;
    await database.stop();

    const restoreDir = tempDir('restore');
    const r0 = performance.now();
    await built.db.restoreEmbedded({ file, dataDir: restoreDir, logger: quietLogger });
    const restoreMs = performance.now() - r0;
    const s0 = performance.now();
    restored = await built.db.startEmbeddedPostgres({
      dataDir: restoreDir,
      database: 'rabta_bench',
      logger: quietLogger,
    });
    const restoredStartMs = performance.now() - s0;
    const after = await tableCounts(built.pg, restored.url);
    const differing = Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
    return {
      databaseBytes: size,
      clusterBytes,
      backupBytes: bytes,
      walFiles: backup.manifest.walFiles.length,
      backupMs,
      restoreMs,
      restoredStartMs,
      roundTripMs: backupMs + restoreMs + restoredStartMs,
      copyMs,
      tables: Object.keys(before).length,
      rows: Object.values(before).reduce((s, n) => s + n, 0),
      differing,
    };
  } finally {
    await restored?.stop().catch(() => undefined);
    await database.stop().catch(() => undefined);
  }
}

// ------------------------------------------------------------------------------------------------------ main

async function main() {
  const built = loadBuilt();
  const meter = new CpuMeter().start();
  const result = { date: new Date().toISOString(), machine: machine() };
  if (ONLY.has('start')) {
    log(`Cold starts (${STARTS}), each with a warm start and PostgreSQL alone as baselines…`);
    result.start = await benchStart(built);
  }
  if (ONLY.has('clone')) {
    log("A fresh clone: npm start with nothing built, npm ci's build (prepare), npm start after it…");
    result.clone = await benchClone(built);
  }
  if (ONLY.has('faults')) {
    log('The embedded postmaster killed (SIGKILL) under 8 clients…');
    result.faults = await benchFaults(built);
  }
  if (ONLY.has('backup')) {
    log('Backup and restore of the bench cluster…');
    result.backup = await benchBackup(built);
  }
  result.othersCpuPercent = othersCpuPercent(meter);
  writeFileSync(out('ops.json'), JSON.stringify(result, null, 2) + '\n');

  const rows = [];
  const s = result.start;
  if (s) {
    rows.push(
      [
        'cold start to /api/health 200 (empty data dir)',
        sec(s.coldMs),
        '< 10 s',
        `PostgreSQL alone (initdb + start) ${sec(s.bareMs)}`,
        `× ${s.ratio}`,
      ],
      [
        '  where: cluster ready / migrated / demo seeded / listening',
        `${sec(s.phasesMs.cluster)} / ${sec(s.phasesMs.migrated)} / ${sec(s.phasesMs.seeded)} / ${sec(s.phasesMs.ready)}`,
        '',
        '',
        '',
      ],
      [
        'warm start (same data dir)',
        sec(s.warmMs),
        '',
        `cold ${sec(s.coldMs)}`,
        `× ${(s.warmMs / s.coldMs).toFixed(2)}`,
      ],
    );
  }
  const c = result.clone;
  if (c) {
    rows.push(
      [
        'fresh clone: `npm start` after `npm ci`, to /api/health 200',
        sec(c.startPreparedMs),
        '< 10 s',
        `\`npm start\` building too ${sec(c.startBuildingMs)}`,
        `× ${(c.startPreparedMs / c.startBuildingMs).toFixed(2)}`,
      ],
      ['  the build `npm ci` now ends with (prepare)', sec(c.prepareMs), '', '', ''],
    );
  }
  const f = result.faults;
  if (f) {
    rows.push(
      ['slowest answer while the database was away', sec(f.slowestMs), '< 2 s', '', ''],
      ['first 503 after the SIGKILL', sec(f.first503Ms), '', '', ''],
      [
        'PostgreSQL accepting again after the SIGKILL',
        sec(f.databaseBackMs),
        '',
        'baseline: supervisor restart + crash recovery',
        '',
      ],
      [
        'first 2xx after the database was back',
        sec(f.resumedAfterBackMs),
        '< 5 s',
        `${sec(f.resumedAfterKillMs)} after the kill`,
        `× ${(f.resumedAfterKillMs / f.databaseBackMs).toFixed(2)} of the database's own`,
      ],
      ['answers meanwhile: 503 / other failures', `${f.s503} / ${f.otherFailures}`, '0 other', '', ''],
    );
  }
  const b = result.backup;
  if (b) {
    const mib = (x) => `${(x / 2 ** 20).toFixed(1)} MiB`;
    rows.push(
      [
        'backup file (online base backup + WAL, gzip)',
        mib(b.backupBytes),
        '',
        `database ${mib(b.databaseBytes)}, cluster folder ${mib(b.clusterBytes)}`,
        `× ${(b.backupBytes / b.clusterBytes).toFixed(2)} of the folder`,
      ],
      [
        'backup time',
        sec(b.backupMs),
        '',
        `cp -a of the cluster folder ${sec(b.copyMs)}`,
        `× ${(b.backupMs / b.copyMs).toFixed(2)}`,
      ],
      [
        'restore (unpack + recovery) / restored copy started',
        `${sec(b.restoreMs)} / ${sec(b.restoredStartMs)}`,
        '',
        '',
        '',
      ],
      [
        'round trip (backup + restore + start)',
        sec(b.roundTripMs),
        '',
        `cp -a ${sec(b.copyMs)}`,
        `× ${(b.roundTripMs / b.copyMs).toFixed(2)}`,
      ],
      [
        `tables whose row count differs (of ${b.tables}, ${b.rows.toLocaleString('en')} rows)`,
        b.differing.length,
        '0',
        '',
        '',
      ],
    );
  }
  const headers = ['figure', 'measured', 'goal', 'baseline (same run)', 'ratio'];
  log(`\n${table(headers, rows)}\n`);
  log(`Other work used ${result.othersCpuPercent ?? '?'} % of the CPU meanwhile. Figures: tests/bench/out/ops.json.`);
  if (!args['no-docs']) {
    updateDocsSection(
      'ops',
      `### Operations (\`npm run bench:ops\`), ${result.date.slice(0, 10)}\n\n` +
        `Machine: ${describeMachine(result.machine)}; other work used ${result.othersCpuPercent ?? '?'} % of the CPU meanwhile. ` +
        `Cold start: the median of ${s?.runs ?? 0} starts of the built server on an empty data dir (embedded ` +
        `PostgreSQL initialised, migrated, demo seeded); the database killed: 8 clients on the demo data; ` +
        `backup: the bench data set's cluster while it runs.\n\n` +
        markdownTable(headers, rows),
    );
    log('Summary written to docs/benchmarks.md.');
  }
}

main()
  .catch((err) => {
    process.stderr.write(`\n${err instanceof BenchError ? err.message : (err.stack ?? err)}\n\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  });
