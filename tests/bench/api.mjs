#!/usr/bin/env node
// The analyst-API benchmark, on the data set of bench:generate. Measures, never asserts.
//
//   npm run bench:api                                   # list, asof, q on the embedded bench cluster
//   npm run bench:api -- --duration 20 --connections 10
//   npm run bench:api -- --scenarios health             # the harness against /api/health alone
//   npm run bench:api -- --url postgresql://user:pw@host:5432/rabta_bench
//
// For each scenario the built API (apps/api/dist/main.js) is first started behind a recording proxy
// (sql-capture.mjs), sent each request of the scenario, and every statement it ran is recorded with its values. Then
// the API is restarted directly on the database and driven by autocannon; and the recorded statements are replayed
// through `pg` from this process with the same concurrency and pool size: the baseline. The ratio API ÷ pg
// (throughput) says what the HTTP layer, Nest, Prisma and JSON cost on top of the SQL.
import autocannon from 'autocannon';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  BENCH_ANALYST_EMAIL,
  BenchError,
  CpuMeter,
  describeMachine,
  loadBuilt,
  machine,
  markdownTable,
  mintApiToken,
  ms,
  openBenchDatabase,
  othersCpuPercent,
  out,
  percentile,
  profileBreakdown,
  readProfile,
  redact,
  RoleMeter,
  startApi,
  stopOnSignals,
  table,
  topOfProfile,
  updateDocsSection,
} from './lib.mjs';
import { describePlan, planOf, replay, slowestStatement, SqlCapture } from './sql-capture.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    scenarios: { type: 'string', default: 'list,asof,q' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '4' },
    /** API and pg runs alternate in this many rounds of duration/rounds each. */
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    /** The API's pool: createPrismaClient's default `max`. */
    pool: { type: 'string', default: '10' },
    'as-of': { type: 'string', default: '2025-06-01' },
    'no-docs': { type: 'boolean', default: false },
    /** Also EXPLAIN (ANALYZE, BUFFERS) the slowest recorded statement of each scenario. */
    explain: { type: 'boolean', default: false },
    /** Also CPU-profile the API (node --cpu-prof) during the measured runs; prints where its time goes. */
    profile: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(
    'Options: --url <postgres url> --scenarios list,asof,q,health --duration <s> --warmup <s> --rounds <n> --connections <n> --pool <n> --as-of <YYYY-MM-DD> --explain --profile --no-docs\n',
  );
  process.exit(0);
}
const DURATION = Number(args.duration) * 1000;
const WARMUP = Number(args.warmup) * 1000;
const CONNECTIONS = Number(args.connections);
const POOL = Number(args.pool);
const ROUNDS = Math.max(1, Number(args.rounds));

/** What an analyst types: Urdu words of the domain, one spelled with Arabic kaf and yeh (must find the same rows). */
const URDU_QUERIES = ['کراچی', 'اسٹیل مل', 'پن بجلی', 'ریلوے', 'ایل پی جی', 'كراچي'];

const listPath = (params) =>
  '/api/initiatives?' +
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&');

const SCENARIOS = {
  health: {
    title: 'GET /api/health (stand-in)',
    auth: false,
    list: false,
    variants: () => ['/api/health'],
  },
  list: {
    title: 'GET /api/initiatives sector filter, sort updatedAt DESC, 25 rows',
    auth: true,
    list: true,
    variants: (ctx) =>
      ctx.sectorIds.map((id) => listPath({ filter: { sectorId: id }, sort: ['updatedAt', 'DESC'], range: [0, 24] })),
    aim: 'ratio ≥ 0.8 (floor 0.5)',
  },
  asof: {
    title: `GET /api/initiatives?asOf=${args['as-of']}, sort updatedAt DESC, 25 rows`,
    auth: true,
    list: true,
    variants: () => [listPath({ asOf: args['as-of'], sort: ['updatedAt', 'DESC'], range: [0, 24] })],
    aim: 'p95 < 100 ms',
  },
  q: {
    title: `GET /api/initiatives filter q (Urdu: ${URDU_QUERIES.join('، ')}), 25 rows`,
    auth: true,
    list: true,
    variants: () => URDU_QUERIES.map((q) => listPath({ filter: { q }, range: [0, 24] })),
    aim: 'p95 < 50 ms',
  },
};

