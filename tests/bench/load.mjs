#!/usr/bin/env node
// A mixed load on the analyst API, on the data set of bench:generate, and what it must not break: no 5xx, no lost
// update. Measures and checks; never times an assertion.
//
//   npm run bench:load                                   # 60 s, 100 connections, then again with a database restart
//   npm run bench:load -- --duration 30 --connections 50 --no-restart
//   npm run bench:load -- --only-restart --restart-at 20
//
// Each connection loops (waiting as a 503's Retry-After asks, as the admin does): 80 % reads (half an initiatives list page with a sector filter, half one initiative), 15 %
// updates with versions (PUT /api/initiatives/:id with the version the client last saw, as the admin's form does;
// 409 when someone was first), 5 % status updates (a health change with a note). Every write carries a marker of its
// own, so that afterwards the database can be asked what became of each one:
// - every write answered 200/201 is in the audit log exactly once, and each record reads as its last audited write
//   left it (no lost update: two acknowledged updates of one record never share a resulting version);
// - a write answered 409 (or 4xx) left nothing, neither in the record nor in the audit log;
// - 5xx: none — except, in the run with a restart, 503 DATABASE_UNAVAILABLE while the database is down and for the
//   5 s the issue allows for service to come back.
// While it runs, what PostgreSQL's active backends wait for is sampled (pg_stat_activity), so a lock that serialises
// writes shows up by name.
import { Agent, request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  BENCH_ANALYST_EMAIL,
  BENCH_DB,
  BenchError,
  CpuMeter,
  describeMachine,
  loadBuilt,
  machine,
  markdownTable,
  mintApiToken,
  ms,
  othersCpuPercent,
  out,
  PGDATA,
  percentile,
  quietLogger,
  redact,
  startApi,
  table,
  updateDocsSection,
} from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '100' },
    /** Initiatives the writes go to (reads go to all): small enough for writers to meet. */
    hot: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '5' },
    /** When, in the restart run, the database is restarted (default: halfway). */
    'restart-at': { type: 'string' },
    'no-restart': { type: 'boolean', default: false },
    'only-restart': { type: 'boolean', default: false },
    processes: { type: 'string', default: '1' },
    'no-docs': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(
    'Options: --duration <s> --connections <n> --hot <initiatives> --warmup <s> --restart-at <s> --no-restart --only-restart --processes <n> --url <postgres url> --no-docs\n',
  );
  process.exit(0);
}
const DURATION = Number(args.duration) * 1000;
const CONNECTIONS = Number(args.connections);
const HOT = Number(args.hot);
const WARMUP = Number(args.warmup) * 1000;
const RESTART_AT = (args['restart-at'] ? Number(args['restart-at']) : Number(args.duration) / 2) * 1000;
const PROCESSES = Math.max(1, Number(args.processes));
/** How long after the database accepts connections again a 503 is still within the allowed window. */
const RESUME_GRACE_MS = 5_000;

const log = (msg) => process.stdout.write(`${msg}\n`);

// ------------------------------------------------------------------------------------------------- HTTP client

/** One request on a keep-alive agent: status, parsed body (JSON) and milliseconds. */
function send(agent, base, method, path, headers, body) {
  return new Promise((resolve) => {
    const started = performance.now();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: payload
          ? { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : headers,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          let parsed;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            parsed = undefined;
          }
          const retryAfter = Number(res.headers['retry-after']);
          resolve({
            status: res.statusCode,
            body: parsed,
            ms: performance.now() - started,
            retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined,
          });
        });
        res.on('error', () => resolve({ status: 0, body: undefined, ms: performance.now() - started }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: undefined, ms: performance.now() - started }));
    req.end(payload);
  });
}

const listPath = (sectorId) =>
  '/api/initiatives?' +
  [
    `filter=${encodeURIComponent(JSON.stringify({ sectorId }))}`,
    `sort=${encodeURIComponent(JSON.stringify(['updatedAt', 'DESC']))}`,
    `range=${encodeURIComponent(JSON.stringify([0, 24]))}`,
  ].join('&');

