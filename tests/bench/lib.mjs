// Shared pieces of the benchmarks: the bench database (an embedded cluster kept in tests/bench/out/pgdata, or any
// PostgreSQL through --url), the built packages, the API process, bearer tokens, percentiles and the docs summary.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT = join(ROOT, 'tests', 'bench', 'out');
export const PGDATA = join(OUT, 'pgdata');
export const BENCH_DB = 'rabta_bench';
export const DOCS = join(ROOT, 'docs', 'benchmarks.md');

export const BENCH_ADMIN_EMAIL = 'bench-admin@rabta.local';
export const BENCH_ANALYST_EMAIL = 'bench-analyst@rabta.local';

const require = createRequire(import.meta.url);

/** The built packages the benchmarks use; a clear message when `npm run build` has not run. */
export function loadBuilt() {
  const need = [
    ['packages/db/dist/index.js', '@rabta/db'],
    ['packages/domain/dist/index.js', '@rabta/domain'],
    ['apps/api/dist/main.js', 'the API'],
  ];
  const missing = need.filter(([file]) => !existsSync(join(ROOT, file)));
  if (missing.length) {
    fail(
      `${missing.map(([, what]) => what).join(', ')} not built (${missing.map(([f]) => f).join(', ')} missing). Run \`npm run build\` first.`,
    );
  }
  return {
    db: require(join(ROOT, 'packages/db/dist/index.js')),
    domain: require(join(ROOT, 'packages/domain/dist/index.js')),
    /** The app's own seeding of reference data (countries, sectors, settings). */
    seed: () => require(join(ROOT, 'apps/api/dist/seed/seed.js')),
    /** The app's own source identity hash. */
    hash: () => require(join(ROOT, 'apps/api/dist/common/hash.js')),
    pg: require('pg'),
  };
}

/** A problem the person running the benchmark must fix: printed as a plain message, without a stack. */
export class BenchError extends Error {}

export function fail(message) {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

export function out(file) {
  mkdirSync(OUT, { recursive: true });
  return join(OUT, file);
}

/** A DbLogger that stays quiet except for warnings and errors. */
export const quietLogger = {
  info() {},
  debug() {},
  warn(obj, msg) {
    process.stderr.write(`[postgres] ${msg ?? (typeof obj === 'string' ? obj : JSON.stringify(obj))}\n`);
  },
  error(obj, msg) {
    process.stderr.write(`[postgres] ${msg ?? (typeof obj === 'string' ? obj : JSON.stringify(obj))}\n`);
  },
};

/** Hides the password of a URL for printing. */
export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * --url, or the embedded cluster kept in tests/bench/out/pgdata (started here and stopped by `stop()`; its data stays
 * for the next script). `settings` are `-c` settings for the embedded server only.
 */
export async function openBenchDatabase(built, { url, settings } = {}) {
  if (url) return { url, embedded: false, stop: async () => undefined };
  mkdirSync(OUT, { recursive: true });
  const pg = await built.db.startEmbeddedPostgres({
    dataDir: PGDATA,
    database: BENCH_DB,
    logger: quietLogger,
    settings,
  });
  return { url: pg.url, serverUrl: pg.serverUrl, embedded: true, stop: () => pg.stop() };
}

/** Stops the embedded cluster on Ctrl-C too, so the data dir is left clean. */
export function stopOnSignals(stop) {
  let stopping = false;
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, async () => {
      if (stopping) process.exit(130);
      stopping = true;
      process.stderr.write(`\n${sig}: stopping…\n`);
      await stop().catch(() => undefined);
      process.exit(130);
    });
  }
}

export function sha256Hex(s) {
  return createHash('sha256').update(s).digest('hex');
}

/**
 * A bearer token for a bench user, minted straight into api_tokens exactly as apps/api/src/common/auth/secrets.ts
 * newApiToken() does: `rabta_` + 32 random bytes base64url; token_hash = sha256 hex of the token; prefix = its first
 * 12 characters. Expires in a day.
 */