const log = (msg) => process.stdout.write(`${msg}\n`);

async function request(base, path, headers) {
  const res = await fetch(base + path, { headers });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, contentRange: res.headers.get('content-range'), body };
}

/** Sends each variant a few times through the recording proxy; keeps the statements of the last, warm, one. */
async function capture(api, proxy, scenario, variants, headers) {
  const plans = [];
  const checks = [];
  for (const path of variants) {
    let res;
    for (let i = 0; i < 3; i++) res = await request(api.base, path, headers);
    const mark = proxy.mark();
    res = await request(api.base, path, headers);
    // Statements are recorded when PostgreSQL answers; give stragglers a moment.
    await new Promise((r) => setTimeout(r, 50));
    const records = proxy.since(mark);
    if (res.status !== 200) {
      const detail =
        typeof res.body === 'object' ? JSON.stringify(res.body).slice(0, 300) : String(res.body).slice(0, 300);
      return { available: false, reason: `${path} answered ${res.status}: ${detail}` };
    }
    if (scenario.list && (!Array.isArray(res.body) || !res.contentRange)) {
      return {
        available: false,
        reason: `${path} answered 200 but not a react-admin list (array body and Content-Range)`,
      };
    }
    const plan = planOf(records);
    if (!plan.length) return { available: false, reason: `${path}: no SQL was recorded for it` };
    plans.push(plan);
    checks.push({
      path,
      rows: Array.isArray(res.body) ? res.body.length : undefined,
      contentRange: res.contentRange,
      statements: plan.reduce((n, u) => n + u.statements.length, 0),
    });
  }
  return { available: true, plans, checks };
}