// --------------------------------------------------------------------------------------------------- the load

/**
 * Runs the mix for `duration` ms over `apis` (connections spread evenly); returns every request with its outcome.
 * `world`: sector ids, the hot initiatives and the versions the clients last saw of them.
 */
async function runMix(apis, world, headers, duration, runId, { onTick } = {}) {
  const agents = apis.map(() => new Agent({ keepAlive: true, maxSockets: CONNECTIONS }));
  const requests = [];
  const started = performance.now();
  const until = started + duration;
  let seq = 0;
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, worker) => {
      const api = worker % apis.length;
      const base = apis[api].base;
      const agent = agents[api];
      while (performance.now() < until) {
        const r = Math.random();
        const at = performance.now() - started;
        if (r < 0.4) {
          const res = await send(agent, base, 'GET', listPath(pick(world.sectorIds)), headers);
          requests.push({
            op: 'list',
            status: res.status,
            ms: res.ms,
            at,
            code: res.body?.code,
            retryAfter: res.retryAfter,
          });
        } else if (r < 0.8) {
          const id = pick(world.hot);
          const res = await send(agent, base, 'GET', `/api/initiatives/${id}`, headers);
          if (res.status === 200) {
            world.versions.set(id, res.body.version);
            world.healths.set(id, res.body.health);
          }
          requests.push({
            op: 'read',
            status: res.status,
            ms: res.ms,
            at,
            code: res.body?.code,
            retryAfter: res.retryAfter,
          });
        } else if (r < 0.95) {
          const id = pick(world.hot);
          const version = world.versions.get(id);
          const marker = `load ${runId} ${++seq}`;
          const res = await send(agent, base, 'PUT', `/api/initiatives/${id}`, headers, { summaryEn: marker, version });
          if (res.status === 200) world.versions.set(id, res.body.version);
          else if (res.status === 409 && res.body?.current?.version) world.versions.set(id, res.body.current.version);
          requests.push({
            op: 'update',
            status: res.status,
            ms: res.ms,
            at,
            code: res.body?.code,
            retryAfter: res.retryAfter,
            id,
            marker,
            version: res.status === 200 ? res.body.version : undefined,
          });
        } else {
          const id = pick(world.hot);
          const marker = `load ${runId} ${++seq}`;
          const res = await send(agent, base, 'POST', `/api/initiatives/${id}/status-updates`, headers, {
            // A change of health (one to the health it has would be news without a source: 422).
            toHealth: pick(world.allHealths.filter((h) => h !== world.healths.get(id))),
            effectiveAt: new Date().toISOString(),
            note: marker,
          });
          if (res.status === 201) world.healths.set(id, res.body.toHealth);
          requests.push({
            op: 'status',
            status: res.status,
            ms: res.ms,
            at,
            code: res.body?.code,
            retryAfter: res.retryAfter,
            id,
            marker,
            statusUpdateId: res.status === 201 ? res.body.id : undefined,
          });
        }
        onTick?.();
        // A well-behaved client waits as a 503's Retry-After asks (the admin does); not past the run's end.
        const last = requests[requests.length - 1];
        if (last.status === 503 && last.retryAfter)
          await new Promise((r) =>
            setTimeout(r, Math.max(0, Math.min(last.retryAfter * 1000, until - performance.now()))),
          );
      }
    }),
  );
  for (const a of agents) a.destroy();
  return { requests, seconds: (performance.now() - started) / 1000 };
}

/** What PostgreSQL's active backends wait for, sampled every 200 ms while the load runs. */
function sampleWaits(pool) {
  const waits = new Map();
  let samples = 0;
  let active = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const rows = (
          await pool.query(
            `SELECT coalesce(wait_event_type || ': ' || wait_event, 'CPU (not waiting)') AS w
               FROM pg_stat_activity
              WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()
                AND datname = current_database()`,
          )
        ).rows;
        samples += 1;
        active += rows.length;
        for (const { w } of rows) waits.set(w, (waits.get(w) ?? 0) + 1);
      } catch {
        // the database is restarting
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return {
      samples,
      meanActive: samples ? Number((active / samples).toFixed(1)) : 0,
      top: [...waits.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([w, n]) => ({ wait: w, share: Number(((n / Math.max(1, active)) * 100).toFixed(1)) })),
    };
  };
}