export async function mintApiToken(client, email, name = 'bench') {
  const user = await client.query('SELECT id FROM users WHERE email = $1', [email]);
  if (!user.rowCount) fail(`No user ${email} in the bench database: run \`npm run bench:generate\` first.`);
  const token = `rabta_${randomBytes(32).toString('base64url')}`;
  await client.query(
    `INSERT INTO api_tokens (user_id, name, token_hash, prefix, expires_at) VALUES ($1, $2, $3, $4, now() + interval '1 day')`,
    [user.rows[0].id, `${name} ${new Date().toISOString()}`, sha256Hex(token), token.slice(0, 12)],
  );
  return token;
}

/** Starts the built API on a free port against `databaseUrl`; resolves once /api/health answers. */
export async function startApi(built, { databaseUrl, logLevel = 'warn', extraEnv = {}, nodeArgs = [] }) {
  const port = await built.db.findFreePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    RABTA_SEED_DEMO: 'false',
    RABTA_DATA_DIR: out('api-data'),
    LOG_LEVEL: logLevel,
    ...extraEnv,
  };
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk.toString('utf8')).slice(-4_000_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  // The first start after new migrations migrates the bench data set (a million audit events): minutes, not seconds.
  const until = Date.now() + 900_000;
  for (;;) {
    if (child.exitCode !== null) fail(`The API exited while starting (code ${child.exitCode}). Its output:\n${log}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      fail(`The API did not answer /api/health within 15 minutes. Its output:\n${log}`);
    }
    await sleep(100);
  }
  return {
    base,
    pid: child.pid,
    log: () => log,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** The value below which p % of the (unsorted) samples fall, nearest-rank. */
export function percentile(samples, p) {
  if (!samples.length) return NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export function machine() {
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpu: cpu[0]?.model?.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

export function describeMachine(m, pgVersion) {
  return `${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, PostgreSQL ${pgVersion ?? '?'}`;
}

/** A plain text table. */
export function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** The same table in Markdown. */
export function markdownTable(headers, rows) {
  const esc = (c) => String(c ?? '').replace(/\|/g, '\\|');
  return [
    `| ${headers.map(esc).join(' | ')} |`,
    `|${headers.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** Replaces the section between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` in docs/benchmarks.md. */
export function updateDocsSection(name, body) {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  let doc = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) doc = doc.slice(0, i) + block + doc.slice(j + end.length);
  else doc = `${doc.trimEnd()}\n\n${block}\n`;
  mkdirSync(dirname(DOCS), { recursive: true });
  writeFileSync(DOCS, doc);
}

export const ms = (v) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : 'n/a');

// ---------------------------------------------------------------------------------------------------------------
// How much of the machine other work used while we measured (this machine's cores are shared): CPU time of the
// whole machine from /proc/stat minus that of this process and its descendants (the API and what it starts, the
// embedded PostgreSQL and its backends). With --url the server is not ours, so a server on this machine counts as
// other work.

function processTable() {
  const table = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const s = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), { ppid: Number(f[1]), cpu: Number(f[11]) + Number(f[12]) });
    } catch {
      // gone meanwhile
    }
  }
  return table;
}

/** The kernel's clock ticks per second, the unit of /proc's CPU times (USER_HZ: 100 on every Linux we run on). */
const CLOCK_TICKS = 100;

function machineJiffies() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { total, busy: total - fields[3] - (fields[4] ?? 0) };
}

/** CPU used by this process and its descendants, per pid. */
function ourProcesses() {
  const table = processTable();
  const children = new Map();
  for (const [pid, p] of table) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(pid);
  }
  const ours = new Map();
  const stack = [process.pid];
  while (stack.length) {
    const pid = stack.pop();
    if (table.has(pid)) ours.set(pid, table.get(pid).cpu);
    stack.push(...(children.get(pid) ?? []));
  }
  return ours;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICK_MS = 10;

/**
 * CPU time (ms) used during one run by this process (the benchmark: autocannon, or the pg replay), by the API
 * (`apiPid` and what it started) and by the rest of our descendants (the embedded PostgreSQL and its backends): what
 * one run cost each side, whatever else the machine was doing. Sampled every 250 ms, so a backend that exits during
 * the run keeps its time.
 */
export class RoleMeter {
  start(apiPid) {
    if (!existsSync('/proc/stat')) return this;
    this.apiPid = apiPid;
    this.seen = new Map();
    const sample = (initial) => {
      const table = processTable();
      const children = new Map();
      for (const [pid, p] of table) {
        if (!children.has(p.ppid)) children.set(p.ppid, []);
        children.get(p.ppid).push(pid);
      }
      const under = (root) => {
        const out = new Set();
        const stack = [root];
        while (stack.length) {
          const pid = stack.pop();
          if (!table.has(pid) || out.has(pid)) continue;
          out.add(pid);
          stack.push(...(children.get(pid) ?? []));
        }
        return out;
      };
      const api = this.apiPid ? under(this.apiPid) : new Set();
      for (const pid of under(process.pid)) {
        const cpu = table.get(pid).cpu;
        const role = pid === process.pid ? 'bench' : api.has(pid) ? 'api' : 'db';
        const s = this.seen.get(pid);
        if (s) s.last = cpu;
        else this.seen.set(pid, { role, first: initial ? cpu : 0, last: cpu });
      }
    };
    sample(true);
    this.timer = setInterval(() => sample(false), 250);
    this.timer.unref();
    this.sample = sample;
    return this;
  }

  /** { cpuBenchMs, cpuApiMs, cpuDbMs } since start(), or {} where /proc is missing. */
  stop() {
    if (!this.seen) return {};
    clearInterval(this.timer);
    this.sample(false);
    const out = { cpuBenchMs: 0, cpuApiMs: 0, cpuDbMs: 0 };
    const key = { bench: 'cpuBenchMs', api: 'cpuApiMs', db: 'cpuDbMs' };
    for (const s of this.seen.values()) out[key[s.role]] += (s.last - s.first) * TICK_MS;
    return out;
  }
}

/**
 * Measures the share of the machine's CPU that other processes used between start() and stop(). Our processes are
 * sampled every 500 ms, so a backend or worker that exits meanwhile (pool connections time out) keeps its CPU time.
 */
export class CpuMeter {
  start() {
    if (!existsSync('/proc/stat')) return this;
    this.first = machineJiffies();
    this.seen = new Map();
    const sample = (initial) => {
      for (const [pid, cpu] of ourProcesses()) {
        const s = this.seen.get(pid);
        if (s) s.last = cpu;
        else this.seen.set(pid, { first: initial ? cpu : 0, last: cpu });
      }
    };
    sample(true);
    this.timer = setInterval(() => sample(false), 500);
    this.timer.unref();
    this.sample = sample;
    return this;
  }

  /** The share (0–1) of the whole machine's CPU used by other processes, or undefined where /proc is missing. */
  stop() {
    if (!this.first) return undefined;
    clearInterval(this.timer);
    this.sample(false);
    const end = machineJiffies();
    let ours = 0;
    for (const s of this.seen.values()) ours += s.last - s.first;
    /** CPU seconds our processes (this one, the API, PostgreSQL) used: less sensitive to a busy machine than wall time. */
    this.ourCpuSeconds = ours / CLOCK_TICKS;
    /** The same per process id (e.g. the API's own share). */
    this.cpuSecondsOf = (pid) => {
      const s = this.seen.get(pid);
      return s ? (s.last - s.first) / CLOCK_TICKS : undefined;
    };
    if (end.total <= this.first.total) return undefined;
    return Math.min(1, Math.max(0, (end.busy - this.first.busy - ours) / (end.total - this.first.total)));
  }
}

/** `new CpuMeter().start()` … `.stop()` as a percentage. */
export function othersCpuPercent(meter) {
  const share = meter.stop();
  return share === undefined ? undefined : Math.round(share * 100);
}

/**
 * Where each step's time went in a V8 .cpuprofile: per window (`start`/`end` from process.hrtime in microseconds,
 * the profile's own clock), the busy seconds, the garbage collector's share and the functions with the most self time.
 */
export function profileByWindow(file, windows, n = 12) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const nameOf = (id) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const where = url ? `${url.replace(`file://${ROOT}/`, '').replace(/^.*node_modules\//, '')}:${lineNumber + 1}` : '';
    return `${functionName || '(anonymous)'} ${where}`.trim();
  };
  const result = windows.map((w) => ({ ...w, busy: 0, gc: 0, self: new Map() }));
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const w = result.find((x) => at >= x.start && at <= x.end);
    const name = nameOf(profile.samples[i]);
    if (!w || name === '(idle)') continue;
    w.busy += ms;
    if (name === '(garbage collector)') w.gc += ms;
    w.self.set(name, (w.self.get(name) ?? 0) + ms);
  }
  return result.map((w) => ({
    label: w.label,
    wallSeconds: (w.end - w.start) / 1e6,
    busySeconds: w.busy / 1000,
    gcPercent: w.busy ? Math.round((w.gc / w.busy) * 100) : 0,
    top: [...w.self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([fn, ms]) => ({ fn, percent: Number(((ms / w.busy) * 100).toFixed(1)) })),
  }));
}

/**
 * A V8 .cpuprofile (node --cpu-prof) read for where the busy time went. `sinceRequests`: only the samples from the
 * first one inside a Fastify request handler on (the serving, not the start-up). The functions below take a file or
 * what this returned, so one profile is parsed once.
 */
export function readProfile(file, { sinceRequests = false } = {}) {
  if (typeof file !== 'string') return file;
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const frameName = (node) => node.callFrame.functionName || '(anonymous)';
  const serving = (id) => {
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const url = byId.get(at).callFrame.url;
      if (url.includes('/fastify/') && frameName(byId.get(at)) === 'runPreParsing') return true;
    }
    return false;
  };
  let samples = profile.samples;
  if (sinceRequests) {
    const first = samples.findIndex(serving);
    samples = first < 0 ? [] : samples.slice(first);
  }
  return { byId, parent, samples, frameName };
}

/** Where a frame's code comes from: our code, a package of node_modules, Node itself, or V8's own work. */
function originOf(url) {
  if (!url) return 'V8 and native (GC, idle excluded)';
  if (url.startsWith('node:')) return 'Node.js';
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) return module[1];
  const ours = /(apps\/[^/]+|packages\/[^/]+)\//.exec(url);
  return ours ? `${ours[1]} (ours)` : url;
}

/** The functions with the most self time in a V8 .cpuprofile, as a share of the busy (non-idle) samples. */
export function topOfProfile(file, n = 20, options = {}) {
  const { byId, samples, frameName } = readProfile(file, options);
  const counts = new Map();
  for (const id of samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const self = new Map();
  for (const [id, count] of counts) {
    const node = byId.get(id);
    const { url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(`file://${ROOT}/`, '').replace(/^.*node_modules\//, '')}:${lineNumber + 1}` : '';
    const key = `${frameName(node)} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + count);
  }
  const idle = self.get('(idle)') ?? 0;
  self.delete('(idle)');
  const total = samples.length - idle;
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, count]) => ({ fn, percent: Number(((count / total) * 100).toFixed(1)) }));
}

/**
 * The busy samples of a profile by where their code comes from (self time: the package of the running function),
 * and the inclusive share of the frames named in `inclusive` (a function and everything it called).
 */
export function profileBreakdown(file, inclusive = [], options = {}) {
  const { byId, parent, samples, frameName } = readProfile(file, options);
  const origins = new Map();
  const within = new Map(inclusive.map((name) => [name, 0]));
  let busy = 0;
  for (const id of samples) {
    const node = byId.get(id);
    if (frameName(node) === '(idle)') continue;
    busy++;
    const origin = originOf(node.callFrame.url);
    origins.set(origin, (origins.get(origin) ?? 0) + 1);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = frameName(byId.get(at));
      if (within.has(name) && !seen.has(name)) {
        seen.add(name);
        within.set(name, within.get(name) + 1);
      }
    }
  }
  const pct = (count) => Number(((count / Math.max(1, busy)) * 100).toFixed(1));
  return {
    origins: [...origins.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([origin, count]) => ({ origin, percent: pct(count) })),
    inclusive: [...within.entries()].map(([fn, count]) => ({ fn, percent: pct(count) })),
  };
}