async function runApi(base, variants, headers, duration, connections = CONNECTIONS, apiPid = undefined) {
  const latencies = [];
  const cpu = new RoleMeter().start(apiPid);
  let non2xx = 0;
  const started = performance.now();
  const instance = autocannon({
    url: base,
    connections,
    duration: duration / 1000,
    headers,
    requests: variants.map((path) => ({ method: 'GET', path })),
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else non2xx++;
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  return { latencies, seconds, non2xx, errors: result.errors + result.timeouts, ...cpu.stop() };
}

async function runPg(pool, plans, duration, apiPid = undefined) {
  const latencies = [];
  const cpu = new RoleMeter().start(apiPid);
  let errors = 0;
  let lastError;
  const started = performance.now();
  const until = started + duration;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, worker) => {
      let k = worker;
      while (performance.now() < until) {
        const plan = plans[k++ % plans.length];
        const t = performance.now();
        try {
          await replay(pool, plan);
          latencies.push(performance.now() - t);
        } catch (err) {
          errors++;
          lastError = err.message;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { latencies, seconds, errors, lastError, ...cpu.stop() };
}

/** Figures of one or more runs taken together. */
function summarise(...parts) {
  const latencies = parts.flatMap((p) => p.latencies);
  const seconds = parts.reduce((n, p) => n + p.seconds, 0);
  const extra = {};
  for (const p of parts) {
    for (const [k, v] of Object.entries(p)) {
      if (k === 'latencies' || k === 'seconds') continue;
      if (typeof v === 'number') extra[k] = (extra[k] ?? 0) + v;
      else if (v !== undefined) extra[k] = v;
    }
  }
  return {
    requests: latencies.length,
    seconds: Number(seconds.toFixed(2)),
    rps: Number((latencies.length / seconds).toFixed(1)),
    p50: Number(percentile(latencies, 50).toFixed(2)),
    p95: Number(percentile(latencies, 95).toFixed(2)),
    p99: Number(percentile(latencies, 99).toFixed(2)),
    max: Number(Math.max(...latencies, 0).toFixed(2)),
    ...extra,
  };
}

function verdict(name, r) {
  if (!r.api) return '';
  if (name === 'list') return r.ratio >= 0.8 ? 'meets aim' : r.ratio >= 0.5 ? 'above floor, below aim' : 'BELOW FLOOR';
  const p95 = (limit) =>
    r.api.p95 < limit
      ? 'meets aim'
      : r.apiOneConnection.p95 < limit
        ? `misses aim at ${CONNECTIONS} conn, meets it alone`
        : 'misses aim';
  if (name === 'asof') return p95(100);
  if (name === 'q') return p95(50);
  return '';
}

async function main() {
  const names = args.scenarios
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const n of names)
    if (!SCENARIOS[n]) throw new BenchError(`Unknown scenario "${n}". Known: ${Object.keys(SCENARIOS).join(', ')}`);
  const built = loadBuilt();
  const database = await openBenchDatabase(built, { url: args.url });
  stopOnSignals(database.stop);
  let api;
  let proxy;
  const pool = new built.pg.Pool({ connectionString: database.url, max: POOL });
  // Idle connections are cut when the embedded server stops at the end; a failing query rejects on its own.
  pool.on('error', () => undefined);
  try {
    log(
      `Bench database: ${redact(database.url)}${database.embedded ? ' (embedded cluster in tests/bench/out/pgdata)' : ''}`,
    );
    const client = new built.pg.Client({ connectionString: database.url });
    await client.connect();
    let token;
    let sectorIds;
    let pgVersion;
    let dataSet;
    try {
      const n = await client
        .query(
          `SELECT (SELECT count(*) FROM initiatives) AS initiatives, (SELECT count(*) FROM status_updates) AS status_updates,
        (SELECT count(*) FROM milestones) AS milestones, (SELECT count(*) FROM audit_events) AS audit_events`,
        )
        .catch(() => undefined);
      if (!n || Number(n.rows[0].initiatives) === 0)
        throw new BenchError(
          'The bench database holds no initiatives: run `npm run bench:generate` first (see docs/benchmarks.md).',
        );
      dataSet = Object.fromEntries(Object.entries(n.rows[0]).map(([k, v]) => [k, Number(v)]));
      token = await mintApiToken(client, BENCH_ANALYST_EMAIL, 'bench:api');
      sectorIds = (await client.query('SELECT DISTINCT sector_id FROM initiative_sectors ORDER BY 1')).rows.map(
        (r) => r.sector_id,
      );
      pgVersion = (await client.query('SHOW server_version')).rows[0].server_version.split(' ')[0];
    } finally {
      await client.end();
    }
    log(
      `Data set: ${Object.entries(dataSet)
        .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
        .join(', ')}`,
    );
    const ctx = { sectorIds };
    const headersFor = (s) =>
      s.auth ? { authorization: `Bearer ${token}`, accept: 'application/json' } : { accept: 'application/json' };

    // 1. Record the SQL of each request, through the proxy.
    const upstream = new URL(database.url);
    proxy = new SqlCapture({ upstreamHost: upstream.hostname, upstreamPort: Number(upstream.port || 5432) });
    const proxyPort = await proxy.listen();
    const viaProxy = new URL(database.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxyPort);
    log('Starting the API behind the recording proxy to find the SQL of each request…');
    api = await startApi(built, { databaseUrl: viaProxy.toString() });
    const captured = {};
    for (const name of names) {
      const s = SCENARIOS[name];
      captured[name] = await capture(api, proxy, s, s.variants(ctx), headersFor(s));
      const c = captured[name];
      if (c.available) {
        const first = c.checks[0];
        log(
          `  ${name}: ${c.checks.length} request variant(s), ${first.statements} statement(s) each, e.g. ${first.path} → ${first.rows ?? '-'} rows${first.contentRange ? `, Content-Range ${first.contentRange}` : ''}`,
        );
      } else {
        log(`  ${name}: NOT MEASURED — ${c.reason}`);
      }
    }
    await api.stop();
    api = undefined;
    await proxy.close();
    proxy = undefined;
    const sqlRecord = Object.fromEntries(
      Object.entries(captured)
        .filter(([, c]) => c.available)
        .map(([name, c]) => [name, c.checks.map((check, i) => ({ ...check, plan: describePlan(c.plans[i]) }))]),
    );
    writeFileSync(out('api-sql.json'), JSON.stringify(sqlRecord, null, 2) + '\n');

    if (args.explain) {
      const lines = [];
      for (const [name, c] of Object.entries(captured)) {
        if (!c.available) continue;
        const s = slowestStatement(c.plans[0]);
        if (!s || s.simple) continue;
        const plan = await pool.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, values: s.values });
        lines.push(
          `=== ${name}: ${c.checks[0].path}`,
          `--- ${s.text.replace(/\s+/g, ' ').trim()}`,
          `--- values: ${JSON.stringify(s.values)}`,
          ...plan.rows.map((r) => r['QUERY PLAN']),
          '',
        );
      }
      writeFileSync(out('api-explain.txt'), lines.join('\n'));
      log(`EXPLAIN of the slowest statement of each scenario: tests/bench/out/api-explain.txt`);
    }

    // 2. The API directly on the database, then the same SQL through pg, for each scenario.
    log(
      `Starting the API directly on the database; ${CONNECTIONS} connections, ${DURATION / 1000} s per run after ${WARMUP / 1000} s of warm-up…`,
    );
    const profileDir = out('profile');
    if (args.profile) rmSync(profileDir, { recursive: true, force: true });
    api = await startApi(built, {
      databaseUrl: database.url,
      nodeArgs: args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    });
    const results = {};
    for (const name of names) {
      const c = captured[name];
      if (!c.available) {
        results[name] = { title: SCENARIOS[name].title, skipped: c.reason };
        continue;
      }
      const s = SCENARIOS[name];
      const variants = s.variants(ctx);
      const headers = headersFor(s);
      if (WARMUP) {
        await runApi(api.base, variants, headers, WARMUP / 2);
        await runPg(pool, c.plans, WARMUP / 2);
      }
      // API and pg take turns (API, pg, then pg, API…) so a change in the machine's load hits both alike.
      const apiParts = [];
      const pgParts = [];
      const meter = new CpuMeter().start();
      for (let round = 0; round < ROUNDS; round++) {
        const turns = round % 2 === 0 ? ['api', 'pg'] : ['pg', 'api'];
        for (const who of turns) {
          if (who === 'api')
            apiParts.push(await runApi(api.base, variants, headers, DURATION / ROUNDS, CONNECTIONS, api.pid));
          else pgParts.push(await runPg(pool, c.plans, DURATION / ROUNDS, api.pid));
        }
      }
      const apiResult = summarise(...apiParts);
      const pgResult = summarise(...pgParts);
      // One analyst alone: the latency without queueing behind the other connections on 2 cores.
      const single = summarise(await runApi(api.base, variants, headers, DURATION / 2, 1));

      const ratio = Number((apiResult.rps / pgResult.rps).toFixed(2));
      // CPU per request on each side (contention-proof): the API's side is the API, PostgreSQL and the load
      // generator; the baseline's is the replaying client and PostgreSQL. On a quiet machine both are CPU-bound on
      // the same cores, so the ratio of these costs is what the throughput ratio tends to.
      const perRequest = (r, roles) =>
        r.cpuApiMs === undefined ? undefined : roles.reduce((n, k) => n + r[k], 0) / Math.max(1, r.requests);
      const cpu = {
        apiMsPerRequest: perRequest(apiResult, ['cpuApiMs']),
        apiSideMsPerRequest: perRequest(apiResult, ['cpuApiMs', 'cpuDbMs', 'cpuBenchMs']),
        pgSideMsPerRequest: perRequest(pgResult, ['cpuDbMs', 'cpuBenchMs']),
      };
      cpu.ratio =
        cpu.apiSideMsPerRequest && cpu.pgSideMsPerRequest
          ? Number((cpu.pgSideMsPerRequest / cpu.apiSideMsPerRequest).toFixed(2))
          : undefined;
      const othersCpu = othersCpuPercent(meter);
      results[name] = {
        title: s.title,
        aim: s.aim,
        api: apiResult,
        pg: pgResult,
        ratio,
        cpu,
        apiOneConnection: single,
        othersCpuPercent: othersCpu,
      };
      results[name].verdict = verdict(name, results[name]);
      log(
        `  ${name}: API ${apiResult.rps} req/s p95 ${ms(apiResult.p95)}; pg ${pgResult.rps} req/s p95 ${ms(pgResult.p95)}; ratio ${ratio}; ` +
          `API with 1 connection p95 ${ms(single.p95)}` +
          (cpu.ratio === undefined
            ? ''
            : `; CPU per request: API ${ms(cpu.apiMsPerRequest)}, API side ${ms(cpu.apiSideMsPerRequest)}, pg side ${ms(cpu.pgSideMsPerRequest)}, CPU ratio ${cpu.ratio}`) +
          (othersCpu === undefined ? '' : `; other work used ${othersCpu} % of the CPU meanwhile`),
      );
      if (othersCpu > 10)
        log(
          `    Other processes competed for the ${cpus().length} cores (${othersCpu} % of the CPU): these figures are noisy.`,
        );
      if (apiResult.non2xx || apiResult.errors)
        log(`    API: ${apiResult.non2xx} non-2xx responses, ${apiResult.errors} errors/timeouts`);
      if (pgResult.errors) log(`    pg: ${pgResult.errors} errors, last: ${pgResult.lastError}`);
    }
    await api.stop();
    api = undefined;
    let profileTop;
    let profileOrigins;
    if (args.profile) {
      const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
      if (file) {
        log(
          `\nWhere the API's busy CPU time went while serving (self time, % of non-idle samples from the first request on; ` +
            `open tests/bench/out/profile/${file} in Chrome DevTools for more):`,
        );
        const profile = readProfile(join(profileDir, file), { sinceRequests: true });
        profileTop = topOfProfile(profile, 15);
        profileOrigins = profileBreakdown(profile).origins.slice(0, 8);
        log(
          table(
            ['function', '%'],
            profileTop.map((r) => [r.fn, r.percent]),
          ),
        );
      } else log('No CPU profile was written (did the API exit cleanly?).');
    }

    // 3. Report.
    const headers = [
      'scenario',
      'API req/s',
      'API p50',
      'API p95',
      'API p99',
      'pg req/s',
      'pg p95',
      'ratio',
      'API p95, 1 conn',
      'others CPU',
      'aim',
      'verdict',
    ];
    const rows = Object.entries(results).map(([name, r]) =>
      r.skipped
        ? [name, 'not measured', '', '', '', '', '', '', '', '', SCENARIOS[name].aim ?? '', r.skipped.slice(0, 60)]
        : [
            name,
            r.api.rps,
            ms(r.api.p50),
            ms(r.api.p95),
            ms(r.api.p99),
            r.pg.rps,
            ms(r.pg.p95),
            r.ratio,
            ms(r.apiOneConnection.p95),
            r.othersCpuPercent === undefined ? '?' : `${r.othersCpuPercent} %`,
            r.aim ?? '',
            r.verdict,
          ],
    );
    const m = machine();
    log(`\n${table(headers, rows)}\n`);
    log(
      'ratio = API requests/s ÷ pg requests/s (the same statements, values and concurrency replayed through pg in this process).',
    );
    log(
      `p50/p95/p99 and req/s at ${CONNECTIONS} concurrent connections; "API p95, 1 conn": one client alone, no queueing.`,
    );
    log(
      "others CPU: the share of the machine's CPU that processes other than this benchmark, the API and its PostgreSQL used meanwhile.",
    );
    log(`Machine: ${describeMachine(m, pgVersion)}. The SQL replayed: tests/bench/out/api-sql.json.`);
    const result = {
      date: new Date().toISOString(),
      machine: m,
      postgres: pgVersion,
      dataSet,
      settings: {
        connections: CONNECTIONS,
        durationSeconds: DURATION / 1000,
        rounds: ROUNDS,
        warmupSeconds: WARMUP / 1000,
        pgPoolMax: POOL,
        asOf: args['as-of'],
        urduQueries: URDU_QUERIES,
      },
      results,
    };
    writeFileSync(out('api.json'), JSON.stringify(result, null, 2) + '\n');
    log('Figures: tests/bench/out/api.json.');
    if (!args['no-docs']) {
      updateDocsSection(
        'api',
        `### Analyst API (\`npm run bench:api\`), ${result.date.slice(0, 10)}\n\n` +
          `Machine: ${describeMachine(m, pgVersion)}, shared with other work: \`others CPU\` is the share of ` +
          'the CPU that processes other than the benchmark, the API and its PostgreSQL used during a scenario (the higher, the noisier). ' +
          `Data set: ${Object.entries(dataSet)
            .map(([k, v]) => `${v.toLocaleString('en')} ${k.replace(/_/g, ' ')}`)
            .join(', ')}. ` +
          `${CONNECTIONS} concurrent connections, ${DURATION / 1000} s each for API and pg (alternating in ${ROUNDS} rounds) after ` +
          `${WARMUP / 1000} s of warm-up; pg pool ${POOL} (the API's).\n\n` +
          markdownTable(headers, rows) +
          '\n\nBaseline: the statements the API ran for each request (recorded through a protocol proxy), replayed with the same ' +
          'values, transaction grouping and ordering through `pg` from the benchmark process at the same concurrency. ' +
          `ratio = API req/s ÷ baseline req/s. Latencies at ${CONNECTIONS} connections; "API p95, 1 conn" is one client alone ` +
          '(no queueing behind the others on 2 cores).' +
          `\n\nCPU per request (each side's processes, measured from /proc, less sensitive to other work than req/s): ` +
          Object.entries(results)
            .filter(([, r]) => !r.skipped && r.cpu?.ratio !== undefined)
            .map(
              ([name, r]) =>
                `${name}: API side ${ms(r.cpu.apiSideMsPerRequest)} (the API alone ${ms(r.cpu.apiMsPerRequest)}), ` +
                `pg side ${ms(r.cpu.pgSideMsPerRequest)}, CPU ratio ${r.cpu.ratio}`,
            )
            .join('; ') +
          '.',
      );
      // The profile has a section of its own, rewritten only by a --profile run: a plain run (the profiler's own
      // cost kept out of the figures) leaves the last profile in place.
      if (profileTop)
        updateDocsSection(
          'api-profile',
          `### Where the API's CPU goes (\`npm run bench:api -- --profile\`), ${result.date.slice(0, 10)}\n\n` +
            `Self time of the API's functions while serving ${names.join(', ')} (% of the busy samples from the first ` +
            'request on; start-up left out). `(program)` is V8 and native code outside JavaScript functions, `writev` ' +
            "the socket writes of PostgreSQL's protocol and of the HTTP replies.\n\n" +
            markdownTable(
              ['function', '%'],
              profileTop.map((r) => [`\`${r.fn}\``, r.percent]),
            ) +
            '\n\nBy where the running code comes from: ' +
            profileOrigins.map((o) => `${o.origin} ${o.percent} %`).join(', ') +
            '.',
        );
      log('Summary written to docs/benchmarks.md.');
    }
  } finally {
    await api?.stop();
    await proxy?.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await database.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`\n${err instanceof BenchError ? err.message : (err.stack ?? err)}\n\n`);
  process.exit(1);
});