// ------------------------------------------------------------------------------------------------ verification

/** Asks the database what became of every write of the run; returns the problems found (none is the aim). */
async function verify(pool, runId, requests, hot, auditFrom, { allowAmbiguous }) {
  const problems = [];
  const like = `load ${runId} %`;
  const updates = (
    await pool.query(
      `SELECT entity_id::int AS id, after->>'summaryEn' AS marker, (after->>'version')::int AS version, id AS audit_id
         FROM audit_events WHERE id > $1 AND entity = 'initiatives' AND action = 'update' AND after->>'summaryEn' LIKE $2
           AND before->>'summaryEn' IS DISTINCT FROM after->>'summaryEn'`,
      [auditFrom, like],
    )
  ).rows;
  const audited = new Map();
  for (const u of updates) audited.set(u.marker, [...(audited.get(u.marker) ?? []), u]);
  const statusAudits = new Set(
    (
      await pool.query(
        `SELECT after->>'noteEn' AS marker FROM audit_events
          WHERE id > $1 AND entity = 'status-updates' AND action = 'create' AND after->>'noteEn' LIKE $2`,
        [auditFrom, like],
      )
    ).rows.map((r) => r.marker),
  );
  const statusRows = new Map(
    (await pool.query(`SELECT id, note_en AS marker FROM status_updates WHERE note_en LIKE $1`, [like])).rows.map(
      (r) => [r.marker, r.id],
    ),
  );
  const rows = new Map(
    (await pool.query('SELECT id, version, summary_en FROM initiatives WHERE id = ANY($1)', [hot])).rows.map((r) => [
      r.id,
      r,
    ]),
  );

  let ackUpdates = 0;
  let conflicts = 0;
  let ackStatus = 0;
  const versionsById = new Map();
  for (const r of requests) {
    if (r.op === 'update') {
      const found = audited.get(r.marker) ?? [];
      if (r.status === 200) {
        ackUpdates++;
        if (found.length !== 1 || found[0].id !== r.id || found[0].version !== r.version)
          problems.push(`update ${r.marker} answered 200 (version ${r.version}) but audited ${found.length} time(s)`);
        const seen = versionsById.get(r.id) ?? new Set();
        if (seen.has(r.version))
          problems.push(`two updates of initiative ${r.id} answered 200 as version ${r.version}`);
        seen.add(r.version);
        versionsById.set(r.id, seen);
      } else if (r.status >= 400 && r.status < 500) {
        if (r.status === 409) conflicts++;
        if (found.length) problems.push(`update ${r.marker} answered ${r.status} but was audited`);
      } else if (!(allowAmbiguous && (r.status === 503 || r.status === 0)) && found.length > 1) {
        problems.push(`update ${r.marker} answered ${r.status} and was audited ${found.length} times`);
      }
    } else if (r.op === 'status') {
      if (r.status === 201) {
        ackStatus++;
        if (statusRows.get(r.marker) !== r.statusUpdateId || !statusAudits.has(r.marker))
          problems.push(`status update ${r.marker} answered 201 but is not there with its audit event`);
      } else if (r.status >= 400 && r.status < 500) {
        if (statusRows.has(r.marker) || statusAudits.has(r.marker))
          problems.push(`status update ${r.marker} answered ${r.status} but was recorded`);
      }
    }
  }
  // A 409's text never reached a record either.
  const conflictMarkers = requests.filter((r) => r.op === 'update' && r.status === 409).map((r) => r.marker);
  for (const row of rows.values())
    if (conflictMarkers.includes(row.summary_en))
      problems.push(`initiative ${row.id} holds ${row.summary_en}, which was answered 409`);
  // Each record reads as its last audited update left it, and its version went up once per audited change.
  const lastById = new Map();
  for (const u of updates) if (!lastById.has(u.id) || lastById.get(u.id).audit_id < u.audit_id) lastById.set(u.id, u);
  for (const [id, u] of lastById) {
    if (rows.get(id)?.summary_en !== u.marker)
      problems.push(
        `initiative ${id} reads "${rows.get(id)?.summary_en}", its last audited update wrote "${u.marker}"`,
      );
  }
  return { problems, ackUpdates, conflicts, ackStatus };
}

/**
 * The versions of the hot initiatives and how many audited changes each had since `auditFrom`: updates (their
 * version went up) and status changes (the stage or health moved, which moves the version).
 */
async function versionChains(pool, hot, auditFrom) {
  return (
    await pool.query(
      `SELECT i.id, i.version,
              (SELECT count(*) FROM audit_events a
                WHERE a.id > $2 AND a.entity = 'initiatives' AND a.entity_id = i.id::text
                  AND (a.action = 'status.change' OR (a.after->>'version')::int > (a.before->>'version')::int))::int AS changes
         FROM initiatives i WHERE i.id = ANY($1)`,
      [hot, auditFrom],
    )
  ).rows;
}

// ----------------------------------------------------------------------------------------------------- report

function summarise(requests, seconds) {
  const byOp = {};
  for (const r of requests) {
    const o = (byOp[r.op] ??= { n: 0, ok: 0, conflict: 0, other4xx: 0, s5xx: 0, failed: 0, latencies: [] });
    o.n++;
    o.latencies.push(r.ms);
    if (r.status >= 200 && r.status < 300) o.ok++;
    else if (r.status === 409) o.conflict++;
    else if (r.status >= 400 && r.status < 500) o.other4xx++;
    else if (r.status >= 500) o.s5xx++;
    else o.failed++;
  }
  const all = requests.map((r) => r.ms);
  return {
    requests: requests.length,
    rps: Number((requests.length / seconds).toFixed(1)),
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    s5xx: requests.filter((r) => r.status >= 500).length,
    failed: requests.filter((r) => r.status === 0).length,
    byOp: Object.fromEntries(
      Object.entries(byOp).map(([op, o]) => [
        op,
        {
          n: o.n,
          ok: o.ok,
          conflict: o.conflict,
          other4xx: o.other4xx,
          s5xx: o.s5xx,
          failed: o.failed,
          p50: percentile(o.latencies, 50),
          p95: percentile(o.latencies, 95),
          p99: percentile(o.latencies, 99),
        },
      ]),
    ),
  };
}

// ------------------------------------------------------------------------------------------------------- main

async function openDatabase(built, port) {
  if (args.url) return { url: args.url, embedded: false, stop: async () => undefined };
  const pg = await built.db.startEmbeddedPostgres({ dataDir: PGDATA, database: BENCH_DB, logger: quietLogger, port });
  return { url: pg.url, port: pg.port, embedded: true, stop: () => pg.stop() };
}

async function oneRun(built, database, apis, world, headers, { restart }) {
  const runId = `${Date.now().toString(36)}${restart ? 'r' : ''}`;
  const pool = new built.pg.Pool({ connectionString: database.current.url, max: 3 });
  pool.on('error', () => undefined);
  const auditFrom = (await pool.query('SELECT coalesce(max(id), 0)::text AS id FROM audit_events')).rows[0].id;
  const chainsBefore = new Map((await versionChains(pool, world.hot, auditFrom)).map((r) => [r.id, r.version]));
  const stopWaits = sampleWaits(pool);
  const meter = new CpuMeter().start();
  let window;
  let restarting;
  const runStarted = performance.now();
  const wallStarted = Date.now() - performance.now() + runStarted;
  const run = runMix(apis, world, headers, DURATION, runId, {
    onTick: () => {
      if (!restart || restarting || performance.now() - runStarted < RESTART_AT) return;
      restarting = (async () => {
        const from = performance.now() - runStarted;
        await database.current.stop();
        const stopped = performance.now() - runStarted;
        database.current = await openDatabase(built, database.current.port);
        const back = performance.now() - runStarted;
        window = { from, stopped, back, until: back + RESUME_GRACE_MS };
        log(
          `  database restarted: stopped ${(stopped - from).toFixed(0)} ms after the stop began, accepting connections again ${(back - from).toFixed(0)} ms after it`,
        );
      })();
    },
  });
  const { requests, seconds } = await run;
  await restarting;
  for (const [i, api] of apis.entries()) writeFileSync(out(`load-api-${i + 1}.log`), api.log());
  const othersCpu = othersCpuPercent(meter);
  const waits = await stopWaits();
  const summary = summarise(requests, seconds);

  // 5xx: none, or (with a restart) 503 DATABASE_UNAVAILABLE within the window only.
  const badStatus = requests.filter((r) => {
    if (r.status > 0 && r.status < 500) return false;
    if (!window) return true;
    const inWindow = r.at + r.ms >= window.from && r.at <= window.until;
    return !(inWindow && (r.status === 0 || (r.status === 503 && r.code === 'DATABASE_UNAVAILABLE')));
  });
  let firstOkAfter;
  let timeline;
  if (window) {
    // What each API process said about the database, and the answers second by second, from the stop on.
    timeline = [];
    for (const [i, api] of apis.entries())
      for (const line of api.log().split('\n')) {
        const entry = (() => {
          try {
            return JSON.parse(line);
          } catch {
            return undefined;
          }
        })();
        if (!entry?.msg || !/database/i.test(entry.msg) || entry.code === 'DATABASE_UNAVAILABLE') continue;
        const at = Date.parse(entry.time) - wallStarted;
        if (at >= window.from - 1000) timeline.push({ at: Math.round(at - window.back), api: i, msg: entry.msg });
      }
    const buckets = new Map();
    for (const r of requests) {
      const end = r.at + r.ms;
      if (end < window.from) continue;
      const b = Math.floor((end - window.back) / 1000);
      const c = buckets.get(b) ?? { ok: 0, s503: 0, other: 0 };
      if (r.status >= 200 && r.status < 300) c.ok++;
      else if (r.status === 503) c.s503++;
      else c.other++;
      buckets.set(b, c);
    }
    timeline.push(
      ...[...buckets.entries()]
        .filter(([b]) => b <= 15)
        .sort((a, b) => a[0] - b[0])
        .map(([b, c]) => ({ at: b * 1000, answers: `${c.ok} × 2xx, ${c.s503} × 503, ${c.other} other` })),
    );
    timeline.sort((a, b) => a.at - b.at);
    const later = requests.filter((r) => r.at >= window.back && r.status >= 200 && r.status < 300);
    firstOkAfter = later.length ? Math.min(...later.map((r) => r.at + r.ms)) - window.back : undefined;
  }
  const checked = await verify(pool, runId, requests, world.hot, auditFrom, { allowAmbiguous: Boolean(window) });
  const chains = await versionChains(pool, world.hot, auditFrom);
  for (const c of chains) {
    const grew = c.version - chainsBefore.get(c.id);
    if (grew !== c.changes)
      checked.problems.push(`initiative ${c.id}: version grew by ${grew}, audited changes ${c.changes}`);
  }
  await pool.end();
  return {
    restart,
    summary,
    othersCpu,
    waits,
    window,
    firstOkAfter,
    in503: requests.filter((r) => r.status === 503).length,
    unanswered: requests.filter((r) => r.status === 0).length,
    timeline,
    badStatus: badStatus.length,
    badExamples: badStatus.slice(0, 5).map((r) => ({ op: r.op, status: r.status, code: r.code, at: Math.round(r.at) })),
    ...checked,
  };
}

function describeRun(r) {
  const s = r.summary;
  const lines = [
    `${r.restart ? 'With a database restart' : 'Steady'}: ${s.requests} requests in ${(s.requests / s.rps).toFixed(1)} s, ${s.rps} req/s; ` +
      `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}; other work used ${r.othersCpu ?? '?'} % of the CPU.`,
    table(
      ['op', 'requests', '2xx', '409', 'other 4xx', '5xx', 'no answer', 'p50', 'p95', 'p99'],
      Object.entries(s.byOp).map(([op, o]) => [
        op,
        o.n,
        o.ok,
        o.conflict,
        o.other4xx,
        o.s5xx,
        o.failed,
        ms(o.p50),
        ms(o.p95),
        ms(o.p99),
      ]),
    ),
    `acknowledged: ${r.ackUpdates} updates, ${r.ackStatus} status updates; ${r.conflicts} updates answered 409.`,
    `5xx outside the allowed window: ${r.badStatus}; lost or half-done writes: ${r.problems.length}.`,
  ];
  if (r.window)
    lines.push(
      `restart window: ${((r.window.back - r.window.from) / 1000).toFixed(1)} s down; ${r.in503} × 503, ${r.unanswered} unanswered; ` +
        `first 2xx ${r.firstOkAfter === undefined ? 'never' : `${(r.firstOkAfter / 1000).toFixed(2)} s`} after the database was back.`,
    );
  if (r.timeline)
    for (const t of r.timeline)
      lines.push(
        `  ${(t.at / 1000).toFixed(2).padStart(7)} s after the database was back: ${t.msg ?? t.answers}${t.msg ? ` (API ${t.api + 1})` : ''}`,
      );
  lines.push(
    `PostgreSQL's active backends (mean ${r.waits.meanActive}) were: ${r.waits.top.map((w) => `${w.wait} ${w.share} %`).join(', ')}.`,
  );
  for (const p of r.problems.slice(0, 10)) lines.push(`  PROBLEM: ${p}`);
  for (const b of r.badExamples) lines.push(`  5xx: ${JSON.stringify(b)}`);
  return lines.join('\n');
}

async function main() {
  const built = loadBuilt();
  if (args.url && !args['no-restart'])
    throw new BenchError('--url: restart an external database yourself; run with --no-restart.');
  const database = { current: await openDatabase(built) };
  let stopping = false;
  const apis = [];
  const stopAll = async () => {
    for (const a of apis) await a.stop();
    await database.current.stop();
  };
  for (const sig of ['SIGINT', 'SIGTERM'])
    process.on(sig, async () => {
      if (stopping) process.exit(130);
      stopping = true;
      await stopAll().catch(() => undefined);
      process.exit(130);
    });
  try {
    log(`Bench database: ${redact(database.current.url)}`);
    const client = new built.pg.Client({ connectionString: database.current.url });
    await client.connect();
    let world;
    let token;
    let pgVersion;
    let initiatives;
    try {
      initiatives = Number(
        (await client.query('SELECT count(*) AS n FROM initiatives').catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n,
      );
      if (!initiatives)
        throw new BenchError(
          'The bench database holds no initiatives: run `npm run bench:generate` first (see docs/benchmarks.md).',
        );
      token = await mintApiToken(client, BENCH_ANALYST_EMAIL, 'bench:load');
      const hot = (
        await client.query(
          'SELECT id, version, health FROM initiatives WHERE archived_at IS NULL ORDER BY md5(id::text) LIMIT $1',
          [HOT],
        )
      ).rows;
      world = {
        sectorIds: (await client.query('SELECT DISTINCT sector_id FROM initiative_sectors ORDER BY 1')).rows.map(
          (r) => r.sector_id,
        ),
        hot: hot.map((r) => r.id),
        versions: new Map(hot.map((r) => [r.id, r.version])),
        healths: new Map(hot.map((r) => [r.id, r.health])),
        allHealths: [...built.domain.HEALTHS],
      };
      pgVersion = (await client.query('SHOW server_version')).rows[0].server_version.split(' ')[0];
    } finally {
      await client.end();
    }
    const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
    log(`Starting ${PROCESSES} API process(es)…`);
    for (let i = 0; i < PROCESSES; i++)
      apis.push(await startApi(built, { databaseUrl: database.current.url, extraEnv: { REPORT_WORKERS: '0' } }));
    if (WARMUP) {
      log(`Warming up for ${WARMUP / 1000} s…`);
      await runMix(apis, world, headers, WARMUP, `warmup${Date.now().toString(36)}`);
    }
    const runs = [];
    for (const restart of args['only-restart'] ? [true] : args['no-restart'] ? [false] : [false, true]) {
      log(
        `\nRun ${runs.length + 1}: ${DURATION / 1000} s, ${CONNECTIONS} connections${restart ? `, the database restarted at ${RESTART_AT / 1000} s` : ''}…`,
      );
      const r = await oneRun(built, database, apis, world, headers, { restart });
      runs.push(r);
      log(describeRun(r));
    }
    const m = machine();
    log(`\nMachine: ${describeMachine(m, pgVersion)}.`);
    const result = {
      date: new Date().toISOString(),
      machine: m,
      postgres: pgVersion,
      initiatives,
      settings: { durationSeconds: DURATION / 1000, connections: CONNECTIONS, hot: HOT, processes: PROCESSES },
      runs: runs.map((r) => ({ ...r, problems: r.problems.slice(0, 50) })),
    };
    writeFileSync(out('load.json'), JSON.stringify(result, null, 2) + '\n');
    log('Figures: tests/bench/out/load.json.');
    if (runs.some((r) => r.problems.length || r.badStatus)) process.exitCode = 1;
    if (!args['no-docs']) {
      const headersRow = [
        'run',
        'req/s',
        'req/s vs steady',
        'p50',
        'p95',
        'p99',
        '5xx (allowed)',
        'updates 200 / 409',
        'status updates 201',
        'lost or half-done writes',
        'others CPU',
      ];
      // The steady run is the baseline of the run with a restart.
      const steady = runs.find((r) => !r.restart);
      const rows = runs.map((r) => [
        r.restart
          ? `restart at ${RESTART_AT / 1000} s (${((r.window.back - r.window.from) / 1000).toFixed(1)} s down, first 2xx ${(r.firstOkAfter / 1000).toFixed(2)} s after)`
          : 'steady',
        r.summary.rps,
        steady ? `× ${(r.summary.rps / steady.summary.rps).toFixed(2)}` : 'n/a',
        ms(r.summary.p50),
        ms(r.summary.p95),
        ms(r.summary.p99),
        `${r.badStatus} (${r.in503} × 503${r.unanswered ? `, ${r.unanswered} unanswered` : ''})`,
        `${r.ackUpdates} / ${r.conflicts}`,
        r.ackStatus,
        r.problems.length,
        `${r.othersCpu ?? '?'} %`,
      ]);
      updateDocsSection(
        'load',
        `### Mixed load (\`npm run bench:load\`), ${result.date.slice(0, 10)}\n\n` +
          `Machine: ${describeMachine(m, pgVersion)}. ${DURATION / 1000} s at ${CONNECTIONS} connections on ` +
          `${PROCESSES} API process(es) and the data set of bench:generate (${initiatives.toLocaleString('en')} initiatives): 80 % reads ` +
          `(lists and records), 15 % updates with versions, 5 % status updates, writes on ${HOT} initiatives.\n\n` +
          markdownTable(headersRow, rows) +
          `\n\n"5xx (allowed)": 5xx outside the restart window (must be 0), then all 503s. Waits of PostgreSQL's active backends: ` +
          runs
            .map(
              (r) =>
                `${r.restart ? 'restart run' : 'steady run'} ${r.waits.top.map((w) => `${w.wait} ${w.share} %`).join(', ')}`,
            )
            .join('; ') +
          '.',
      );
      log('Summary written to docs/benchmarks.md.');
    }
  } finally {
    if (!stopping) await stopAll();
  }
  if (process.exitCode) log('\nPROBLEMS were found: see above.');
}

main().catch((err) => {
  process.stderr.write(`\n${err instanceof BenchError ? err.message : (err.stack ?? err)}\n\n`);
  process.exit(1);
});
